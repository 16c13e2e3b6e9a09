import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultKnowledgeDir } from '../../adapters/shared/boot-engine.js';
import type { IngestResult } from '../../src/ingest/index.js';
import { ingest, SHARED_REPORTS, sharedReport } from '../ingest/ingest-support.js';

export const FIXTURE_REPORTS = new URL('../fixtures/library-reports/', import.meta.url).pathname;
/** Our own pair of years of one body: the same town in 2010 and 2011, with overlapping figures. */
export const TANGCUN_BODY = '青石县唐村镇人民政府';

/** Writes an ingested pack as `npm run ingest` does (without the editor's $schema key). */
export function writePack(dir: string, result: IngestResult): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(result.files)) writeFileSync(join(dir, name), `${JSON.stringify(content, null, 1)}\n`);
}

/** Ingests one of our two 唐村镇 reports into `dir`. */
export function writeTangcun(dir: string, year: 2010 | 2011): void {
  writePack(dir, ingest(readFileSync(join(FIXTURE_REPORTS, `tangcun-${year}.txt`)), TANGCUN_BODY, year));
}

/** The shared reports' manifest: slug → body and year. */
export const sharedManifest = (): Record<string, { body: string; year: number }> => JSON.parse(readFileSync(join(SHARED_REPORTS, 'manifest.json'), 'utf8')) as Record<string, { body: string; year: number }>;

/**
 * A library in a fresh temp folder: the bundled 2011 pack, every report of ../shared/reports
 * ingested, and our 唐村镇 pair, each in a subfolder named by its id.
 */
export function buildLibrary(options: { shared?: boolean; tongliao?: boolean; tangcun?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-library-'));
  if (options.tongliao !== false) cpSync(defaultKnowledgeDir(), join(root, 'tongliao-2011'), { recursive: true });
  if (options.shared !== false) {
    for (const [slug, { body, year }] of Object.entries(sharedManifest())) writePack(join(root, slug), ingest(sharedReport(slug), body, year));
  }
  if (options.tangcun !== false) {
    writeTangcun(join(root, 'tangcun-2010'), 2010);
    writeTangcun(join(root, 'tangcun-2011'), 2011);
  }
  return root;
}
