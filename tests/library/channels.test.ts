import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../adapters/library/open-library.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { createQuestionLog, openStorage } from '../../adapters/storage/index.js';
import { reportsReply } from '../../adapters/telegram/commands.js';
import { QuestionIds } from '../../adapters/telegram/keyboard.js';
import { createReportView } from '../../adapters/telegram/report-view.js';
import { reportList } from '../../adapters/wechat/report-list.js';
import type { Library } from '../../src/library/index.js';
import { testEngine } from '../support/engine.js';
import { buildLibrary } from './library-support.js';

let root: string;
let library: Library;

beforeAll(() => {
  root = buildLibrary({ shared: false });
  library = openLibrary({ dir: root }).library;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the reports in the channels', () => {
  it('Telegram /reports lists every report in the reader\'s script, with how to ask one', () => {
    const base = { report: createReportView(library), username: 'gongkai_bot', ids: new QuestionIds(), reports: () => library.reports() };
    const zh = reportsReply({ ...base, lang: 'zh-Hans' }).messages.join('\n');
    expect(zh).toContain('1. 青石县唐村镇2011年政府信息公开工作年度报告');
    expect(zh).toContain('3. 通辽市2011年政府信息公开工作年度报告');
    expect(zh).toContain('写明机关和年份');
    expect(reportsReply({ ...base, lang: 'zh-Hant' }).messages.join('\n')).toContain('青石縣唐村鎮2011年政府信息公開工作年度報告');
    expect(reportsReply({ ...base, lang: 'en' }).messages.join('\n')).toContain('Tongliao City Annual Report');
  });

  it('WeChat answers 报告列表 with a numbered list whose numbers choose a report', () => {
    const listed = reportList(library, '报告列表');
    expect(listed?.text).toContain('1. 青石县唐村镇2011年政府信息公开工作年度报告');
    expect(listed?.text).toContain('回复序号');
    expect(listed?.suggestions).toEqual(['唐村2011年', '唐村2010年', '通辽2011年']);
    const picked = library.ask({ text: listed?.suggestions[1] ?? '', session: 'wx' });
    expect(picked).toMatchObject({ outcome: 'clarify', report: 'tangcun-2010' });
    expect(library.ask({ text: '开了几次新闻发布会?', session: 'wx' }).text).toContain('3次');
    expect(reportList(library, '开了几次新闻发布会?')).toBeUndefined();
    expect(reportList(testEngine(), '报告列表')).toBeUndefined();
  });
});

describe('the question log of a library', () => {
  it('stores each question under the report its answer comes from, a question back under the default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-library-log-'));
    try {
      const storage = openStorage({ SQLITE_FILE: join(dir, 'log.sqlite') }, dir, silentLogger);
      await storage.migrate();
      const log = createQuestionLog({ storage, report: 'tongliao-2011', retentionDays: 90, logger: silentLogger, flushEveryMs: 0, purgeEveryMs: 0 });
      log.record({ channel: 'web', conversation: 'c1', text: '唐村镇2010年收到几件申请?', answer: library.ask({ text: '唐村镇2010年收到几件申请?' }) });
      log.record({ channel: 'web', conversation: 'c2', text: '开了多少次新闻发布会?', answer: library.ask({ text: '开了多少次新闻发布会?' }) });
      expect(await log.flush()).toBe(true);
      const rows = await storage.questions({ since: 0, filter: 'all', limit: 10 });
      expect(rows.map((r) => r.report).sort()).toEqual(['tangcun-2010', 'tongliao-2011']);
      await log.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
