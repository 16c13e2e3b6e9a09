import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../adapters/telegram/escape-html.js';
import { renderAnswer } from '../../adapters/telegram/render-html.js';
import { ALLOWED_TAGS, stubAnswer, tagsIn, visibleText } from './fixtures.js';

describe('escapeHtml', () => {
  it('escapes exactly what Telegram HTML needs', () => {
    expect(escapeHtml('a < b > c & d "e"')).toBe('a &lt; b &gt; c &amp; d "e"');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('renderAnswer', () => {
  it('writes the statement, then the section title in bold and the quote in an expandable blockquote', () => {
    const [html, ...rest] = renderAnswer(stubAnswer('网站公开了多少条?'));
    expect(rest).toEqual([]);
    expect(html).toBe(
      '您问的是:网站公开了多少条?\n\n来源:<b>主动公开政府信息情况</b>\n<blockquote expandable>主动公开政府信息13126条,&lt;其他&gt;形式 &amp; 672条。</blockquote>',
    );
  });

  it('gives English replies the English section title with the original beside it', () => {
    const [html = ''] = renderAnswer(stubAnswer('How many?'));
    expect(html).toContain('Source: <b>Proactive disclosure of government information (主动公开政府信息情况)</b>');
  });

  it('shows the question asked by a button above the answer', () => {
    const [html = ''] = renderAnswer(stubAnswer('问题'), { asked: '<按钮>问题' });
    expect(html.startsWith('<i>❓ &lt;按钮&gt;问题</i>\n\n')).toBe(true);
  });

  it('escapes markup in every piece of text, so only our own tags remain', () => {
    const evil = '<a href="https://evil.example">点我</a> & <b>粗</b>';
    const answer = stubAnswer(evil, { citations: [{ sectionId: 'x', section: `<i>${evil}`, quote: `</blockquote>${evil}` }] });
    const messages = renderAnswer(answer, { asked: evil });
    for (const html of messages) for (const tag of tagsIn(html)) expect(tag).toMatch(ALLOWED_TAGS);
    const visible = messages.map(visibleText).join('');
    expect(visible).toContain(evil);
    expect(visible).toContain(`</blockquote>${evil}`);
  });

  it('renders answers without citations as the statement alone', () => {
    expect(renderAnswer(stubAnswer('x', { outcome: 'unknown', message: '抱歉,没有找到。', citations: [] }))).toEqual(['抱歉,没有找到。']);
  });
});
