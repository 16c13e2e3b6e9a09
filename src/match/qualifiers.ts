/**
 * Relative years in Chinese and English, as offsets from the current year. Generic language, not
 * report knowledge: "今年" asked in 2026 means 2026, which a 2011 report cannot answer.
 */
const RELATIVE_YEARS: [RegExp, number][] = [
  [/今年|本年度|this year/, 0],
  [/去年|last year/, -1],
  [/前年/, -2],
  [/明年|next year/, 1],
];

/** Years a question speaks of through words like 今年, given the current year; empty without a clock. */
export function relativeYears(text: string, currentYear: number | undefined): number[] {
  if (currentYear === undefined) return [];
  return RELATIVE_YEARS.filter(([pattern]) => pattern.test(text)).map(([, offset]) => currentYear + offset);
}
