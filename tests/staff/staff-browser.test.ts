import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, startHttpServer, type RunningHttpServer } from '../../adapters/http/index.js';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { createQuestionLog, openStorage, type QuestionLog } from '../../adapters/storage/index.js';
import { engine, testConfig } from '../http/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = join(projectRoot(), 'test-artifacts');
const TOKEN = 'browser-staff-token-9f8e7d6c5b4a';

const skipReason = !existsSync(CHROMIUM) && !process.env.CI ? `${CHROMIUM} is absent (apt-get install chromium); CI runs this test` : '';
if (skipReason) console.warn(`[staff browser test skipped] ${skipReason}`);

describe.skipIf(!!skipReason)('staff console and answer feedback in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-staff-browser-'));
  let bot: RunningHttpServer;
  let browser: Browser;
  let log: QuestionLog;
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const config = testConfig({ HOST: '127.0.0.1', PORT: '0', HTTP_RATE_LIMIT_PER_MINUTE: '1000' });
    const storage = openStorage({ SQLITE_FILE: join(dir, 'log.sqlite') }, dir, silentLogger);
    log = createQuestionLog({ storage, report: engine().knowledge.meta.id, retentionDays: 90, logger: silentLogger, flushEveryMs: 0, purgeEveryMs: 0 });
    const app = createHttpApp({ engine: engine(), config, logger: silentLogger, questionLog: log, staff: { token: TOKEN, storage } });
    bot = await startHttpServer({ engine: engine(), config, logger: silentLogger, app });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await log?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes 👎 and a comment on a web answer, then shows staff the unanswered list, the thumbs-down and a CSV', async () => {
    // Citizens ask through the API.
    for (const question of ['残疾人补贴怎么领?', '残疾人补贴怎么领？', '殘疾人補貼怎麼領', '网站公开了多少条?']) {
      const res = await fetch(`${bot.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) });
      expect(res.status).toBe(200);
    }

    // A citizen in the web chat gives a thumbs-down with a comment.
    const chat = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 420, height: 860 } })).newPage();
    watch(chat);
    await chat.goto(`${bot.url}/`);
    const input = chat.getByLabel('输入你的问题');
    await input.fill('开了多少次新闻发布会?');
    await input.press('Enter');
    const answer = chat.locator('#log .turn.bot[data-outcome]').first();
    await expect.poll(() => answer.locator('.feedback .thumb').count()).toBe(2);
    await answer.getByRole('button', { name: '没有帮助' }).click();
    await expect.poll(() => answer.locator('.feedback-status').textContent()).toContain('谢谢');
    expect(await answer.getByRole('button', { name: '没有帮助' }).getAttribute('aria-pressed')).toBe('true');
    await answer.getByLabel('一句话说说原因（可选）').fill('数字好像不对');
    await answer.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => answer.locator('.feedback-comment').count()).toBe(0);
    await chat.screenshot({ path: join(ARTIFACTS, 'chat-feedback.png') });
    expect(await log.flush()).toBe(true);

    // Staff log in: the console is a 401 login form until the token is typed.
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    const staff = await context.newPage();
    watch(staff);
    const first = await staff.goto(`${bot.url}/staff`);
    expect(first?.status()).toBe(401);
    await staff.getByLabel('口令').fill('not-the-right-token-000');
    await staff.getByRole('button', { name: /登录/ }).click();
    await expect.poll(() => staff.locator('#login-error').isVisible()).toBe(true);
    await staff.getByLabel('口令').fill(TOKEN);
    await staff.getByRole('button', { name: /登录/ }).click();
    await staff.waitForURL(`${bot.url}/staff`);
    // Chromium reports each 401 page it was shown (the login form, the wrong token) as a console error.
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('status of 401')));

    const unanswered = staff.locator('table[data-table="unanswered"] tbody tr');
    await expect.poll(() => unanswered.count()).toBe(1);
    const cells = await unanswered.first().locator('td').allTextContents();
    expect(cells[1]).toBe('3');
    expect(cells.join(' ')).toContain('残疾人补贴怎么领');

    const down = staff.locator('table[data-table="thumbs-down"] tbody tr');
    await expect.poll(() => down.count()).toBe(1);
    expect(await down.first().textContent()).toContain('开了多少次新闻发布会?');
    expect(await down.first().textContent()).toContain('数字好像不对');
    expect(await staff.locator('svg.chart rect.bar').count()).toBeGreaterThan(0);

    // The fact sheet filters as staff type.
    const factRows = staff.locator('#fact-table tbody tr');
    await expect.poll(() => factRows.count()).toBeGreaterThan(50);
    const all = await factRows.count();
    await staff.getByLabel('搜索').fill('13126');
    await expect.poll(() => factRows.count()).toBeLessThan(all);
    const shown = await factRows.allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) expect(row).toContain('13126');
    expect(shown.some((row) => row.includes('数字 stated') && row.includes('13126 条'))).toBe(true);

    // The why view.
    await staff.getByLabel(/^问题/).fill('网站公开了多少条?');
    await staff.getByRole('button', { name: /解释/ }).click();
    const rule = staff.locator('#why-result dd[data-field="rule"]');
    await expect.poll(() => rule.textContent()).toBe(engine().ask({ text: '网站公开了多少条?' }).explain.rule);

    // CSV export of the unanswered table.
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.locator('#table-unanswered a.download').click()]);
    expect(download.suggestedFilename()).toMatch(/^unanswered-\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toContain('问题 question');
    expect(csv).toContain('残疾人补贴怎么领');

    await staff.screenshot({ path: join(ARTIFACTS, 'staff-console.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
