/** A line of the report as read, with where it stood in the file, for review messages. */
export interface SourceLine {
  text: string;
  /** 1-based line number in the text that was read (after HTML became lines). */
  line: number;
}

/** A note for the review: what ingest did or could not do, and where. */
export interface IngestMessage {
  line?: number;
  kind: 'stripped' | 'heading' | 'unplaced' | 'note';
  text: string;
}

export const toLines = (text: string): SourceLine[] =>
  text.split('\n').map((t, i) => ({ text: t.replace(/\t/g, ' | ').replace(/[ \u3000\u00a0]+$/u, ''), line: i + 1 }));
