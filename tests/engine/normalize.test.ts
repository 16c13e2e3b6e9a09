import { describe, expect, it } from 'vitest';
import { hasWords, MAX_QUESTION_CHARS, normalizeText } from '../../src/text/normalize.js';

describe('normalizeText', () => {
  it('folds full-width characters and whitespace', () => {
    expect(normalizeText('  网站公开了１３１２６条吗？ ')).toBe('网站公开了13126条吗?');
  });
  it('drops control, bidi and zero-width characters', () => {
    expect(normalizeText('网\u200b站\u202e公开\u0007了')).toBe('网站公开 了');
  });
  it('removes markup tags but keeps their text', () => {
    expect(normalizeText('<b>简报</b>发了<script>x</script>多少期')).toBe('简报 发了 x 多少期');
  });
  it('writes years in Chinese digits as Arabic digits', () => {
    expect(normalizeText('二〇一二年公开了多少')).toBe('2012年公开了多少');
  });
  it('caps huge input before doing any work on it', () => {
    expect(normalizeText('字'.repeat(100_000)).length).toBe(MAX_QUESTION_CHARS);
  });
  it('applies the cap after folding whitespace and zero-width characters', () => {
    expect(normalizeText(`${' '.repeat(1200)}简报发了多少期?`)).toBe('简报发了多少期?');
    expect(normalizeText(`${'\u200b'.repeat(1300)}网${'\u00ad \n'.repeat(700)}站`)).toBe('网 站');
  });
  it('tells text with words from text without', () => {
    expect(hasWords('🙂🙂 ?!')).toBe(false);
    expect(hasWords('多少')).toBe(true);
  });
});
