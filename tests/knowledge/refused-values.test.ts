import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultKnowledgeDir } from '../../adapters/shared/boot-engine.js';
import { KnowledgeLoadError } from '../../src/errors.js';
import { loadKnowledge } from '../../src/knowledge/index.js';

type Json = Record<string, Record<string, unknown>[]>;
const dirs: string[] = [];
function copyPack(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  dirs.push(dir);
  cpSync(defaultKnowledgeDir(), dir, { recursive: true });
  edit(dir);
  return dir;
}
const editJson = (file: string, change: (json: Json) => void) => (dir: string) => {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Json;
  change(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
};
const editText = (file: string, change: (text: string) => string) => (dir: string) => {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
};
const at = <T extends Record<string, unknown>>(json: Json, key: string, i: number): T => json[key]?.[i] as T;

function loadError(dir: string): KnowledgeLoadError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeLoadError) return error;
    throw error;
  }
  throw new Error('expected the pack to be rejected');
}
function expectRefused(edit: (dir: string) => void, file: string, issue: RegExp): void {
  const dir = copyPack(edit);
  const error = loadError(dir);
  expect(error.code).toBe('KNOWLEDGE_INVALID');
  expect(error.file).toBe(join(dir, file));
  expect(error.issues.join('\n')).toMatch(issue);
}

afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the loader refuses values a pack cannot stand behind', () => {
  it('refuses a fact whose value its own quote does not state', () => {
    expectRefused(editJson('facts.json', (j) => (at(j, 'facts', 15).value = 13127)), 'facts.json', /^facts\[15\]\.value: 13127 does not occur in the fact's quote/m);
    expectRefused(editJson('facts.json', (j) => (at(j, 'facts', 6).value = 2)), 'facts.json', /^facts\[6\]\.value: 2 does not occur/m);
  });

  it('reads the value in Chinese numerals, and checks the source wording against value and quote', () => {
    const unsourced = copyPack(editJson('facts.json', (j) => ['report.parts', 'website.layers', 'approval.visitors'].forEach((id) => delete j.facts?.find((f) => f.id === id)?.source)));
    expect(loadKnowledge(unsourced).facts.find((f) => f.id === 'approval.visitors')?.value).toBe(130000);
    expectRefused(editJson('facts.json', (j) => (at(j, 'facts', 1).value = 6)), 'facts.json', /^facts\[1\]\.source: "五個部分" does not state the value 6, nor does the quote/m);
    expectRefused(editJson('facts.json', (j) => (at(j, 'facts', 1).source = '六個部分')), 'facts.json', /^facts\[1\]\.source: "六個部分" does not stand in the fact's quote/m);
    expectRefused(editJson('facts.json', (j) => (at(j, 'facts', 27).value = 3)), 'facts.json', /^facts\[27\]\.source: "未收到" does not state the value 3, nor does the quote/m);
  });

  it('refuses a JSON file that repeats a key, naming the key path', () => {
    expectRefused(editText('facts.json', (t) => t.replace('"value": 2010,', '"value": 2010, "value": 2012,')), 'facts.json', /^facts\[3\]\.value: duplicate key "value"$/m);
    expectRefused(editText('lexicon.json', (t) => t.replace('{', '{ "scope": {},')), 'lexicon.json', /^scope: duplicate key "scope"$/m);
  });

  it('refuses a formula that divides by zero or takes the wrong number of figures', () => {
    expectRefused(editJson('facts.json', (j) => (at<{ args: string[] }>(j, 'derived', 8).args[1] = 'on-request.received')), 'facts.json', /^derived\[8\]\.args\[1\]: divides by "on-request.received", which is 0$/m);
    const zeroDerived = editJson('facts.json', (j) => {
      j.derived?.push({ id: 'zero', label: { zh: '零', en: 'zero' }, op: 'difference', args: ['bulletins', 'bulletins'], decimals: 0, unit: { zh: '', en: '' } });
      j.derived?.push({ id: 'per-zero', label: { zh: '零', en: 'zero' }, op: 'ratio', args: ['bulletins', 'zero'], decimals: 0, unit: { zh: '', en: '' } });
    });
    expectRefused(zeroDerived, 'facts.json', /^derived\[21\]\.args\[1\]: divides by "zero", which is 0$/m);
    expectRefused(editJson('facts.json', (j) => at<{ args: string[] }>(j, 'derived', 8).args.push('bulletins')), 'facts.json', /^derived\[8\]\.args: ratio takes 2 figures, got 3$/m);
  });

  it('refuses a quote that is only punctuation or a single character', () => {
    expectRefused(editJson('intents.json', (j) => (at<{ cite: { quote: string }[] }>(j, 'intents', 0).cite[0] = { section: 'proactive', quote: '。' } as never)), 'intents.json', /^intents\[0\]\.cite\[0\]\.quote: quote "。" is too short to cite/m);
    expectRefused(editJson('facts.json', (j) => (at(j, 'lists', 0).quote = '的')), 'facts.json', /^lists\[0\]\.quote: quote "的" is too short/m);
  });

  it('refuses a suggestion given twice', () => {
    expectRefused(editJson('intents.json', (j) => (at(j, 'intents', 4).suggest = ['proactive.other-share', 'proactive.total', 'proactive.other-share'])), 'intents.json', /^intents\[4\]\.suggest\[2\]: "proactive.other-share" is suggested twice$/m);
  });

  it('refuses sections whose parents form a cycle', () => {
    expectRefused(editJson('report.json', (j) => (at(j, 'sections', 0).parent = 'mechanism')), 'report.json', /^sections\[0\]\.parent: sections form a cycle: report → mechanism → overview → report$/m);
  });

  it('refuses a file whose top value is null, an array or a number, with no TypeError', () => {
    expectRefused(editText('lexicon.json', () => 'null'), 'lexicon.json', /^\(root\): expected an object, got null$/m);
    expectRefused(editText('intents.json', () => '[]'), 'intents.json', /^\(root\): expected an object, got an array$/m);
    expectRefused(editText('report.json', () => '42'), 'report.json', /^\(root\): expected an object, got a number$/m);
  });

  it('accepts files that start with a UTF-8 byte order mark', () => {
    const dir = copyPack((d) => readdirSync(d).filter((f) => f.endsWith('.json')).forEach((f) => editText(f, (t) => `\ufeff${t}`)(d)));
    expect(loadKnowledge(dir).facts.length).toBeGreaterThan(0);
  });
});
