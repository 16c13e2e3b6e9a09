const HAN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters a Chinese numeral is written with (两, 十, 万 included). */
export const HAN_NUMERAL = '零〇一二两兩三四五六七八九十百千万萬';

/**
 * 一万三千 → 13000, 二十四 → 24, 两 → 2. With `bare` false (the default) a lone digit such as 三
 * gives undefined: in a question 三项 is more often a name than a figure.
 */
export function hanNumber(word: string, bare = false): number | undefined {
  const w = word.replace(/萬/g, '万');
  if (!bare && !/[十百千万]/.test(w)) return undefined;
  if (![...w].every((ch) => ch in HAN_DIGIT || ch in HAN_UNIT || ch === '万')) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of w) {
    if (ch in HAN_DIGIT) digit = HAN_DIGIT[ch] ?? 0;
    else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = 0;
      digit = 0;
    } else {
      section += (digit || 1) * (HAN_UNIT[ch] ?? 1);
      digit = 0;
    }
  }
  return total + section + digit;
}
