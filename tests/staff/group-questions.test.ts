import { describe, expect, it } from 'vitest';
import { groupQuestions, wordingKey } from '../../adapters/staff/group-questions.js';
import type { LoggedQuestion } from '../../adapters/storage/index.js';

let n = 0;
const q = (text: string, askedAt: number, outcome: LoggedQuestion['outcome'] = 'unknown'): LoggedQuestion => ({
  id: `id-${++n}`,
  askedAt,
  channel: 'web',
  report: 'r',
  text,
  outcome,
  intent: null,
  rule: null,
  confidence: 0,
  lang: 'zh-Hans',
  conversation: 'k',
  citations: [],
  rating: null,
  comment: null,
});

describe('grouping by similar wording', () => {
  it('reads script, case, width and punctuation as the same wording', () => {
    expect(wordingKey('殘疾人補貼怎麼領？')).toBe(wordingKey('残疾人补贴怎么领?'));
    expect(wordingKey('How do I  APPLY?')).toBe(wordingKey('how do i apply'));
    expect(wordingKey('ＡＢＣ１２３')).toBe('abc123');
  });

  it('joins near wordings, keeps different questions apart, most asked first with first and last dates', () => {
    const groups = groupQuestions([
      q('残疾人补贴怎么领?', 50),
      q('残疾人的补贴怎么领', 40),
      q('公交车几点收车', 30),
      q('残疾人补贴怎么领？', 20),
      q('How do I apply for a permit?', 10),
      q('how do i apply for a permit', 5),
    ]);
    expect(groups.map((g) => [g.wording, g.count])).toEqual([
      ['残疾人补贴怎么领?', 3],
      ['How do I apply for a permit?', 2],
      ['公交车几点收车', 1],
    ]);
    expect(groups[0]).toMatchObject({ first: 20, last: 50, variants: ['残疾人的补贴怎么领', '残疾人补贴怎么领？'], outcomes: { unknown: 3 }, channels: { web: 3 } });
  });

  it('an empty log has no groups', () => {
    expect(groupQuestions([])).toEqual([]);
  });
});
