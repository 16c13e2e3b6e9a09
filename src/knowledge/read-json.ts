import { readFileSync } from 'node:fs';
import { visit } from 'jsonc-parser';
import { KnowledgeLoadError } from '../errors.js';
import { formatJsonPath } from './json-path.js';

/**
 * Where a JSON text repeats a key inside one object. JSON.parse keeps the last one silently, so a
 * pasted-over fact would change a figure with no word: the loader refuses it instead.
 */
export function findDuplicateKeys(text: string): string[] {
  const open: Set<string>[] = [];
  const found: string[] = [];
  visit(text, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (property, _offset, _length, _line, _char, pathSupplier) => {
      const keys = open.at(-1);
      if (!keys) return;
      if (keys.has(property)) found.push(`${formatJsonPath([...pathSupplier(), property])}: duplicate key "${property}"`);
      keys.add(property);
    },
  });
  return found;
}

/**
 * Reads one knowledge file: a leading UTF-8 BOM is accepted (editors on Windows write one), and
 * the text must be valid JSON, repeat no key and hold an object at the top.
 */
export function readKnowledgeJson(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new KnowledgeLoadError(file, [(cause as Error).message], { cause, unreadable: true });
  }
  if (text.startsWith('\ufeff')) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new KnowledgeLoadError(file, [`not valid JSON: ${(cause as Error).message}`], { cause });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const got = json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`;
    throw new KnowledgeLoadError(file, [`(root): expected an object, got ${got}`]);
  }
  const duplicates = findDuplicateKeys(text);
  if (duplicates.length > 0) throw new KnowledgeLoadError(file, duplicates);
  return json as Record<string, unknown>;
}
