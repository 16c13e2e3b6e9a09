import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../adapters/http/index.js';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { engine, testConfig } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = join(projectRoot(), 'test-artifacts');

// In CI the browser test must run (.ci/run installs Chromium); on a laptop without it, skip and say why.
const skipReason = !existsSync(CHROMIUM) && !process.env.CI ? `${CHROMIUM} is absent (apt-get install chromium); CI runs this test` : '';
if (skipReason) console.warn(`[browser test skipped] ${skipReason}`);

/** The two lines README asks a site to paste, on a bare page of its own. */
function pastedPage(botUrl: string): string {
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>市政府网站</title></head>
<body><h1>通辽市人民政府</h1><p>政府信息公开专栏。</p>
<script src="${botUrl}/embed.js" defer></script>
<noscript><a href="${botUrl}/">政府信息公开问答</a></noscript>
</body></html>`;
}

/** The screen sizes every page item is checked at: a common phone and a laptop. */
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** The lines the header's visible title breaks into, read from where each character is drawn. */
function titleLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const title = document.getElementById('app-title');
    const shown = Array.from(title?.children ?? []).find((child) => getComputedStyle(child).display !== 'none');
    const text = shown?.firstChild;
    const chars = text?.textContent ?? '';
    const range = document.createRange();
    const lines: { top: number; text: string }[] = [];
    for (let i = 0; i < chars.length; i++) {
      range.setStart(text as Node, i);
      range.setEnd(text as Node, i + 1);
      const rect = range.getBoundingClientRect();
      const last = lines[lines.length - 1];
      if (last && Math.abs(rect.top - last.top) < rect.height / 2) last.text += chars[i];
      else lines.push({ top: rect.top, text: chars[i] ?? '' });
    }
    return lines.map((line) => line.text.trim()).filter(Boolean);
  });
}

/** A plain page on another origin, as a city website would be, with the two pasted lines. */
function hostPage(botUrl: string): Promise<{ url: string; server: Server }> {
  const html = pastedPage(botUrl);
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server })));
}

describe.skipIf(!!skipReason)(`web chat in headless Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let bot: RunningHttpServer;
  let browser: Browser;
  const problems: string[] = [];

  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    bot = await startHttpServer({ engine: engine(), config: testConfig({ HOST: '127.0.0.1', PORT: '0' }), logger: silentLogger });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  it('answers simplified and traditional questions with citations, taps a suggestion, follows up', async () => {
    const context = await browser.newContext({ viewport: { width: 420, height: 860 }, locale: 'zh-CN' });
    const page = await context.newPage();
    watch(page);
    await page.goto(`${bot.url}/`);

    await expect.poll(() => page.locator('.example').count()).toBe(3);
    const input = page.getByLabel('输入你的问题');
    const answers = page.locator('#log .turn.bot[data-outcome]');

    // Simplified, by keyboard: type and press Enter.
    await input.fill('网站公开了多少条?');
    await input.press('Enter');
    await expect.poll(() => answers.count()).toBe(1);
    const first = answers.nth(0);
    expect(await first.locator('.message').textContent()).toContain('13126');
    expect(await first.locator('.cite-section').first().textContent()).toContain('主动公开政府信息情况');
    const quote = first.locator('.quote').first();
    expect(await quote.isVisible()).toBe(false);
    await first.locator('summary').first().click();
    expect(await quote.isVisible()).toBe(true);
    expect(await quote.textContent()).toContain('13126条');
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('question'); // focus went to the summary we clicked

    // A follow-up: the page keeps the sessionId in sessionStorage and sends it back.
    await input.fill('那其他形式呢?');
    await input.press('Enter');
    await expect.poll(() => answers.count()).toBe(2);
    expect(await answers.nth(1).locator('.message').textContent()).toContain('672');
    expect(await page.evaluate(() => sessionStorage.getItem('gongkai-qa:session'))).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');

    // Traditional, with the send button.
    await input.fill('開了多少次新聞發布會?');
    await page.getByRole('button', { name: '发送' }).click();
    await expect.poll(() => answers.count()).toBe(3);
    const third = answers.nth(2);
    expect(await third.locator('.message').textContent()).toContain('24');
    expect(await third.locator('.message').getAttribute('lang')).toBe('zh-Hant');
    expect(await third.locator('.cite-section').first().textContent()).toContain('夯實載體');

    // Tap a suggestion: it is asked as a question and answered with a citation.
    const chip = third.locator('.chip').first();
    const suggestion = (await chip.textContent()) ?? '';
    expect(suggestion.length).toBeGreaterThan(0);
    await chip.click();
    await expect.poll(() => answers.count()).toBe(4);
    expect(await page.locator('#log .turn.user').last().textContent()).toContain(suggestion);
    expect(await answers.nth(3).getAttribute('data-outcome')).toBe('answered');
    expect(await answers.nth(3).locator('.citation').count()).toBeGreaterThan(0);

    // Markup in a question is shown as text, never rendered.
    await input.fill('<b>简报</b>发了多少期?');
    await input.press('Enter');
    await expect.poll(() => answers.count()).toBe(5);
    expect(await page.locator('#log b').count()).toBe(0);
    expect(await page.locator('#log .turn.user').last().textContent()).toContain('<b>简报</b>');

    // The conversation scrolls inside its area: the header and the text box stay on screen.
    expect(await page.evaluate(() => [window.scrollY, document.documentElement.scrollHeight - window.innerHeight])).toEqual([0, 0]);
    expect(await page.locator('#log').getAttribute('aria-live')).toBe('polite');
    await page.screenshot({ path: join(ARTIFACTS, 'web-chat-mobile.png'), animations: 'disabled' });

    // The interface language switches; answers stay as they were.
    await page.getByRole('button', { name: '繁' }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    await expect.poll(() => page.getByLabel('輸入你的問題').count()).toBe(1);
    await page.getByRole('button', { name: 'EN' }).click();
    await expect.poll(() => page.getByLabel('Your question').count()).toBe(1);
    expect(await first.locator('.message').textContent()).toContain('13126');

    // A new chat forgets the session and shows the examples again, in the chosen language.
    await page.getByRole('button', { name: 'New chat' }).click();
    expect(await answers.count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('gongkai-qa:session'))).toBeNull();
    expect(await page.locator('.example').first().textContent()).toMatch(/[A-Za-z]/);

    // A question back, answered by typing the option's number.
    await page.getByLabel('Your question').fill('一共多少');
    await page.getByLabel('Your question').press('Enter');
    await expect.poll(() => answers.count()).toBe(1);
    expect(await answers.nth(0).getAttribute('data-outcome')).toBe('clarify');
    await page.getByLabel('Your question').fill('2');
    await page.getByLabel('Your question').press('Enter');
    await expect.poll(() => answers.count()).toBe(2);
    expect(await answers.nth(1).getAttribute('data-outcome')).toBe('answered');
    expect(await answers.nth(1).locator('.message').textContent()).toContain('9个旗县市区');


    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows a clean empty chat and a first answer on a desktop screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, locale: 'zh-CN' });
    const page = await context.newPage();
    watch(page);
    await page.goto(`${bot.url}/`);
    await expect.poll(() => page.locator('.example').count()).toBe(3);
    await page.screenshot({ path: join(ARTIFACTS, 'web-chat-empty.png'), animations: 'disabled' });
    // From the keyboard: Enter on an example; focus lands in the text box, not on a vanished button.
    await page.locator('.example').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#log .turn.bot[data-outcome]').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
    await page.locator('#log summary').first().click();

    // Out of scope: the reply says so, and the questions it offers are buttons, not repeated as text.
    await page.getByLabel('输入你的问题').fill('2014年公开了多少条?');
    await page.keyboard.press('Enter');
    const refusal = page.locator('#log .turn.bot[data-outcome]').nth(1);
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-outcome')).toBe('out_of_scope');
    expect(await refusal.locator('.message').textContent()).toContain('2014');
    const offered = (await refusal.locator('.chip').allTextContents())[0] ?? '';
    expect(offered.length).toBeGreaterThan(0);
    expect(await refusal.locator('.message').textContent()).not.toContain(offered);
    await page.screenshot({ path: join(ARTIFACTS, 'web-chat-desktop.png'), animations: 'disabled' });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('embeds on a plain page of another origin with the two pasted lines', async () => {
    const host = await hostPage(bot.url);
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    watch(page);
    try {
      await page.goto(host.url);
      const button = page.locator('[data-gongkai-qa="button"]');
      await button.waitFor();
      expect(await button.textContent()).toBe('问答助手');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('iframe').count()).toBe(0); // nothing loads until asked for

      await button.click();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      expect(await button.textContent()).toBe('关闭'); // the launcher now closes the panel, and says so
      const frame = page.frameLocator('iframe[title="政府信息公开年报问答"]');
      const input = frame.getByLabel('输入你的问题');
      await input.fill('网站公开了多少条?');
      await input.press('Enter');
      const answer = frame.locator('#log .turn.bot[data-outcome]');
      await answer.first().waitFor();
      expect(await answer.first().locator('.message').textContent()).toContain('13126');
      expect(await answer.first().locator('.cite-section').first().textContent()).toContain('主动公开政府信息情况');
      await page.screenshot({ path: join(ARTIFACTS, 'embed.png'), animations: 'disabled' });

      // The chat's own close button closes the panel and returns focus to the floating button.
      await frame.getByRole('button', { name: '关闭' }).click();
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
      expect(await button.textContent()).toBe('问答助手');
      expect(await page.locator('[data-gongkai-qa="panel"]').isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-gongkai-qa'))).toBe('button');

      // Reopening keeps the conversation.
      await button.click();
      expect(await frame.locator('#log .turn.bot[data-outcome]').count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await new Promise((resolve) => host.server.close(resolve));
    }
  }, 60_000);

  for (const size of SIZES) {
    it(`picks the interface language from the browser's languages, then remembers a choice (${size.width}×${size.height})`, async () => {
      const expected = [
        { locale: 'en-US', lang: 'en', label: 'Your question' },
        { locale: 'zh-TW', lang: 'zh-Hant', label: '輸入你的問題' },
        { locale: 'zh-HK', lang: 'zh-Hant', label: '輸入你的問題' },
        { locale: 'zh-CN', lang: 'zh-Hans', label: '输入你的问题' },
        { locale: 'fr-FR', lang: 'zh-Hans', label: '输入你的问题' },
      ];
      for (const { locale, lang, label } of expected) {
        const context = await browser.newContext({ viewport: size, locale });
        const page = await context.newPage();
        watch(page);
        const sent = page.waitForRequest((request) => request.url() === `${bot.url}/`);
        await page.goto(`${bot.url}/`);
        // The context's locale is what both the Accept-Language header and navigator.languages carry.
        expect((await (await sent).allHeaders())['accept-language']).toMatch(new RegExp(`^${locale}`));
        expect(await page.evaluate(() => navigator.languages[0])).toBe(locale);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await page.getByLabel(label).count()).toBe(1);
        expect(await page.locator(`[data-ui-lang="${lang}"]`).getAttribute('aria-pressed')).toBe('true');
        await expect.poll(() => page.locator('.example').count()).toBe(3);
        if (locale === 'en-US') {
          expect(await page.locator('.example').first().textContent()).toMatch(/^[A-Za-z]/);
          await page.screenshot({ path: join(ARTIFACTS, `language-en-${size.name}.png`), animations: 'disabled' });
          // A choice outlives the visit: 简 stays 简 on the next load, whatever the browser says.
          await page.getByRole('button', { name: '简' }).click();
          await page.reload();
          await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
          expect(await page.evaluate(() => localStorage.getItem('gongkai-qa:ui-lang'))).toBe('zh-Hans');
        }
        if (locale === 'zh-TW') await page.screenshot({ path: join(ARTIFACTS, `language-zh-Hant-${size.name}.png`), animations: 'disabled' });
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 90_000);

    it(`says the heading over suggestion buttons once (${size.width}×${size.height})`, async () => {
      const context = await browser.newContext({ viewport: size, locale: 'zh-CN' });
      const page = await context.newPage();
      watch(page);
      await page.goto(`${bot.url}/`);
      await expect.poll(() => page.locator('.example').count()).toBe(3);
      const input = page.getByLabel('输入你的问题');
      const replies = page.locator('#log .turn.bot[data-outcome]');
      /** Headings in a reply: lines ending in a colon, in the message or as our label over the buttons. */
      const headings = async (n: number) => {
        const reply = replies.nth(n);
        const message = (await reply.locator('.message').textContent()) ?? '';
        const labels = await reply.locator('.chips-label').allTextContents();
        return [...message.split('\n'), ...labels].filter((line) => /[:：]\s*$/.test(line));
      };
      const cases = [
        { q: '你好', outcome: 'unknown', heading: /例如[:：]$/ },
        { q: 'asdfgh', outcome: 'unknown', heading: /You could try:$/ },
        { q: '天气怎么样?', outcome: 'out_of_scope', heading: /可以问[:：]$/ },
        { q: '开了多少次新闻发布会?', outcome: 'answered', heading: /你还可以问[:：]$/ },
      ];
      for (const [n, { q, outcome, heading }] of cases.entries()) {
        await input.fill(q);
        await input.press('Enter');
        await expect.poll(() => replies.count()).toBe(n + 1);
        const reply = replies.nth(n);
        expect(await reply.getAttribute('data-outcome')).toBe(outcome);
        expect(await headings(n)).toEqual([expect.stringMatching(heading)]);
        const chips = await reply.locator('.chip').allTextContents();
        expect(chips.length).toBeGreaterThan(0);
        for (const chip of chips) expect(await reply.locator('.message').textContent()).not.toContain(chip);
        // The buttons are named by the heading they sit under, for screen readers too.
        const group = reply.locator('.chips');
        const labelledBy = (await group.getAttribute('aria-labelledby')) ?? '';
        expect(await page.locator(`[id="${labelledBy}"]`).textContent()).toMatch(heading);
        if (n === 0) await page.screenshot({ path: join(ARTIFACTS, `greeting-${size.name}.png`), animations: 'disabled' });
      }
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);

    it(`keeps the header short and the report (city, year) in view after questions (${size.width}×${size.height})`, async () => {
      const phone = size.width < 480;
      const cases = [
        { locale: 'zh-CN', report: phone ? '通辽市 · 2011年' : '通辽市2011年政府信息公开工作年度报告', q: '网站公开了多少条?' },
        { locale: 'zh-TW', report: phone ? '通遼市 · 2011年' : '通遼市2011年政府信息公開工作年度報告', q: '網站公開了多少條?' },
        { locale: 'en-US', report: phone ? 'Tongliao · 2011' : 'Tongliao City Annual Report on Open Government Information Work, 2011', q: 'How many press conferences were held?' },
      ];
      for (const { locale, report, q } of cases) {
        const context = await browser.newContext({ viewport: size, locale });
        const page = await context.newPage();
        watch(page);
        await page.goto(`${bot.url}/`);
        await expect.poll(() => page.locator('.example').count()).toBe(3);
        const lines = await titleLines(page);
        expect(lines.length, `${locale}: ${lines.join(' / ')}`).toBeGreaterThan(0);
        expect(lines.length, `${locale}: ${lines.join(' / ')}`).toBeLessThanOrEqual(phone ? 2 : 1);
        for (const line of lines) expect([...line].length, `${locale}: a lone character in ${lines.join(' / ')}`).toBeGreaterThan(1);

        // Three questions later, the header still names the report.
        const input = page.locator('#question');
        for (let i = 1; i <= 3; i++) {
          await input.fill(q);
          await input.press('Enter');
          await expect.poll(() => page.locator('#log .turn.bot[data-outcome]').count()).toBe(i);
        }
        const shown = page.locator('#report-title');
        expect(await shown.innerText()).toBe(report);
        const box = await shown.boundingBox();
        expect(box && box.y >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width).toBe(true);
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        await page.screenshot({ path: join(ARTIFACTS, `header-${locale}-${size.name}.png`), animations: 'disabled' });
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 90_000);

    it(`embeds on a page opened from disk, file:// (${size.width}×${size.height})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-embed-'));
      const file = join(dir, 'index.html');
      writeFileSync(file, pastedPage(bot.url));
      const context = await browser.newContext({ viewport: size, locale: 'zh-CN' });
      const page = await context.newPage();
      watch(page);
      try {
        await page.goto(pathToFileURL(file).href);
        const button = page.locator('[data-gongkai-qa="button"]');
        await button.click();
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        const frame = page.frameLocator('iframe[title="政府信息公开年报问答"]');
        const input = frame.getByLabel('输入你的问题');
        await input.fill('网站公开了多少条?');
        await input.press('Enter');
        const answer = frame.locator('#log .turn.bot[data-outcome]').first();
        await answer.waitFor();
        expect(await answer.locator('.message').textContent()).toContain('13126');
        await page.screenshot({ path: join(ARTIFACTS, `embed-file-${size.name}.png`), animations: 'disabled' });
        if (size.width < 520) {
          // On a phone the panel covers the screen; the chat's own close button closes it.
          expect(await button.isVisible()).toBe(false);
          await frame.getByRole('button', { name: '关闭' }).click();
        } else {
          expect(await button.textContent()).toBe('关闭');
          await button.click();
        }
        await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
        expect(await button.textContent()).toBe('问答助手');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  }
});
