import type { Concept, DomainLexicon } from '../knowledge/schema.js';
import { compileLexicon } from '../match/lexicon.js';
import { extractConcepts } from '../match/extract-concepts.js';
import { syllables } from '../text/pinyin.js';

/** Words too common in such reports to tell one figure from another. */
const TOO_COMMON = /^(工作|情况|进行|开展|加强|进一步|有关|相关|以上|以下|其他|各类|全年|本年|年度|政府|单位|部门|方面|通过|按照|根据|及时|有效|积极|认真|不断|主要|重点|完善|推进|做好|实现|提高|确保)$/;

/**
 * The concepts of the pack's texts: the domain's concepts where its words occur, and for every
 * other content word of the report a concept of the pack's own (id from its pinyin), so a question
 * using the report's words finds the figure, and a question using the domain's words finds it too.
 */
export function createVocabulary(domain: DomainLexicon) {
  const lexicon = compileLexicon(domain.concepts, 'scope:');
  const generic = new Set(domain.concepts.filter((c) => c.generic).map((c) => c.id));
  const own = new Map<string, Concept>();
  const idOf = new Map<string, string>();

  const localId = (word: string) => {
    const known = idOf.get(word);
    if (known) return known;
    const base = `w.${syllables(word).join('-').toLowerCase().replace(/[^a-z0-9-]/g, '')}` || 'w.x';
    let id = base;
    for (let n = 2; [...own.values()].some((c) => c.id === id); n++) id = `${base}-${n}`;
    idOf.set(word, id);
    own.set(id, { id, zh: [word], en: [], generic: false });
    return id;
  };

  return {
    /** Concepts of a text in matching form (mainland simplified), domain first, then the pack's own words. */
    conceptsOf(text: string): string[] {
      const ex = extractConcepts(text.toLowerCase(), lexicon);
      const ids = [...ex.concepts].filter((c) => !c.startsWith('scope:'));
      for (const word of ex.unexplained) {
        if (/^\p{Script=Han}{2,8}$/u.test(word) && !TOO_COMMON.test(word)) ids.push(localId(word));
      }
      return [...new Set(ids)];
    },
    isGeneric: (id: string) => generic.has(id),
    /** The pack's own concepts made so far, for its lexicon.json. */
    ownConcepts: () => [...own.values()],
  };
}

export type Vocabulary = ReturnType<typeof createVocabulary>;
