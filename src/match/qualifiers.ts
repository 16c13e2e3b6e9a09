/**
 * Relative years in Chinese and English, as offsets from the current year. Generic language, not
 * report knowledge: "今年" asked in 2026 means 2026, which a 2011 report cannot answer.
 */
const RELATIVE_YEARS: [RegExp, number][] = [
  [/今年|this year/, 0],
  [/去年|last year/, -1],
  [/前年/, -2],
  [/明年|next year/, 1],
];

/** Years a question speaks of through words like 今年, given the current year; empty without a clock. */
export function relativeYears(text: string, currentYear: number | undefined): number[] {
  if (currentYear === undefined) return [];
  return RELATIVE_YEARS.filter(([pattern]) => pattern.test(text)).map(([, offset]) => currentYear + offset);
}

/** The year after ("结转到下一年" is the report's own term, so only words of the calendar). */
const NEXT_YEAR = /明年|来年|next year/;
/** A question that asks how many of something. Generic language, not report knowledge. */
export const ASKS_COUNT = /多少|几|how many|how much/;

/**
 * Whether a question asks for a figure of the year after (明年公开多少条): after the report's year
 * and after the calendar's, no report of a year can hold it. Its plans for next year
 * ("明年打算怎么改进") a report does state.
 */
export function asksNextYearFigure(text: string): boolean {
  return NEXT_YEAR.test(text) && ASKS_COUNT.test(text);
}

/**
 * The domain's concepts of a comparison itself (比上年, 多多少): they say what is done with a
 * figure, never what it counts, so no figure is known by them and no follow-up's topic is one.
 */
export const COMPARISON_CONCEPTS: ReadonlySet<string> = new Set(['vs-last-year', 'difference', 'compare']);

/** Words that ask what really happened ("2014年实际发了多少条"): a plan for that year does not answer them. */
const ACTUAL = /实际|真实|actual|really/;

/** Whether a question asks for what really happened rather than what was planned. */
export function asksActual(text: string): boolean {
  return ACTUAL.test(text);
}

/** Whether a question speaks of the year after in words (明年, next year) rather than digits. */
export function namesNextYear(text: string): boolean {
  return NEXT_YEAR.test(text);
}

const HAN_ORDINALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6 };
const ORDINAL = /(?<!排|排在|排名)第\s*([一二三四五六七八九十]|\d{1,2})(?![届屆次年名\d])\s*(?:个|條|条|项|點|点|部分|是)?|\b(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\b(?:\s+(?:one|item|point|problem|measure))?/;

/**
 * An item number a question points at ("第三条具体说的啥", "the second one"), and the text without
 * it, so 第三条's 条 is not read as a unit of information. Generic language, not report knowledge.
 */
export function readOrdinal(text: string): { ordinal: number | undefined; rest: string } {
  const match = ORDINAL.exec(text);
  if (!match) return { ordinal: undefined, rest: text };
  const [whole, han, en] = match;
  const ordinal = han ? (HAN_ORDINALS[han] ?? Number(han)) : en ? EN_ORDINALS[en] : undefined;
  return { ordinal, rest: text.replace(whole, ' ') };
}

const CHOICE = /^(?:选|选择|要|就|是)?\s*(?:第\s*)?([1-9]|[一二三四五六七八九])\s*(?:个|项|条|种|号|个吧|吧)?\s*$|^(?:the\s+)?(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)(?:\s+one)?$|^(?:option|number|no\.?)\s*([1-9])$/;

/**
 * A reply that is nothing but a pick from a numbered list ("2", "第二个", "the second one"), as
 * people answer a question back. Generic language, not report knowledge.
 */
export function readChoice(text: string): number | undefined {
  const match = CHOICE.exec(text.trim().replace(/[。.!！?？]+$/, ''));
  if (!match) return undefined;
  const [, zh, en, digit] = match;
  if (zh) return HAN_ORDINALS[zh] ?? Number(zh);
  if (en) return EN_ORDINALS[en];
  return digit ? Number(digit) : undefined;
}
