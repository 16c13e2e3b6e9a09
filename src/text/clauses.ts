/** Punctuation that ends a clause, in either width (the text is NFKC-normalised before). */
const ENDS = ',!?;:、\\n。，！？；：…~～';

const CLAUSE = new RegExp(`([^${ENDS}]*)([${ENDS}]*)`, 'g');

/** One clause of a message, and whether a question mark closed it. */
export interface Clause {
  text: string;
  questionMark: boolean;
}

/**
 * Cuts a message into its clauses: at punctuation, and at a space between Chinese words (people
 * type "开了几次 简报几期" without commas). English keeps its spaces.
 */
export function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  // A full stop between digits is a decimal point (98.97), not the end of a clause.
  const marked = text.replace(/(?<!\d)\.|\.(?!\d)/g, '。');
  for (const [whole, body = ''] of marked.matchAll(CLAUSE)) {
    if (whole.length === 0) continue;
    const questionMark = /[?？]/.test(whole.slice(body.length));
    const parts = body.split(/(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/u).map((p) => p.trim()).filter((p) => /[\p{L}\p{N}]/u.test(p));
    parts.forEach((part, i) => clauses.push({ text: part, questionMark: questionMark && i === parts.length - 1 }));
  }
  return clauses;
}

/** A matcher for a set of words: Chinese by substring, English by whole word, case-insensitive. */
export function wordMatcher(zh: readonly string[], en: readonly string[]): (text: string) => boolean {
  const escaped = en.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).filter(Boolean);
  const english = escaped.length > 0 ? new RegExp(`(?:^|[^a-z])(?:${escaped.join('|')})(?![a-z])`, 'i') : undefined;
  return (text) => zh.some((w) => text.includes(w)) || (english?.test(text) ?? false);
}
