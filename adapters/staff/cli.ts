#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { GongkaiError } from '../../src/errors.js';
import { loadDotEnv, readConfig } from '../config/index.js';
import { projectRoot } from '../shared/boot-engine.js';
import { silentLogger } from '../shared/logger.js';
import { openStorage } from '../storage/index.js';
import { MAX_ROWS } from './staff-routes.js';
import { unansweredTable } from './log-tables.js';
import type { Table } from './table.js';

const USAGE = 'usage: npm run staff -- unanswered [--days N]   (the questions the bot could not answer or was unsure of, grouped by similar wording)\n';
const DAY_MS = 86_400_000;

/** The unanswered table as blocks a terminal shows well (CJK text defeats column alignment). */
function formatUnanswered(table: Table, days: number): string {
  const total = table.rows.reduce((n, r) => n + Number(r['count'] ?? 0), 0);
  const head = `未能回答或把握不大的问题 Unanswered and low-confidence questions, 最近 ${days} 天 last ${days} days: ${table.rows.length} 组 groups, ${total} 次 questions\n`;
  const blocks = table.rows.map((r) =>
    [
      `\n${String(r['count']).padStart(4)}×  ${String(r['wording'])}`,
      r['variants'] ? `       相近问法 similar: ${String(r['variants'])}` : '',
      `       ${String(r['outcomes'])} · ${String(r['channels'])}`,
      `       首次 first ${String(r['first'])} · 最近 last ${String(r['last'])}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return `${head}${blocks.join('\n')}\n`;
}

/**
 * `npm run staff -- unanswered [--days N]`: the console's unanswered list in the terminal, read
 * from the same database (SQLITE_FILE, or DATABASE_URL) with the same grouping.
 */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { days: { type: 'string', default: '30' } } });
  const days = Number(values.days);
  if (positionals[0] !== 'unanswered' || positionals.length > 1 || !Number.isInteger(days) || days < 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  loadDotEnv(projectRoot());
  const config = readConfig(process.env);
  const storage = openStorage(config, projectRoot(), silentLogger);
  try {
    await storage.migrate();
    const questions = await storage.questions({ since: Date.now() - days * DAY_MS, filter: 'unanswered', limit: MAX_ROWS });
    const offsetMs = -new Date().getTimezoneOffset() * 60_000;
    process.stdout.write(formatUnanswered(unansweredTable(questions, offsetMs), days));
    return 0;
  } finally {
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof GongkaiError ? `${error.code}: ${error.message}` : `cannot read the question log: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  },
);
