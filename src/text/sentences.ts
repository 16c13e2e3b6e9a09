/**
 * Sentences of a text, each a verbatim substring: cut after 。！？；; and at line ends. Table lines
 * (cells separated by "|") are not sentences.
 */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (/[|｜]/.test(line)) continue;
    for (const m of line.matchAll(/[^。！？!?；;]+[。！？!?；;]*/g)) {
      const sentence = m[0].trim();
      if ((sentence.match(/\p{Script=Han}/gu)?.length ?? 0) >= 4) out.push(sentence);
    }
  }
  return out;
}
