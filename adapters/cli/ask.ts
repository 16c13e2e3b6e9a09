#!/usr/bin/env node
import { GongkaiError } from '../../src/errors.js';
import { loadDotEnv, readConfig } from '../config/index.js';
import { bootEngine, projectRoot } from '../shared/boot-engine.js';
import { watchOutput } from './closed-output.js';
import { formatAnswer } from './format-answer.js';
import { runBatch } from './run-batch.js';

/**
 * `npm run ask -- "问题"` prints one cited reply; `npm run ask -- --jsonl` speaks the batch
 * contract on standard input and output. Standard output carries only replies; errors go to stderr.
 */
async function main(argv: string[]): Promise<number> {
  loadDotEnv(projectRoot());
  const config = readConfig(process.env);
  const engine = bootEngine({ knowledgeDir: config.KNOWLEDGE_DIR, defaultReport: config.DEFAULT_REPORT });
  if (argv.includes('--jsonl')) {
    await runBatch(engine, process.stdin, process.stdout);
    return 0;
  }
  const why = argv.includes('--why');
  const question = argv.filter((a) => !a.startsWith('--')).join(' ');
  if (!question.trim()) {
    process.stderr.write('usage: npm run ask -- "问题" [--why]   |   npm run ask -- --jsonl < questions.jsonl\n');
    return 2;
  }
  watchOutput(process.stdout);
  process.stdout.write(`${formatAnswer(engine.ask({ text: question }), why)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof GongkaiError ? `${error.code}: ${error.message}` : String((error as Error)?.stack ?? error)}\n`);
    process.exitCode = 1;
  },
);
