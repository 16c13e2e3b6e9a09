import type { Answer } from '../../src/types.js';

/** A terminal rendering: the reply as a user reads it, then suggestions; `why` adds the rule for staff. */
export function formatAnswer(answer: Answer, why = false): string {
  const lines = [answer.text];
  if (answer.suggestions.length > 0 && answer.outcome === 'answered') {
    lines.push('', ...answer.suggestions.map((s) => `  → ${s}`));
  }
  if (why) {
    const { rule, score, runnerUp, concepts } = answer.explain;
    lines.push('', `[${answer.outcome}] rule=${rule ?? '-'} score=${score} runner-up=${runnerUp ? `${runnerUp.intent}(${runnerUp.score})` : '-'} concepts=${concepts.join(',')}`);
  }
  return lines.join('\n');
}
