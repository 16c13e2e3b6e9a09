import { existsSync, rmSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../adapters/http/index.js';
import { openLibrary } from '../../adapters/library/open-library.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { engine, testConfig } from '../http/helpers.js';
import { buildLibrary } from './library-support.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const skipReason = !existsSync(CHROMIUM) && !process.env.CI ? `${CHROMIUM} is absent (apt-get install chromium); CI runs this test` : '';

describe.skipIf(!!skipReason)('the web page of a library, in headless Chromium', () => {
  let root: string;
  let library: RunningHttpServer;
  let single: RunningHttpServer;
  let browser: Browser;

  beforeAll(async () => {
    root = buildLibrary({ shared: false });
    const config = testConfig({ HOST: '127.0.0.1', PORT: '0' });
    library = await startHttpServer({ engine: openLibrary({ dir: root }).library, config, logger: silentLogger });
    single = await startHttpServer({ engine: engine(), config, logger: silentLogger });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await library?.close();
    await single?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('lets the user pick a report, answers from it and names it; "by the question" routes again', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${library.url}/`);
    const picker = page.locator('#report-pick');
    await expect.poll(() => picker.locator('option').count()).toBe(4);
    await picker.selectOption('tangcun-2010');
    const input = page.getByLabel('输入你的问题');
    const answers = page.locator('#log .turn.bot[data-outcome]');
    await input.fill('开了几次新闻发布会?');
    await input.press('Enter');
    await expect.poll(() => answers.count()).toBe(1);
    const first = (await answers.nth(0).textContent()) ?? '';
    expect(first).toContain('3次');
    expect(first).toContain('《青石县唐村镇2010年政府信息公开工作年度报告》');

    await picker.selectOption('');
    await input.fill('唐村镇2011年开了几次新闻发布会?');
    await input.press('Enter');
    await expect.poll(() => answers.count()).toBe(2);
    expect((await answers.nth(1).textContent()) ?? '').toContain('5次');
    expect(problems).toEqual([]);
  });

  it('shows no picker when the bot serves one report', async () => {
    const page = await (await browser.newContext()).newPage();
    const listed = page.waitForResponse((res) => res.url().endsWith('/api/reports'));
    await page.goto(`${single.url}/`);
    const reports = (await (await listed).json()) as { reports: unknown[] };
    expect(reports.reports).toHaveLength(1);
    await expect.poll(() => page.locator('.example').count()).toBe(3);
    // The page has read the list (one report) by the time a task queued after it runs.
    await page.evaluate(() => fetch('api/reports').then((res) => res.json()));
    expect(await page.locator('#report-pick').count()).toBe(0);
  });
});
