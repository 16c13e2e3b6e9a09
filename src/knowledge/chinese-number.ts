const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const NUMERAL_RUN = /(?:\d+(?:\.\d+)?|[零〇一二两兩三四五六七八九十拾百佰千仟万萬亿億])+/g;

/**
 * Reads one run of numerals as a number: Arabic (13126, 99.5), Chinese (五, 两, 二十四,
 * 一万三千, 一百零五), digit by digit (二〇一一) or mixed (13萬). Undefined when it is no number.
 */
export function parseNumeral(run: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(run)) return Number(run);
  const parts = run.match(/\d+(?:\.\d+)?|./gu) ?? [];
  if (parts.every((c) => c in DIGITS)) return Number(parts.map((c) => DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let pending = 0;
  for (const part of parts) {
    const digit = /^\d/.test(part) ? Number(part) : DIGITS[part];
    const small = SMALL_UNITS[part];
    const large = LARGE_UNITS[part];
    if (digit !== undefined) pending = digit;
    else if (small !== undefined) {
      section += (pending || 1) * small;
      pending = 0;
    } else if (large !== undefined) {
      total += (section + pending || 1) * large;
      section = 0;
      pending = 0;
    } else return undefined;
  }
  return total + section + pending;
}

/**
 * Every number a text states, in Arabic or Chinese numerals, after full-width digits are folded
 * and thousands separators dropped (13,126 is 13126).
 */
export function numbersIn(text: string): number[] {
  const plain = text.normalize('NFKC').replace(/(?<=\d),(?=\d{3})/g, '');
  const found: number[] = [];
  for (const [run] of plain.matchAll(NUMERAL_RUN)) {
    const value = parseNumeral(run);
    if (value !== undefined) found.push(value);
  }
  return found;
}
