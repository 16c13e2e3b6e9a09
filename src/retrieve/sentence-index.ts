import MiniSearch from 'minisearch';
import type { Knowledge } from '../knowledge/schema.js';
import { extractConcepts, isFillerChar } from '../match/extract-concepts.js';
import type { Lexicon } from '../match/lexicon.js';
import { simplify } from '../text/script.js';
import { segmentWords } from '../text/segment.js';
import { sentencesOf } from '../text/sentences.js';
import { recentMemo } from '../text/recent-memo.js';

/** A sentence of the report that answers a question in its own words. */
export interface SentenceHit {
  sectionId: string;
  /** The sentence verbatim, as the report writes it. */
  text: string;
  /** Its position among the report's sentences, for a stable id. */
  index: number;
  /** Share of the question's telling words the sentence has (0…1). */
  coverage: number;
}

/** A sentence of the report with its ranking tokens. */
interface Doc {
  sectionId: string;
  text: string;
  index: number;
  tokens: string[];
  /** The same tokens, for counting what a question shares with the sentence. */
  own: ReadonlySet<string>;
}

/** Below this share of the question's words, a sentence is a guess, not an answer. */
const MIN_COVERAGE = 0.5;
/** …and it must share at least this many of them. */
const MIN_SHARED = 2;
const CANDIDATES = 8;

const isDigit = (c: string) => c >= '0' && c <= '9';

/**
 * Tokens of a text for ranking: its character pairs (Han) without those made of question filler,
 * and the ids of the knowledge's concepts it names, so 文件 in a question meets 檔案 in the text.
 */
function tokensOf(text: string, lexicon: Lexicon, isGeneric: (c: string) => boolean, query = false): string[] {
  const form = simplify(text).toLowerCase();
  const tokens = new Set<string>();
  for (const c of extractConcepts(form, lexicon).concepts) if (!c.startsWith('scope:') && !isGeneric(c)) tokens.add(`#${c}`);
  // A sentence keeps every pair; a question only the pairs inside its words (低保/信息/公示, not 保信),
  // so the pairs that straddle its words do not count against a sentence that answers it.
  const pieces = query ? segmentWords(form).filter((w) => w.length >= 2) : [form.replace(/[^\p{Script=Han}a-z0-9]+/gu, ' ')];
  // A number is one token, not pairs of digits: 2014 must not meet 2013 by their shared 20 and 01.
  for (const piece of pieces) {
    for (const n of piece.match(/\d+/g) ?? []) tokens.add(n);
    for (let i = 0; i + 1 < piece.length; i++) {
      const a = piece[i] ?? ' ';
      const b = piece[i + 1] ?? ' ';
      if (a === ' ' || b === ' ' || (isFillerChar(a) && isFillerChar(b)) || (isDigit(a) && isDigit(b))) continue;
      tokens.add(a + b);
    }
  }
  return [...tokens];
}

/**
 * The report's sentences, ranked for a question with MiniSearch (BM25) over character pairs and
 * concepts: the last resort when no rule answers. A sentence is returned only when it holds at least
 * half of the question's telling words, so a weak match stays "not found".
 */
export function createSentenceIndex(knowledge: Knowledge, lexicon: Lexicon) {
  const generic = new Set(knowledge.concepts.filter((c) => c.generic).map((c) => c.id));
  const isGeneric = (c: string) => generic.has(c);
  // Tokenising every sentence costs milliseconds and megabytes at start; most questions are
  // answered by a rule, so the sentences and their index are built on the first that is not.
  let docs: Doc[] | undefined;
  const readDocs = (): Doc[] =>
    knowledge.sections
      .filter((s) => s.origin === 'report')
      .flatMap((s) => sentencesOf(s.text).map((text) => ({ sectionId: s.id, text })))
      .map((d, index) => {
        const tokens = tokensOf(d.text, lexicon, isGeneric);
        return { ...d, index, tokens, own: new Set(tokens) };
      });
  let index: MiniSearch<Doc> | undefined;
  const build = (docs: Doc[]) => {
    const ms = new MiniSearch<Doc>({
      idField: 'index',
      fields: ['tokens'],
      extractField: (doc, field) => (field === 'tokens' ? doc.tokens.join(' ') : String((doc as unknown as Record<string, unknown>)[field])),
      tokenize: (text) => text.split(' ').filter(Boolean),
      processTerm: (term) => term,
    });
    ms.addAll(docs);
    return ms;
  };
  /** The best sentence for a question, when it is a strong enough match. */
  function bestFor(question: string): SentenceHit | undefined {
    const wanted = tokensOf(question, lexicon, isGeneric, true);
    if (wanted.length < MIN_SHARED) return undefined;
    docs ??= readDocs();
    if (docs.length === 0) return undefined;
    index ??= build(docs);
    const results = index.search(wanted.join(' '), { combineWith: 'OR' }).slice(0, CANDIDATES);
    let top: SentenceHit | undefined;
    for (const r of results) {
      const doc = docs[r.id as number];
      if (!doc) continue;
      const shared = wanted.filter((t) => doc.own.has(t)).length;
      const coverage = shared / wanted.length;
      if (shared >= MIN_SHARED && coverage >= MIN_COVERAGE && (!top || coverage > top.coverage)) {
        top = { sectionId: doc.sectionId, text: doc.text, index: doc.index, coverage };
      }
    }
    return top;
  }
  // A question's reading asks for its best sentence on several paths; the search runs once.
  return { best: recentMemo(bestFor, 4) };
}

export type SentenceIndex = ReturnType<typeof createSentenceIndex>;
