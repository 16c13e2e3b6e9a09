import type { Intent, Knowledge } from '../knowledge/schema.js';
import { charPairs } from '../match/score-intents.js';
import { simplify } from '../text/script.js';

/** A list item a question names by its own words ("思想观念有待转变具体指啥"), and the rule that lists it. */
export interface NamedItem {
  intent: Intent;
  list: string;
  index: number;
  /** The item's head in matching form, as the question named it. */
  head: string;
}

/** An item's head this short names too little to be told from other words. */
const MIN_HEAD_CHARS = 6;
/** The share of an item head's character pairs a question must hold to name it (one typo still leaves most). */
const MIN_SHARE = 0.6;

/** …and at least this many of them, so a short head is not named by two common words. */
const MIN_SHARED_PAIRS = 4;
/** What follows a head that opens a passage of its own (思想观念有待转变。个别地方…), not a word of an enumeration (审批中心、). */
const OPENS_PASSAGE = /^[。：:，,；;]\s*[^\n]{8}/;

/** Whether the section's text has the head as the opening of a passage: there are words under it to give. */
function headsPassage(text: string, head: string): boolean {
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) if (OPENS_PASSAGE.test(text.slice(at + head.length))) return true;
  return false;
}

interface Head extends NamedItem {
  pairs: Set<string>;
}

/**
 * Reads which item of the report's lists a question names by the item's head (its words before a
 * colon or bracket), so "健全组织机构具体要做啥" gets the report's words under that measure rather
 * than the bare heading. Only items of lists a rule enumerates, and only a single clear best.
 */
export function createNamedItemReader(knowledge: Knowledge): (form: string) => NamedItem | undefined {
  const sections = new Map(knowledge.sections.map((s) => [s.id, simplify(s.text)]));
  let heads: Head[] | undefined;
  const readHeads = () =>
    knowledge.lists.flatMap((list) => {
      const intent = knowledge.intents.find((i) => i.reply.zh.includes(`{l:${list.id}}`));
      const text = sections.get(list.section) ?? '';
      if (!intent) return [];
      return list.items
        .map((item, index) => ({ intent, list: list.id, index, head: simplify(item.zh).split(/[：:（(]/)[0] ?? '' }))
        .filter((h) => h.head.length >= MIN_HEAD_CHARS && headsPassage(text, h.head))
        .map((h) => ({ ...h, pairs: charPairs(h.head) }));
    });
  return (form) => {
    heads ??= readHeads();
    const asked = charPairs(form);
    let best: { head: Head; share: number } | undefined;
    let tied = false;
    for (const head of heads) {
      let shared = 0;
      for (const p of head.pairs) if (asked.has(p)) shared++;
      const share = head.pairs.size === 0 ? 0 : shared / head.pairs.size;
      if (share < MIN_SHARE || shared < MIN_SHARED_PAIRS) continue;
      if (best && share === best.share) tied = tied || best.head.list !== head.list || best.head.index !== head.index;
      else if (!best || share > best.share) {
        best = { head, share };
        tied = false;
      }
    }
    return best && !tied ? { intent: best.head.intent, list: best.head.list, index: best.head.index, head: best.head.head } : undefined;
  };
}
