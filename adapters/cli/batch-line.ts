import type { Engine } from '../../src/engine/index.js';
import type { Library } from '../../src/library/index.js';
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
export function answerBatchLine(engine: Engine | Library, line: string): BatchReply | { error: string } {
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
  const { q, session, report } = input as { q: string; session?: unknown; report?: unknown };
  if (report !== undefined && typeof report !== 'string') return { error: 'field "report" must be a string: a pack id of KNOWLEDGE_DIR' };
  const id = typeof session === 'string' || typeof session === 'number' ? String(session) : undefined;
  // A chosen report needs a library; a lone engine has only its own pack, so the choice must name it.
  if (report !== undefined && !('reports' in engine) && report !== engine.knowledge.meta.id) return { error: `no report "${report}": KNOWLEDGE_DIR serves ${engine.knowledge.meta.id} only` };
  const asked = report !== undefined && 'reports' in engine ? engine.ask({ text: q, session: id, report }) : engine.ask({ text: q, session: id });
  return toBatchReply(asked);
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
