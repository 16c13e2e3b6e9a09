/**
 * A test for text that an OpenCC conversion over `dicts` ("key value|key value|…" strings) returns
 * unchanged. OpenCC replaces only where a key matches, so text in which no key mapped to something
 * else occurs comes out as it went in, whatever the segmentation and the order of the tables. Most
 * questions are simplified already: telling so by a few lookups saves the converter's walk over
 * every character, its segments and its joins. Conservative by construction: a key any table
 * changes counts, even where another table would override it; text with a surrogate pair (a
 * character outside the BMP) is always sent to the converter.
 */
export function unchangedBy(dicts: readonly string[]): (text: string) => boolean {
  // Characters that are a changed key by themselves (開 → 开): text holding one changes.
  const single = new Uint8Array(0x10000);
  // Changed keys of two or more characters, by their first two (一併 → 一并), and every first character of one.
  const byPair = new Map<number, string[]>();
  const pairStart = new Uint8Array(0x10000);
  for (const dict of dicts) {
    for (const entry of dict.split('|')) {
      const [key = '', value] = entry.split(' ');
      if (key === value || key.length === 0) continue;
      const first = key.charCodeAt(0);
      if (first >= 0xd800 && first <= 0xdfff) continue;
      if (key.length === 1) {
        single[first] = 1;
        continue;
      }
      const pair = first * 0x10000 + key.charCodeAt(1);
      const list = byPair.get(pair);
      if (list) list.push(key);
      else byPair.set(pair, [key]);
      pairStart[first] = 1;
    }
  }
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (single[code] === 1 || (code >= 0xd800 && code <= 0xdfff)) return false;
      if (pairStart[code] === 1 && i + 1 < text.length) {
        const keys = byPair.get(code * 0x10000 + text.charCodeAt(i + 1));
        if (keys?.some((k) => text.startsWith(k, i))) return false;
      }
    }
    return true;
  };
}
