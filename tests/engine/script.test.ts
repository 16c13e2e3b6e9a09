import { describe, expect, it } from 'vitest';
import { createTraditionalizer, detectLang, simplify } from '../../src/text/script.js';

describe('script detection', () => {
  it.each([
    ['网站公开了多少条?', 'zh-Hans'],
    ['網站公開了多少條?', 'zh-Hant'],
    ['出台咗邊啲配套檔案', 'zh-Hant'],
    ['How many press conferences?', 'en'],
    ['多少件?', 'zh-Hans'],
    ['2011', 'zh-Hans'],
  ])('%s → %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});

describe('conversion', () => {
  it('simplifies characters without swapping vocabulary (档案馆 stays an archive)', () => {
    expect(simplify('檔案館、圖書館')).toBe('档案馆、图书馆');
  });
  it('converts our own text to traditional with tables filtered to its characters', () => {
    const convert = createTraditionalizer('网站公开了条数发布会');
    expect(convert('网站公开了13126条')).toBe('網站公開了13126條');
  });
});
