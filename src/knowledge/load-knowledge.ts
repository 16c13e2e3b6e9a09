import { join } from 'node:path';
import type { z } from 'zod';
import { KnowledgeLoadError } from '../errors.js';
import { PACK_FILES, checkReferences } from './check-references.js';
import { checkValues } from './check-values.js';
import { formatJsonPath as formatPath } from './json-path.js';
import { readKnowledgeJson as readJson } from './read-json.js';
import { Knowledge } from './schema.js';

/**
 * Reads a knowledge pack (a folder of report.json, facts.json, lexicon.json, intents.json) and
 * validates it. Any problem throws a KnowledgeLoadError naming the file, the path inside it and
 * what is wrong, because a bot that starts on a broken pack would cite wrongly.
 */
export function loadKnowledge(dir: string): Knowledge {
  const merged: Record<string, unknown> = {};
  for (const [file, keys] of Object.entries(PACK_FILES)) {
    const full = join(dir, file);
    const { $schema: _editorHint, ...json } = readJson(full);
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
