import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { KnowledgeLoadError } from '../errors.js';
import { PACK_FILES, checkReferences } from './check-references.js';
import { Knowledge } from './schema.js';

const formatPath = (path: PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new KnowledgeLoadError(file, [(cause as Error).message], { cause, unreadable: true });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new KnowledgeLoadError(file, [`not valid JSON: ${(cause as Error).message}`], { cause });
  }
}

/**
 * Reads a knowledge pack (a folder of report.json, facts.json, lexicon.json, intents.json) and
 * validates it. Any problem throws a KnowledgeLoadError naming the file, the path inside it and
 * what is wrong, because a bot that starts on a broken pack would cite wrongly.
 */
export function loadKnowledge(dir: string): Knowledge {
  const merged: Record<string, unknown> = {};
  for (const [file, keys] of Object.entries(PACK_FILES)) {
    const full = join(dir, file);
    const { $schema: _editorHint, ...json } = readJson(full) as Record<string, unknown>;
    const part = (Knowledge.pick as (mask: Record<string, true>) => z.ZodType)(
      Object.fromEntries(keys.map((k) => [k, true])),
    ).safeParse(json);
    if (!part.success) {
      throw new KnowledgeLoadError(
        full,
        part.error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`),
      );
    }
    Object.assign(merged, part.data);
  }
  const knowledge = merged as Knowledge;
  const issues = checkReferences(knowledge);
  const first = issues[0];
  if (first) {
    throw new KnowledgeLoadError(
      join(dir, first.file),
      issues.filter((i) => i.file === first.file).map((i) => `${i.path}: ${i.message}`),
    );
  }
  return knowledge;
}
