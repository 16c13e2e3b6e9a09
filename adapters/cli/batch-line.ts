import type { Engine } from '../../src/engine/index.js';
import type { Answer } from '../../src/types.js';

/** The batch contract's reply: exactly these fields, in this order (../shared/eval/README.md). */
export interface BatchReply {
  outcome: string;
  text: string;
  lang: string;
  intent: string | null;
  confidence: number;
  citations: { sectionId: string; section: string; quote: string }[];
  suggestions: string[];
}

/**
 * Answers one input line of the batch contract. Never throws: a line that is not JSON, or whose
 * `q` is not a string, gets {"error": …} so the batch goes on. A blank line (spaces, U+3000 or a
 * BOM only) is asked as an empty question, so it too gets its one reply line.
 */
export function answerBatchLine(engine: Engine, line: string): BatchReply | { error: string } {
  if (line.trim() === '') return toBatchReply(engine.ask({ text: '' }));
  let input: unknown;
  try {
    input = JSON.parse(line.replace(/^\ufeff/, ''));
  } catch {
    return { error: 'line is not valid JSON; expected {"q": "question", "session": "optional id"}' };
  }
  if (typeof input !== 'object' || input === null || typeof (input as { q?: unknown }).q !== 'string') {
    return { error: 'field "q" must be a string' };
  }
  const { q, session } = input as { q: string; session?: unknown };
  return toBatchReply(engine.ask({ text: q, session: typeof session === 'string' || typeof session === 'number' ? String(session) : undefined }));
}

function toBatchReply(answer: Answer): BatchReply {
  return {
    outcome: answer.outcome,
    text: answer.text,
    lang: answer.lang,
    intent: answer.intent,
    confidence: answer.confidence,
    citations: answer.citations.map(({ sectionId, section, quote }) => ({ sectionId, section, quote })),
    suggestions: answer.suggestions,
  };
}
