import { sentencesOf } from '../text/sentences.js';
import type { DraftSection } from './sections.js';

/** A sentence of the report, verbatim, with the section it stands in. */
export interface Sentence {
  section: DraftSection;
  text: string;
  line: number;
}

/** Text lines of a section that are not table cells. */
export const isTableLine = (text: string) => /[|｜]/.test(text) || /^[\s]*[-—–+/]?\d+(\.\d+)?%?\s*$/.test(text);

/** A line that could be one cell of a table given a cell per line: short, and no sentence in it. */
export const isCellLine = (text: string) => text.trim().length <= 40 && !/[。；;！!？?]/.test(text);

/**
 * The sentences of every section (table lines excluded), cut after 。！？；; and at line ends, each a
 * verbatim substring of its section's text, so any of them can be quoted as it stands.
 */
export function splitSentences(sections: DraftSection[]): Sentence[] {
  return sections.flatMap((section) => section.lines.flatMap((l) => sentencesOf(l.text).map((text) => ({ section, text, line: l.line }))));
}
