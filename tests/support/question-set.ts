import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Converter } from 'opencc-js/t2cn';
import type { Engine } from '../../src/engine/index.js';
import type { Answer } from '../../src/types.js';

/** One line of a question set, in the format of ../shared/eval/sample.jsonl. */
export interface QuestionItem {
  id: string;
  kind: string;
  script: 'hans' | 'hant' | 'en' | 'any';
  q: string;
  session?: string;
  expect: {
    outcome: 'answered' | 'not_answered' | 'clarify_or_answered' | null;
    all?: string[];
    any?: string[][];
    section?: string;
  };
}

export interface ItemResult {
  item: QuestionItem;
  answer: Answer;
  failures: string[];
}

const toSimplified = Converter({ from: 'tw', to: 'cn' });
const norm = (s: string) => toSimplified(s).toLowerCase().replace(/(\d)[,,](?=\d{3})/g, '$1').replace(/\s+/g, ' ');

export const QUESTIONS_DIR = fileURLToPath(new URL('../questions/', import.meta.url));

/** Reads every .jsonl question set in a folder (data, not code). */
export function loadQuestionSets(dir = QUESTIONS_DIR): QuestionItem[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as QuestionItem),
    );
}

/**
 * Judges one reply the way the evaluation does: outcome, required strings, cited section, and the
 * reply's script against the question's.
 */
export function judge(item: QuestionItem, answer: Answer): string[] {
  const failures: string[] = [];
  const e = item.expect;
  const text = norm(answer.text);
  if (item.kind === 'bad' && !e.all) {
    if (!answer.text.trim()) failures.push('empty reply');
    return failures;
  }
  const clarifyOk = e.outcome === 'clarify_or_answered' && answer.outcome === 'clarify';
  if (!clarifyOk) {
    const missing = (e.all ?? []).filter((a) => !text.includes(norm(a)));
    if (missing.length) failures.push(`missing ${missing.join(',')}`);
    if (!(e.any ?? []).every((alts) => alts.some((a) => text.includes(norm(a))))) failures.push(`none of ${JSON.stringify(e.any)}`);
    if (e.section && !answer.citations.some((c) => norm(c.section).includes(norm(e.section ?? '')))) {
      failures.push(`no citation of ${e.section} (got ${answer.citations.map((c) => c.section).join(' | ') || 'none'})`);
    }
  }
  if (e.outcome === 'answered' && answer.outcome !== 'answered') failures.push(`outcome ${answer.outcome}`);
  if (e.outcome === 'not_answered' && !['out_of_scope', 'unknown', 'clarify'].includes(answer.outcome)) failures.push(`outcome ${answer.outcome}`);
  if (e.outcome === 'clarify_or_answered' && !['clarify', 'answered'].includes(answer.outcome)) failures.push(`outcome ${answer.outcome}`);
  if (item.script === 'hans' && toSimplified(answer.text) !== answer.text) failures.push('reply not in simplified script');
  if (item.script === 'hant' && toSimplified(answer.text) === answer.text && /\p{Script=Han}/u.test(answer.text)) failures.push('reply not in traditional script');
  return failures;
}

/** Runs a question set through an engine in order (sessions carry over), judging every reply. */
export function runQuestionSet(engine: Engine, items: QuestionItem[], prefix = ''): ItemResult[] {
  return items.map((item) => {
    const answer = engine.ask({ text: item.q, session: item.session === undefined ? undefined : `${prefix}${item.session}` });
    return { item, answer, failures: judge(item, answer) };
  });
}
