import type { Answer, Citation, Lang } from '../../src/types.js';

/** A question the stub engine was asked, with its conversation id. */
export interface Asked {
  text: string;
  session: string | undefined;
}

const explain = { rule: null, score: 0, runnerUp: null, concepts: [], usedContext: false, qualifiers: [] };

/** An Answer with the engine's own `text` convention, for replies the stub engine gives. */
export function makeAnswer(parts: { message: string; outcome?: Answer['outcome']; lang?: Lang; citations?: Citation[]; suggestions?: string[]; intent?: string }): Answer {
  const lang = parts.lang ?? 'zh-Hans';
  const citations = parts.citations ?? [];
  return {
    outcome: parts.outcome ?? 'answered',
    text: [parts.message, ...citations.map((c) => `来源:${c.section}「${c.quote}」`)].join('\n'),
    message: parts.message,
    lang,
    intent: parts.intent ?? null,
    confidence: parts.outcome === 'answered' || !parts.outcome ? 0.9 : 0,
    citations,
    suggestions: parts.suggestions ?? [],
    explain,
  };
}

/**
 * An engine with fixed replies, so adapter tests assert exact texts whatever state the knowledge
 * is in. Unknown questions get an 'unknown' answer; a question of `BOOM` throws, as a bug would.
 */
export function createStubEngine(replies: Record<string, Answer>) {
  const asked: Asked[] = [];
  const ask = ({ text, session }: { text: string; session?: string }): Answer => {
    asked.push({ text, session });
    if (text === 'BOOM') throw new Error('engine exploded');
    return replies[text] ?? makeAnswer({ outcome: 'unknown', message: `没有找到:${text}` });
  };
  return { asked, ask, respond: (text: string) => ({ answer: ask({ text }), context: undefined }) };
}
