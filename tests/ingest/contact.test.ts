import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../adapters/shared/boot-engine.js';
import { reviewOf } from '../../src/ingest/index.js';
import { bundledKnowledge, testEngine } from '../support/engine.js';
import { OWN_REPORTS, engineFor, ingest } from './ingest-support.js';

const meiling = () => ingest(readFileSync(join(OWN_REPORTS, 'meiling-linye-2015.txt')), '梅岭县林业局', 2015);
const seedFile = join(projectRoot(), '..', 'shared', 'seed', '000_8af516ff008966a0.txt');

const MEILING_CONTACT =
  '公民、法人和其他组织如需了解我局政府信息公开有关情况，可与梅岭县林业局办公室联系。联系电话：0793-5126380，办公地址：梅岭县城关镇林业路36号县林业局三楼，电子邮箱：mlxlyjbgs@163.com，邮政编码：334600。';

describe('the body’s contact, where a citizen asks for what the report does not hold', () => {
  it('ingest records it in the meta: the office sentence and the contact sentence, verbatim, with their section', () => {
    const r = meiling();
    const contact = r.knowledge.meta.contact;
    expect(contact).toEqual({ section: expect.any(String), quote: MEILING_CONTACT });
    const section = r.knowledge.sections.find((s) => s.id === contact?.section);
    expect(section?.title).toBe('其他需要报告的事项');
    expect(section?.text).toContain(contact?.quote);
    expect(r.files['report.json'].meta.contact).toEqual(contact);
    expect(reviewOf(r)).toContain(`- contact (out-of-scope and unknown replies quote it): ${contact?.section}: “${MEILING_CONTACT}”`);
  });

  it('records none for a sentence that only mentions a way of asking, and none when there is no contact', () => {
    const shiqiao = ingest(readFileSync(join(OWN_REPORTS, 'shiqiao-zhen-2012.txt')), '禾丰县石桥镇人民政府', 2012);
    expect(shiqiao.knowledge.sections.some((s) => s.text.includes('通过电话、来访'))).toBe(true);
    expect(shiqiao.knowledge.meta.contact).toBeUndefined();
    const bare = ingest(Buffer.from('某镇2012年政府信息公开工作年报\n一、主动公开政府信息情况\n全年主动公开信息120条。'), '某镇人民政府', 2012);
    expect(bare.knowledge.meta.contact).toBeUndefined();
    expect(reviewOf(bare)).toContain('- contact (out-of-scope and unknown replies quote it): none found in the report; replies name none');
  });

  it('takes a web address as a contact, with the office before it and the contact lines that follow (joined by …), not the next part', () => {
    const r = ingest(
      Buffer.from(['某县2013年政府信息公开工作年度报告', '一、主动公开政府信息情况', '全年主动公开信息120条。', '二、其他需要报告的事项', '受理机构为县政府办公室。网址：www.mouxian.gov.cn。', '电话：0000-1234567', '三、存在的问题', '公开意识不强。'].join('\n')),
      '某县人民政府',
      2013,
    );
    expect(r.knowledge.meta.contact?.quote).toBe('受理机构为县政府办公室。网址：www.mouxian.gov.cn。…电话：0000-1234567');
  });

  it('out-of-scope and unknown replies add one line quoting it, and cite it; a greeting does not', () => {
    const engine = engineFor(meiling());
    for (const text of ['2018年公开了多少条？', '局长叫什么名字']) {
      const a = engine.ask({ text });
      expect(['out_of_scope', 'unknown']).toContain(a.outcome);
      expect(a.message.split('\n').filter((l) => l === `报告给出的联系方式：「${MEILING_CONTACT}」`)).toHaveLength(1);
      expect(a.citations).toEqual([expect.objectContaining({ section: '其他需要报告的事项', quote: MEILING_CONTACT })]);
    }
    const unknown = engine.ask({ text: '局长叫什么名字' });
    expect(unknown.outcome).toBe('unknown');
    expect(unknown.message.split('\n').slice(0, 3)).toEqual([
      '抱歉，我在《梅岭县林业局2015年政府信息公开工作年度报告》里没有找到能回答这个问题的内容。',
      `报告给出的联系方式：「${MEILING_CONTACT}」`,
      '可以试试这些问题：',
    ]);
    const english = engine.ask({ text: 'Who is the director?' });
    expect(english.message).toContain(`The report gives this contact: “${MEILING_CONTACT}”`);
    const hello = engine.ask({ text: '你好' });
    expect(hello.message).not.toContain('联系方式');
    expect(hello.citations).toEqual([]);
  });

  it('the curated 2011 pack carries none, because the seed report gives none, and its replies say nothing of one', () => {
    expect(bundledKnowledge().meta.contact).toBeUndefined();
    const a = testEngine().ask({ text: '2014年公开了多少条?' });
    expect(a.outcome).toBe('out_of_scope');
    expect(a.message).not.toContain('联系方式');
    expect(a.citations).toEqual([]);
    const unknown = testEngine().ask({ text: '今天吃什么' });
    expect(unknown.outcome).toBe('unknown');
    expect(unknown.message.split('\n')[0]).toBe('抱歉，我在《通辽市2011年政府信息公开工作年度报告》里没有找到能回答这个问题的内容。可以试试这些问题：');
  });

  it.runIf(existsSync(seedFile))('the seed report indeed gives no contact: ingest finds none in it', () => {
    const seed = ingest(readFileSync(seedFile), '通辽市', 2011);
    expect(seed.knowledge.meta.contact).toBeUndefined();
  });
});
