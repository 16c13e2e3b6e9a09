import type { Intent, Knowledge } from '../knowledge/schema.js';
import type { Lexicon } from '../match/lexicon.js';
import { simplify } from '../text/script.js';
import { wordMatcher } from '../text/clauses.js';

export type AskedAttribute = Knowledge['scope']['askedAttributes'][number];

/** "多少个部门", "几个旗县": the words right after a count word name what is counted. */
const COUNTED = /(?:多少|几)(\p{Script=Han}{1,10})/u;
/** Measure words between the count word and the noun (多少个部门, 几个方面的问题). */
const MEASURE = /^(?:个|名|位|家|种|类|所|座|批|条|件|项|次|场|期|人次|方面|层面)+/u;
/** An enumeration in the report's words: items joined by 、 ("经济发展、体育运动、突发事件"). */
const LIST_MARK = '、';
/**
 * Two names joined by 、 are often one thing (档案馆、图书馆的查阅点): a breakdown of three or more
 * members needs one named alone; of two, each named by itself as the owner ("档案馆的有几个").
 */
const MIN_MEMBERS = 3;
/** A heading's number before 、 ("二、", "（三）、"). */
const NUMBERING = /^\s*[（(]?[一二三四五六七八九十\d]{1,3}[)）]?\s*$/;
const PAIR = 2;
/** What follows a name asked as the owner of what is counted ("档案馆的", "档案馆有几个", "图书馆里"). */
const OWNER_AFTER = ['的', '有', '里', '中', '占'];
/** "各接待了多少", "分别有几个": a count asked of each member apart (各类 names no member). */
const EACH_ASKED = /各\p{Script=Han}{0,3}(?:多少|几)|分别|respectively|each of/u;
/** Words that join two names into one (档案馆和图书馆): the pair is then asked whole. */
const PAIR_JOINT = /^(?:、|和|与|及|跟|或|还有)$/;

/**
 * What a question asks for, beyond which figure: a date, names, a person (from the domain's
 * asked attributes), the thing it counts, or one member of a list the report counts only as a
 * whole. A rule that does not give what was asked is no answer to it, however well its words match.
 */
export function createAskedReader(knowledge: Knowledge, lexicon: Lexicon) {
  const attributes = knowledge.scope.askedAttributes.map((a) => ({
    attribute: a,
    asks: wordMatcher(a.zh, a.en),
    evidence: a.evidence.map((e) => new RegExp(e, 'u')),
  }));
  const generic = new Set(knowledge.concepts.filter((c) => c.generic).map((c) => c.id));
  const holds = new Map<string, boolean>();

  /**
   * Each enumeration of a quote, as its members' possible spellings: the inner members whole, the
   * first by its last characters and the last by its first (where the list meets the sentence).
   */
  function members(quote: string): string[][][] {
    const runs: string[][][] = [];
    for (const sentence of simplify(quote).split(/[,，。;；:：]/)) {
      const parts = sentence.split(LIST_MARK);
      // "二、上年结转…": a heading's number, not a member.
      if (NUMBERING.test(parts[0] ?? '')) parts.shift();
      if (parts.length < 2) continue;
      const edge = (word: string, fromEnd: boolean) => [4, 3, 2].map((k) => (fromEnd ? word.slice(-k) : word.slice(0, k))).filter((w) => w.length >= 2);
      // People shorten a member to its first two characters (经济类 for 经济发展).
      const withShort = (spellings: string[]) => [...spellings, ...spellings.filter((w) => w.length >= 4).map((w) => w.slice(0, 2))];
      const inner = parts.slice(1, -1).map((m) => withShort([m]));
      // The first member's start is unknown (我乡通过…柳溪乡专栏): it is taken as long as the next one.
      const size = parts[1]?.length ?? 0;
      const first = parts[0] ?? '';
      const firstShort = parts.length > 2 && size >= 4 && first.length >= size ? [first.slice(-size).slice(0, 2)] : [];
      runs.push([[...edge(first, true), ...firstShort], ...inner, withShort(edge(parts[parts.length - 1] ?? '', false))]);
    }
    return runs;
  }

  /** A member named as the owner of what is counted ("档案馆的", "档案馆有几个"), not joined to another name before it. */
  const ownedAlone = (form: string, spellings: string[]) =>
    spellings.some((w) => {
      const at = OWNER_AFTER.map((after) => form.indexOf(`${w}${after}`)).find((i) => i >= 0) ?? -1;
      return at >= 0 && !PAIR_JOINT.test(form.slice(Math.max(0, at - 1), at)) && !PAIR_JOINT.test(form.slice(Math.max(0, at - 2), at));
    });

  const lists = new Map<string, { quote: string; runs: string[][][] }[]>();
  /** A rule's quotes with their enumerations, read once per rule. */
  const listsOf = (intent: Intent) => {
    let found = lists.get(intent.id);
    if (!found) {
      found = intent.cite.map((c) => ({ quote: simplify(c.quote), runs: members(c.quote).filter((r) => r.length >= PAIR) }));
      lists.set(intent.id, found);
    }
    return found;
  };

  return {
    /** The attribute (date, names, person) the question asks for, if any. */
    attributeOf(form: string): AskedAttribute | undefined {
      return attributes.find((a) => a.asks(form))?.attribute;
    },
    /** Whether a rule's reply (its template) or its quotes give the attribute. */
    provides(intent: Intent, attribute: AskedAttribute): boolean {
      const key = `${intent.id}|${attribute.id}`;
      let found = holds.get(key);
      if (found === undefined) {
        const own = attributes.find((a) => a.attribute.id === attribute.id);
        const text = `${intent.reply.zh}\n${attribute.id === 'names' ? '' : intent.cite.map((c) => simplify(c.quote)).join('\n')}`;
        found = own?.evidence.some((e) => e.test(text)) ?? true;
        holds.set(key, found);
      }
      return found;
    },
    /** Whether a sentence of the report gives the attribute. */
    sentenceGives(text: string, attribute: AskedAttribute): boolean {
      return attributes.find((a) => a.attribute.id === attribute.id)?.evidence.some((e) => e.test(simplify(text))) ?? true;
    },
    /** The concept and words of what a "how many" question counts ("多少个部门" → departments). */
    countedOf(form: string): { concept: string; term: string; measure: string } | undefined {
      const after = COUNTED.exec(form)?.[1] ?? '';
      const measure = MEASURE.exec(after)?.[0] ?? '';
      const words = after.slice(measure.length);
      if (words.length < 2) return undefined;
      const term = lexicon.zhByFirst.get(words[0] ?? '')?.find((t) => words.startsWith(t.term));
      const concept = term?.concepts.find((c) => !generic.has(c) && !c.startsWith('scope:'));
      return term && concept && term.term.length >= 2 ? { concept, term: term.term, measure } : undefined;
    },
    /** A member of an enumeration the rule's figure counts as a whole ("经济发展方面的有几次?"), named without the others. */
    namesOneMember(form: string, intent: Intent): boolean {
      for (const { quote, runs } of listsOf(intent)) {
        // A word the quote also uses outside the list (公开 of 增加公开内容) names no member.
        const once = (w: string) => quote.indexOf(w) === quote.lastIndexOf(w);
        // The member a rule itself counts ("政策文件类68条、规划计划类23条" → 政策文件类) is its own answer.
        const own = intent.surface ? simplify(intent.surface) : '';
        for (const run of runs) {
          if (own && run.some((spellings) => spellings.some((w) => form.includes(w) && own.includes(w)))) continue;
          const named = run.filter((spellings) => spellings.some((w) => form.includes(w) && once(w)));
          if (run.length >= MIN_MEMBERS && named.length >= 1 && named.length < run.length) return true;
          if (run.length === PAIR && named.length >= 1 && named.every((spellings) => ownedAlone(form, spellings))) return true;
          // "档案馆和图书馆各接待了多少": both named, each asked apart.
          if (run.length === PAIR && named.length === PAIR && EACH_ASKED.test(form)) return true;
        }
      }
      return false;
    },
  };
}

export type AskedReader = ReturnType<typeof createAskedReader>;
