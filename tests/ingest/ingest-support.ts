import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/engine/index.js';
import { ingestReport, type Domain, type IngestResult } from '../../src/ingest/index.js';
import { loadDomainIngest, loadDomainLexicon, projectDomainDir } from '../../src/knowledge/index.js';
import type { QuestionItem } from '../support/question-set.js';

let domain: Domain | undefined;
/** The project's domain, as `npm run ingest` reads it. */
export function testDomain(): Domain {
  const dir = projectDomainDir();
  domain ??= { lexicon: loadDomainLexicon(dir), ingest: loadDomainIngest(dir) };
  return domain;
}

export const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const SHARED_REPORTS = here('../../../shared/reports/');
export const OWN_REPORTS = here('./reports/');

/** A report of ../shared/reports without its "# " header lines, as the README says to ingest it. */
export function sharedReport(slug: string): Buffer {
  const text = readFileSync(join(SHARED_REPORTS, `${slug}.txt`), 'utf8');
  return Buffer.from(text.split('\n').filter((l) => !l.startsWith('# ')).join('\n').replace(/^\n/, ''));
}

export function ingest(bytes: Uint8Array, body?: string, year?: number): IngestResult {
  return ingestReport(bytes, { body, year }, testDomain());
}

export function engineFor(result: IngestResult) {
  return createEngine(result.knowledge, { clock: () => Date.UTC(2026, 0, 1) });
}

export const readSet = (file: string): QuestionItem[] =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as QuestionItem);
