import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Converter, Locale } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { simplify } from '../../src/text/script.js';
import { unchangedBy } from '../../src/text/unchanged-by.js';

const convert = Converter({ from: 'tw', to: 'cn' });
const preset = (Locale.configs as Record<string, { normalizationChain: string[][]; conversionChain: string[][] }>).tw2s;
const dicts = [...(preset?.normalizationChain ?? []), ...(preset?.conversionChain ?? [])].flat();
const unchanged = unchangedBy(dicts);

/** Every question of the project's sets, and the bundled report's text line by line. */
function corpus(): string[] {
  const root = join(import.meta.dirname, '..', '..');
  const questions = ['tests/questions', 'tests/holdout', 'tests/unseen'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(root, dir, f), 'utf8').split('\n').filter(Boolean))
      .map((l) => String((JSON.parse(l) as { q: unknown }).q)),
  );
  const report = readFileSync(join(root, 'knowledge', 'tongliao-2011', 'report.json'), 'utf8').split(/\\n|"/);
  return [...questions, ...report];
}

describe('unchangedBy', () => {
  it('never calls a text unchanged that the converter changes, over every question and the report', () => {
    const texts = corpus();
    let told = 0;
    for (const text of texts) {
      if (!unchanged(text)) continue;
      told++;
      expect(convert(text), text).toBe(text);
    }
    // The test means something only if the fast path is taken for much of the corpus.
    expect(told).toBeGreaterThan(texts.length / 3);
  });

  it('holds on random text made of characters and phrase keys the tables change and of simplified ones', () => {
    const keys = dicts.flatMap((d) => d.split('|').slice(0, 400).map((e) => e.split(' ')[0] ?? ''));
    const pieces = fc.oneof(fc.constantFrom(...keys), fc.constantFrom(...'多少一批那不在上么申什主其下待大平出好这怎区开个办条会发年政府信息公开 ?？2011'.split('')), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        if (unchanged(text)) expect(convert(text)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('sends traditional characters, changed phrases and characters outside the BMP to the converter', () => {
    expect(unchanged('開了幾次新聞發布會')).toBe(false);
    expect(unchanged('𠀋')).toBe(false);
    expect(unchanged('开了几次新闻发布会?')).toBe(true);
  });

  it('leaves simplify converting exactly as OpenCC does', () => {
    for (const text of corpus().slice(0, 3000)) expect(simplify(text)).toBe(convert(text));
  });
});
