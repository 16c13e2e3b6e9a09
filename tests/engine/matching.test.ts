import { describe, expect, it } from 'vitest';
import { extractConcepts } from '../../src/match/extract-concepts.js';
import { compileLexicon } from '../../src/match/lexicon.js';
import { scoreIntents } from '../../src/match/score-intents.js';
import type { Intent } from '../../src/knowledge/schema.js';

const lexicon = compileLexicon(
  [
    { id: 'press', zh: ['新闻发布会', '发布会'], en: ['press conference'] },
    { id: 'disclose', zh: ['公开', '发布'], en: ['publish'] },
    { id: 'count', zh: ['多少', '几'], en: ['how many'] },
    { id: 'county', zh: ['旗县'], en: ['county'] },
    { id: 'scope:place', zh: ['北京'], en: [] },
    { id: 'org', zh: ['北京国脉'], en: [] },
  ],
  'scope:',
);

describe('extractConcepts', () => {
  it('takes the longest term at each position', () => {
    expect([...extractConcepts('开了几次新闻发布会', lexicon).concepts].sort()).toEqual(['count', 'press']);
  });
  it('matches English phrases over stems', () => {
    expect([...extractConcepts('how many press conferences?', lexicon).concepts].sort()).toEqual(['count', 'press']);
  });
  it('tolerates one wrong character in a long term only when asked to', () => {
    expect(extractConcepts('新闻发部会', lexicon).concepts.has('press')).toBe(false);
    const tolerant = extractConcepts('新闻发部会', lexicon, true);
    expect(tolerant.concepts.has('press')).toBe(true);
    expect(tolerant.fuzzy).toBe(true);
  });
  it('tolerates a typo in an English word', () => {
    expect(extractConcepts('press conferense', lexicon, true).concepts.has('press')).toBe(true);
  });
  it('finds flags anywhere, but not inside a longer known term', () => {
    expect(extractConcepts('北京公开了多少', lexicon).concepts.has('scope:place')).toBe(true);
    expect(extractConcepts('北京国脉', lexicon).concepts.has('scope:place')).toBe(false);
  });
  it('reads years and other figures apart', () => {
    const ex = extractConcepts('2012年是不是24次 约13万', lexicon);
    expect(ex.years).toEqual([2012]);
    expect(ex.numbers).toEqual([24, 130000]);
  });
  it('keeps words it cannot explain, for telling off-topic questions apart', () => {
    expect(extractConcepts('明天下雨吗', lexicon).unexplained).toContain('下雨');
  });
});

const intent = (id: string, all: string[][], weights: Record<string, number>, none: string[] = []): Intent => ({
  id,
  question: { zh: id, en: id },
  match: { all, weights, none },
  reply: { zh: id, en: id },
  cite: [{ section: 's', quote: 'q' }],
  suggest: [],
  years: [],
});

describe('scoreIntents', () => {
  const intents = [
    intent('press.total', [['press']], { press: 3, count: 1 }, ['county']),
    intent('press.county', [['press'], ['county']], { press: 2, county: 3, count: 1 }),
    intent('nine', [['county']], { county: 1 }),
  ];
  const figure = (i: Intent) => (i.id === 'nine' ? 9 : undefined);
  it('requires every group and honours exclusions', () => {
    const readings = scoreIntents(intents, { concepts: new Set(['press', 'county', 'count']), numbers: [] }, figure);
    expect(readings.map((r) => r.intent)).toEqual(['press.county', 'nine']);
  });
  it('lets a figure named in the question stand in for the required words', () => {
    const readings = scoreIntents(intents, { concepts: new Set(), numbers: [9] }, figure);
    expect(readings[0]?.intent).toBe('nine');
  });
  it('charges for concepts a rule leaves unexplained, so specific rules win', () => {
    const [top] = scoreIntents(intents, { concepts: new Set(['press', 'count', 'disclose']), numbers: [] }, figure);
    expect(top).toMatchObject({ intent: 'press.total', score: 3.7, matched: ['press', 'count'] });
  });
});
