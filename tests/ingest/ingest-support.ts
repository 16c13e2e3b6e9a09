import { readFileSync, readdirSync } from 'node:fs';
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

/** One report of a development set with the question set written for it. */
export interface DevReport {
  slug: string;
  /** The file as read: ../shared/reports' without its header lines, ours as it is. */
  bytes: Buffer;
  file: string;
  body: string;
  year: number;
  questions: string;
}

type Manifest = Record<string, { body: string; year: number }>;

/** The real reports of ../shared/reports, each with its set in ./questions. */
export function sharedDevReports(): DevReport[] {
  const manifest = JSON.parse(readFileSync(join(SHARED_REPORTS, 'manifest.json'), 'utf8')) as Manifest;
  return Object.entries(manifest).map(([slug, { body, year }]) => ({ slug, bytes: sharedReport(slug), file: `${slug}.txt`, body, year, questions: here(`./questions/${slug}.jsonl`) }));
}

/** Reports of a folder of ours with a manifest.json, each with its set beside it. */
function reportsIn(dir: string): DevReport[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  return readdirSync(dir)
    .filter((f) => /\.(txt|html)$/.test(f))
    .map((file) => {
      const slug = file.replace(/\.(txt|html)$/, '');
      const meta = manifest[slug];
      if (!meta) throw new Error(`${slug} is missing from ${join(dir, 'manifest.json')}`);
      return { slug, bytes: readFileSync(join(dir, file)), file, ...meta, questions: join(dir, `${slug}.jsonl`) };
    });
}

/** Our own reports (every heading style, table shape, negation and numeral form), each with its set beside it. */
export const ownDevReports = (): DevReport[] => reportsIn(OWN_REPORTS);

/**
 * Reports written by someone who never saw the ingest code, with their sets: measured by
 * scripts/eval-ingested.ts, not held to a floor by the tests until the engine has been tuned on them.
 */
export const unseenReports = (): DevReport[] => reportsIn(here('./unseen-reports/'));

/** The seed, ingested from scratch without its curated pack, with its set. */
export function seedDevReport(): DevReport {
  const file = here('../../../shared/seed/000_8af516ff008966a0.txt');
  return { slug: 'seed-scratch', bytes: readFileSync(file), file, body: '通辽市', year: 2011, questions: here('./questions/seed-scratch.jsonl') };
}
