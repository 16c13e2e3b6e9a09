#!/usr/bin/env node
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GongkaiError } from '../../src/errors.js';
import { ingestReport, reviewOf, summaryOf, IngestError } from '../../src/ingest/index.js';
import { loadDomainIngest, loadDomainLexicon, loadKnowledge, projectDomainDir } from '../../src/knowledge/index.js';

const USAGE = 'usage: npm run ingest -- <report.txt|.html> --out <dir> [--body <发布机关>] [--year <YYYY>] [--title <标题>]';

/** A pack id from the output folder's name: lower-case letters, digits, dots and dashes. */
const packId = (out: string) => basename(resolve(out)).toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '') || 'report';

/**
 * `npm run ingest`: a report file in, a knowledge pack out (report.json, facts.json, lexicon.json,
 * intents.json and review.md), the review's summary on stdout. Exit 2 with a one-line reason on
 * stderr for input that cannot become a pack.
 */
function main(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, body: { type: 'string' }, year: { type: 'string' }, title: { type: 'string' } } });
  const file = positionals[0];
  if (!file || !values.out) throw new IngestError(USAGE);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) throw new IngestError(`--year must be a year such as 2021 (got "${values.year}")`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new IngestError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const domainDir = projectDomainDir();
  const domain = { lexicon: loadDomainLexicon(domainDir), ingest: loadDomainIngest(domainDir) };
  const result = ingestReport(bytes, { body: values.body, year, title: values.title, id: packId(values.out) }, domain, basename(file));
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const schemaOf = (name: string) => `${join(projectDomainDir(), '..', 'schema', name)}`;
  for (const [name, content] of Object.entries(result.files)) {
    writeFileSync(join(out, name), `${JSON.stringify({ $schema: schemaOf(name.replace('.json', '.schema.json')), ...content }, null, 1)}\n`);
  }
  writeFileSync(join(out, 'review.md'), reviewOf(result));
  // The pack must load as `npm start` will load it.
  loadKnowledge(out, { domainDir });
  process.stdout.write(`${summaryOf(result, values.out).join('\n')}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof GongkaiError ? error.message : String((error as Error)?.stack ?? error);
  process.stderr.write(`ingest: ${message.split('\n')[0]}\n`);
  process.exitCode = error instanceof IngestError ? 2 : 1;
}
