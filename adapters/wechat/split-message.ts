/** WeChat cuts or refuses longer texts; 2000 characters stays clear of every client's limit. */
export const MAX_MESSAGE_LENGTH = 2000;

/** Ends of a sentence or line, with any closing quotes or brackets that follow. */
const BOUNDARY = /(?:\n|[。\uff01\uff1f\uff1b!?;…]|\.(?=\s))[」』”’"')\]\uff09]*/g;

/**
 * Splits a reply into messages of at most `max` characters, cutting after the last sentence end
 * (or line end) that fits, so no message stops mid-sentence. Only a sentence longer than `max` is
 * cut hard, and never inside a surrogate pair. Whitespace at a cut is dropped.
 */
export function splitMessage(text: string, max = MAX_MESSAGE_LENGTH): string[] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`splitMessage needs a max of at least 2, got ${max}`);
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = 0;
    for (const match of window.matchAll(BOUNDARY)) cut = match.index + match[0].length;
    if (cut === 0) cut = hardCut(rest, max);
    const chunk = rest.slice(0, cut).trim();
    if (chunk) chunks.push(chunk);
    rest = rest.slice(cut).trim();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

/** The longest cut at or under `max` that does not split a surrogate pair. */
function hardCut(text: string, max: number): number {
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
