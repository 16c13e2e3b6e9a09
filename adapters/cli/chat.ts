#!/usr/bin/env node
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { GongkaiError } from '../../src/errors.js';
import { loadDotEnv, readConfig } from '../config/index.js';
import { bootEngine, projectRoot } from '../shared/boot-engine.js';
import { formatAnswer } from './format-answer.js';

const PROMPT = '> ';

/**
 * `npm run chat`: an interactive conversation in the terminal; follow-ups share one session. The
 * prompt shows before the first question too, so a newcomer sees where to type.
 */
async function main(): Promise<void> {
  loadDotEnv(projectRoot());
  const config = readConfig(process.env);
  const engine = bootEngine({ knowledgeDir: config.KNOWLEDGE_DIR, defaultReport: config.DEFAULT_REPORT });
  const session = randomUUID();
  const { meta } = engine.knowledge;
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: PROMPT });
  process.stdout.write(`${meta.title.zh}\n问答机器人：输入问题，/why 显示上一条的匹配规则，/quit 退出。\n例如：${meta.examples.zh.join(' | ')}\n\n`);
  rl.prompt();
  let last: ReturnType<typeof engine.ask> | undefined;
  rl.on('close', () => process.stdout.write('\n'));
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    if (text === '/why') {
      process.stdout.write(last ? `${formatAnswer(last, true).split('\n').pop()}\n` : '（还没有问题）\n');
    } else if (text) {
      last = engine.ask({ text, session });
      process.stdout.write(`${formatAnswer(last)}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof GongkaiError ? `${error.code}: ${error.message}` : String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
});
