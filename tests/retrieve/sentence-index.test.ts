import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../src/match/lexicon.js';
import { createSentenceIndex } from '../../src/retrieve/sentence-index.js';
import { ingest } from '../ingest/ingest-support.js';

const text = '一、概述\n2013年，我乡共主动公开政府信息326条，内容主要包括惠农政策、计划生育、低保救助等。\n二、工作打算\n全年组织政府信息公开业务培训不少于两次，每次不少于50人。';

describe('the sentence index, the last resort when no rule answers', () => {
  const knowledge = ingest(Buffer.from(text), '某乡人民政府', 2013).knowledge;
  const sentences = createSentenceIndex(knowledge, compileLexicon(knowledge.concepts, 'scope:'));

  it('weighs a number as one word: 2014 does not meet 2013 through the digits they share', () => {
    expect(sentences.best('2014年计划培训几次')?.text ?? '').not.toContain('326');
  });

  it('still finds a sentence by the number it holds', () => {
    expect(sentences.best('326条都包括什么内容')?.text).toContain('326');
  });
});
