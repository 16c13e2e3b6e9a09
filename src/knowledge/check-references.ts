import type { Knowledge } from './schema.js';

/** A problem found in a knowledge pack: which file, where inside it, and what is wrong. */
export interface KnowledgeIssue {
  file: string;
  path: string;
  message: string;
}

/** Which file of a pack holds which part, so an issue can name the file a person must edit. */
export const PACK_FILES = {
  'report.json': ['meta', 'sections'],
  'facts.json': ['facts', 'derived', 'lists'],
  'lexicon.json': ['concepts', 'scope'],
  'intents.json': ['intents'],
} as const satisfies Record<string, readonly (keyof Knowledge)[]>;

const PLACEHOLDER = /\{([fdln]):([a-z0-9.-]+)\}/g;

/**
 * Checks what zod cannot: ids are unique, every reference resolves and every quote stands verbatim
 * in its section. Run at load so a broken hand edit stops start-up instead of a wrong citation later.
 */
export function checkReferences(k: Knowledge): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const add = (file: string, path: string, message: string) => issues.push({ file, path, message });
  const sections = new Map(k.sections.map((s) => [s.id, s]));
  const facts = new Set(k.facts.map((f) => f.id));
  const derived = new Set(k.derived.map((d) => d.id));
  const lists = new Set(k.lists.map((l) => l.id));
  const concepts = new Set(k.concepts.map((c) => c.id));
  const intents = new Set(k.intents.map((i) => i.id));

  const unique = (file: string, key: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) add(file, `${key}[${i}].id`, `duplicate id "${id}"`);
      seen.add(id);
    });
  };
  unique('report.json', 'sections', k.sections.map((s) => s.id));
  unique('facts.json', 'facts', [...k.facts, ...k.derived, ...k.lists].map((x) => x.id));
  unique('lexicon.json', 'concepts', k.concepts.map((c) => c.id));
  unique('intents.json', 'intents', k.intents.map((i) => i.id));

  k.sections.forEach((s, i) => {
    if (s.parent !== null && !sections.has(s.parent)) add('report.json', `sections[${i}].parent`, `no section "${s.parent}"`);
  });
  // A part's text in the report runs on through its subsections, whose titles it may quote.
  const childTitles = new Map<string, Set<string>>();
  for (const s of k.sections) if (s.parent !== null) childTitles.set(s.parent, (childTitles.get(s.parent) ?? new Set()).add(s.title));
  const quoteIn = (file: string, path: string, sectionId: string, quote: string) => {
    const section = sections.get(sectionId);
    if (!section) {
      add(file, path, `no section "${sectionId}"`);
      return;
    }
    for (const part of quote.split('…')) {
      if (!section.text.includes(part) && section.title !== part && !childTitles.get(sectionId)?.has(part)) {
        add(file, path, `quote is not verbatim in section "${sectionId}": "${part.slice(0, 40)}"`);
      }
    }
  };
  if (k.meta.contact) quoteIn('report.json', 'meta.contact.quote', k.meta.contact.section, k.meta.contact.quote);
  k.facts.forEach((f, i) => quoteIn('facts.json', `facts[${i}].quote`, f.section, f.quote));
  k.lists.forEach((l, i) => quoteIn('facts.json', `lists[${i}].quote`, l.section, l.quote));
  const earlier = new Set<string>();
  k.derived.forEach((d, i) => {
    d.args.forEach((a, j) => {
      if (!facts.has(a) && !earlier.has(a)) add('facts.json', `derived[${i}].args[${j}]`, `no fact or earlier derived figure "${a}"`);
    });
    earlier.add(d.id);
  });

  k.intents.forEach((intent, i) => {
    const at = `intents[${i}]`;
    intent.match.all.forEach((group, g) =>
      group.forEach((c, j) => {
        if (!concepts.has(c)) add('intents.json', `${at}.match.all[${g}][${j}]`, `no concept "${c}"`);
      }),
    );
    for (const c of [...Object.keys(intent.match.weights), ...intent.match.none]) {
      if (!concepts.has(c)) add('intents.json', `${at}.match`, `no concept "${c}"`);
    }
    for (const lang of ['zh', 'en'] as const) {
      for (const [, kind, ref] of intent.reply[lang].matchAll(PLACEHOLDER)) {
        const known = kind === 'f' ? facts : kind === 'd' ? derived : lists;
        if (!ref || !known.has(ref)) add('intents.json', `${at}.reply.${lang}`, `placeholder {${kind}:${ref}} names nothing`);
      }
    }
    intent.cite.forEach((c, j) => quoteIn('intents.json', `${at}.cite[${j}]`, c.section, c.quote));
    if (intent.checks && !facts.has(intent.checks) && !derived.has(intent.checks)) {
      add('intents.json', `${at}.checks`, `no fact or derived figure "${intent.checks}"`);
    }
    intent.suggest.forEach((s, j) => {
      if (!intents.has(s)) add('intents.json', `${at}.suggest[${j}]`, `no intent "${s}"`);
    });
  });
  return issues;
}
