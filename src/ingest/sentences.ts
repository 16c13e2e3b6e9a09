import type { DraftSection } from './sections.js';

/** A sentence of the report, verbatim, with the section it stands in. */
export interface Sentence {
  section: DraftSection;
  text: string;
  line: number;
}

/** Text lines of a section that are not table cells. */
export const isTableLine = (text: string) => /[|｜]/.test(text) || /^[\s]*[-—–+/]?\d+(\.\d+)?%?\s*$/.test(text);

/**
 * The sentences of every section (table lines excluded), cut after 。！？；; and at line ends, each a
 * verbatim substring of its section's text, so any of them can be quoted as it stands.
 */
export function splitSentences(sections: DraftSection[]): Sentence[] {
  const out: Sentence[] = [];
  for (const section of sections) {
    for (const l of section.lines) {
      if (isTableLine(l.text)) continue;
      for (const m of l.text.matchAll(/[^。！？!?；;]+[。！？!?；;]*/g)) {
        const text = m[0].trim();
        if ((text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 4) out.push({ section, text, line: l.line });
      }
    }
  }
  return out;
}
