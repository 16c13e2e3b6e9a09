import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { KnowledgeLoadError } from '../errors.js';
import { PACK_FILES, checkReferences } from './check-references.js';
import { checkValues } from './check-values.js';
import { formatJsonPath as formatPath } from './json-path.js';
import { mergeLexicon } from './merge-domain.js';
import { readKnowledgeJson as readJson } from './read-json.js';
import { DomainIngest, DomainLexicon, Knowledge, PackLexicon } from './schema.js';

function parseFile<T>(file: string, schema: z.ZodType<T>): T {
  const { $schema: _editorHint, ...json } = readJson(file);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new KnowledgeLoadError(file, parsed.error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`));
  }
  return parsed.data;
}

/** The project's knowledge/domain folder, found from this file whether it runs from src or dist. */
export function projectDomainDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new KnowledgeLoadError(fileURLToPath(import.meta.url), ['no package.json above it, so no knowledge/domain'], { unreadable: true });
    dir = parent;
  }
  return join(dir, 'knowledge', 'domain');
}

/** The vocabulary every pack is read with (knowledge/domain/lexicon.json). */
export function loadDomainLexicon(domainDir: string): DomainLexicon {
  return parseFile(join(domainDir, 'lexicon.json'), DomainLexicon);
}

/** What `ingest` reads every report by (knowledge/domain/ingest.json). */
export function loadDomainIngest(domainDir: string): DomainIngest {
  return parseFile(join(domainDir, 'ingest.json'), DomainIngest);
}

export interface LoadOptions {
  /** The folder of the shared domain vocabulary; the project's own by default, `null` for none. */
  domainDir?: string | null;
  /** The domain lexicon already read (a library reads it once for all its packs); wins over `domainDir`. */
  domain?: DomainLexicon;
}

/**
 * Reads a knowledge pack (a folder of report.json, facts.json, lexicon.json, intents.json) with the
 * domain lexicon beside it, and validates it. Any problem throws a KnowledgeLoadError naming the
 * file, the path inside it and what is wrong, because a bot that starts on a broken pack would cite
 * wrongly.
 */
export function loadKnowledge(dir: string, options: LoadOptions = {}): Knowledge {
  const domainDir = options.domain !== undefined ? null : options.domainDir === undefined ? projectDomainDir() : options.domainDir;
  const domain = options.domain ?? (domainDir === null ? undefined : loadDomainLexicon(domainDir));
  const merged: Record<string, unknown> = {};
  for (const [file, keys] of Object.entries(PACK_FILES)) {
    const full = join(dir, file);
    if (file === 'lexicon.json') {
      Object.assign(merged, mergeLexicon(domain, parseFile(full, PackLexicon)));
      continue;
    }
    const schema = (Knowledge.pick as (mask: Record<string, true>) => z.ZodType)(Object.fromEntries(keys.map((k) => [k, true])));
    Object.assign(merged, parseFile(full, schema));
  }
  const knowledge = merged as Knowledge;
  const issues = [...checkReferences(knowledge), ...checkValues(knowledge)];
  const first = issues[0];
  if (first) {
    throw new KnowledgeLoadError(
      join(dir, first.file),
      issues.filter((i) => i.file === first.file).map((i) => `${i.path}: ${i.message}`),
    );
  }
  return knowledge;
}
