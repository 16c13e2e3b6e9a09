import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultKnowledgeDir } from '../../adapters/shared/boot-engine.js';
import { KnowledgeLoadError } from '../../src/errors.js';
import { loadKnowledge } from '../../src/knowledge/index.js';

const dirs: string[] = [];
function copyPack(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  dirs.push(dir);
  cpSync(defaultKnowledgeDir(), dir, { recursive: true });
  edit(dir);
  return dir;
}
function editJson(dir: string, file: string, change: (json: Record<string, unknown[]>) => void) {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown[]>;
  change(json);
  writeFileSync(path, JSON.stringify(json));
}
function loadError(dir: string): KnowledgeLoadError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeLoadError) return error;
    throw error;
  }
  throw new Error('expected the pack to be rejected');
}

afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loading a malformed knowledge pack', () => {
  it('names the file and the path of a schema violation', () => {
    const dir = copyPack((d) => editJson(d, 'facts.json', (j) => ((j.facts?.[3] as Record<string, unknown>).value = 'four')));
    const error = loadError(dir);
    expect(error.code).toBe('KNOWLEDGE_INVALID');
    expect(error.file).toBe(join(dir, 'facts.json'));
    expect(error.message).toContain('facts[3].value');
  });

  it('rejects a quote that is not verbatim in its section', () => {
    const dir = copyPack((d) => editJson(d, 'intents.json', (j) => (((j.intents?.[0] as { cite: { quote: string }[] }).cite[0] as { quote: string }).quote = '网站公开13126条')));
    const error = loadError(dir);
    expect(error.file).toBe(join(dir, 'intents.json'));
    expect(error.message).toMatch(/intents\[0\]\.cite\[0\].*not verbatim/);
  });

  it('rejects a contact in the meta that is not verbatim in its section, or names no section', () => {
    const wrong = copyPack((d) => editJson(d, 'report.json', (j) => ((j as unknown as { meta: Record<string, unknown> }).meta['contact'] = { section: 'proactive', quote: '联系电话：0475-1234567' })));
    const error = loadError(wrong);
    expect(error.file).toBe(join(wrong, 'report.json'));
    expect(error.message).toMatch(/meta\.contact\.quote.*not verbatim/);
    const nowhere = copyPack((d) => editJson(d, 'report.json', (j) => ((j as unknown as { meta: Record<string, unknown> }).meta['contact'] = { section: 'no-such-part', quote: '2011年' })));
    expect(loadError(nowhere).message).toContain('no section "no-such-part"');
  });

  it('rejects a reference to an unknown concept or figure', () => {
    const dir = copyPack((d) => editJson(d, 'intents.json', (j) => ((j.intents?.[1] as { reply: { zh: string } }).reply.zh = '共{f:no-such-fact}条')));
    expect(loadError(dir).message).toContain('{f:no-such-fact}');
  });

  it('reports a file that is not JSON, and one that is missing', () => {
    const broken = copyPack((d) => writeFileSync(join(d, 'lexicon.json'), '{ "concepts": ['));
    expect(loadError(broken).message).toMatch(/lexicon\.json.*not valid JSON/s);
    const missing = copyPack((d) => rmSync(join(d, 'report.json')));
    const error = loadError(missing);
    expect(error.code).toBe('KNOWLEDGE_UNREADABLE');
    expect(error.file).toBe(join(missing, 'report.json'));
  });
});
