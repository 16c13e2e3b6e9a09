import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/index.js';
import { engineFor, ingest, unseenReports } from './ingest-support.js';

const report = (body: string) => Buffer.from(body);

describe('ingest reads each shape a report comes in', () => {
  it('splits a run-on paragraph at inline 一、…二、… headings and maps each to its statutory part', () => {
    const r = ingest(report('某镇2012年政府信息公开工作年报\n根据《条例》要求，现报告如下： 一、主动公开政府信息情况 全年主动公开信息120条。 二、依申请公开政府信息情况 2012年未收到依申请公开申请。 三、政府信息公开收费及减免情况 没有收取任何费用。 四、行政复议和行政诉讼情况 未发生行政复议和行政诉讼。'), '某镇人民政府', 2012);
    expect(r.knowledge.sections.map((s) => s.kind)).toEqual(['title', 'proactive', 'on-request', 'fees', 'review']);
    const engine = engineFor(r);
    expect(engine.ask({ text: '主动公开了多少条?' }).text).toContain('120');
    const fees = engine.ask({ text: '收费了吗?' });
    expect(fees.outcome).toBe('answered');
    expect(fees.text).toContain('没有收取任何费用');
  });

  it('reads (一) and 1、 subheadings, Chinese numerals, 万 and percentages with their units', () => {
    const r = ingest(report('一、概述\n（一）加强组织领导\n全年召开两次专题会议，培训1.2万人次，网站公开信息占比达到85.5%。\n二、主动公开政府信息情况\n共公开信息286条，其中机构职能类12条，规划计划类18条。'), '某县人民政府', 2013);
    const facts = r.knowledge.facts;
    expect(facts.find((f) => f.unit.zh === '次')?.value).toBe(2);
    expect(facts.find((f) => f.unit.zh === '人次')?.value).toBe(12000);
    expect(facts.find((f) => f.unit.zh === '%')?.value).toBe(85.5);
    expect(r.knowledge.sections.find((s) => s.title === '加强组织领导')?.parent).toBe('overview');
    expect(engineFor(r).ask({ text: '开了几次会议?' }).text).toContain('2次');
  });

  it('reads flattened national-format tables: a row per line and a cell per line', () => {
    const rows = '二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0 | 3\n行政规范性文件 | 5 | 1 | 42\n第二十条第（五）项\n信息内容 | 本年处理决定数量\n行政许可 | 815\n三、收到和处理政府信息公开申请情况\n本年新收申请12件。';
    const r = ingest(report(rows), '某市某局', 2022);
    const engine = engineFor(r);
    expect(engine.ask({ text: '行政许可多少件?' }).text).toContain('815');
    expect(engine.ask({ text: '规范性文件现行有效多少件?' }).text).toContain('42');
    const cells = '二、主动公开政府信息情况\n|\n第二十条第(五)项 |\n|||\n|\n信息内容 |\n本年处理决定数量 |\n|\n行政处罚 |\n27 |\n|\n行政强制 |\n4 |\n三、收到和处理政府信息公开申请情况\n无申请。';
    const c = ingest(report(cells), '某区某局', 2021);
    expect(c.knowledge.facts.find((f) => f.table?.row === '行政处罚')?.value).toBe(27);
    expect(engineFor(c).ask({ text: '行政强制有几件' }).text).toContain('4');
  });

  it('reads a table copied a cell per line, repeated header cells and zeros included, without taking its cells for headings', () => {
    const header = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉', ...Array(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat()];
    const figures = ['2', '0', '1', '0', '3', '1', '0', '0', '1', '2', '1', '0', '0', '0', '1'];
    const text = ['一、主动公开政府信息情况', '第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '0', '0', '0', '行政规范性文件', '11', '7', '64', '二、政府信息公开行政复议、行政诉讼情况', ...header, ...figures, '三、存在的主要问题及改进情况', '（一）存在的主要问题', '一是政策解读形式单一，部分解读材料照搬文件原文；二是基层公开不够规范。'].join('\n');
    const r = ingest(report(text), '某区人民政府', 2022);
    expect(r.knowledge.sections.map((s) => s.title)).toEqual(['某区人民政府2022年政府信息公开工作年度报告', '主动公开政府信息情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '存在的主要问题']);
    const engine = engineFor(r);
    expect(engine.ask({ text: '行政规范性文件现行有效的有多少件' }).text).toContain('64');
    expect(engine.ask({ text: '信息公开行政复议一共几件' }).text).toContain('3');
  });

  it('reads an appended statistics table (统计指标, 单位, 统计数) laid out with tabs or runs of spaces', () => {
    const text = ['一、主动公开政府信息情况', '全年主动公开政府信息412条。', '附表：某县卫生局2016年政府信息公开情况统计表', '统计指标\t单位\t统计数', '一、主动公开情况\t\t', '（一）主动公开政府信息数\t条\t412', '1.政府网站公开政府信息数\t条\t268', '八、机构建设和保障经费情况', '1.政府信息公开专职人员数（不包括政府网站工作人员数）      人      1', '2.兼职人员数      人      4', '（四）政府信息公开工作专项经费（不包括用于政府网站建设维护等方面的经费）      万元      1.5'].join('\n');
    const r = ingest(report(text), '某县卫生局', 2016);
    const appendix = r.knowledge.sections.find((s) => s.title.startsWith('附表'));
    expect(appendix?.kind).toBe('other');
    const byRow = (row: string) => r.knowledge.facts.find((f) => f.table?.row.includes(row));
    expect(byRow('兼职人员数')).toMatchObject({ value: 4, unit: { zh: '人' } });
    expect(byRow('专项经费')).toMatchObject({ value: 1.5, unit: { zh: '万元' } });
    expect(byRow('政府网站公开')?.label.zh).not.toContain('统计数');
    expect(engineFor(r).ask({ text: '兼职人员有几个' }).text).toContain('4人');
  });

  it('answers "收费了没" with the text’s "未收取任何费用" rather than a table’s 0, and "why" with the sentence giving the cause', () => {
    const text = ['一、依申请公开政府信息情况', '全年共收到申请14件，其中因需征求第三方意见延期办结1件，因涉及个人隐私不同意公开的1件。', '二、政府信息公开的收费及减免情况', '2016年，县卫计委在提供依申请公开政府信息过程中，未收取任何费用。', '附表：某县卫生局2016年政府信息公开情况统计表', '统计指标\t单位\t统计数', '（一）收到申请数\t件\t14', '七、依申请公开信息收取的费用\t万元\t0'].join('\n');
    const engine = engineFor(ingest(report(text), '某县卫生局', 2016));
    const fees = engine.ask({ text: '依申请公开收费了没' });
    expect(fees.outcome).toBe('answered');
    expect(fees.text).toContain('未收取任何费用');
    const why = engine.ask({ text: '不同意公开的那个申请是什么原因没公开' });
    expect(why.outcome).toBe('answered');
    expect(why.citations[0]?.quote).toContain('个人隐私');
  });

  it('reads what a figure counts from the clause leading into it, and not from the body’s own short name', () => {
    const text = '现将某县卫生和计划生育委员会（以下简称“县卫计委”）2016年政府信息公开工作年度报告公布如下。\n一、主动公开政府信息情况\n2016年，县卫计委共主动公开政府信息412条。\n（二）公开渠道\n一是政府网站。依托县政府门户网站“部门信息公开”专栏，全年发布信息268条。二是政务微信。公众号全年推送信息97条。';
    const engine = engineFor(ingest(report(text), '某县卫生和计划生育委员会', 2016));
    expect(engine.ask({ text: '卫计委在政府网站上发了多少条信息' }).text).toContain('268');
    expect(engine.ask({ text: '卫计委一共主动公开了多少条' }).text).toContain('412');
  });

  it('tells a name asked for from a role: "局长叫什么名字" is not given, "组长是谁担任" is the 局长', () => {
    // Two figures of the 澄岭 report tie on the body's own words; neither names anyone.
    const chengling = unseenReports().find((r) => r.slug === 'chengling-shijianju-2021');
    if (!chengling) throw new Error('tests/ingest/unseen-reports lacks chengling-shijianju-2021');
    const engine = engineFor(ingest(chengling.bytes, chengling.body, chengling.year));
    const name = engine.ask({ text: '市场监管局局长叫什么名字?' });
    expect(name.outcome).toBe('out_of_scope');
    expect(name.message.split('\n')[0]).toMatch(/^报告没有给出人员姓名/);
    const role = engine.ask({ text: '领导小组组长是谁担任的?' });
    expect(role.outcome).toBe('answered');
    expect(role.message).toContain('由局长任组长');
  });

  it('works out a part’s share of the total its sentence states, by a declared formula citing both', () => {
    const text = '一、依申请公开政府信息情况\n全年共收到政府信息公开申请64件，其中当面申请9件，网络申请44件。自然人申请48件，占75%。';
    const r = ingest(report(text), '某县人民政府', 2020);
    expect(r.knowledge.derived.find((d) => d.op === 'ratio-percent')).toMatchObject({ decimals: 2, unit: { zh: '%' } });
    const engine = engineFor(r);
    const share = engine.ask({ text: '当面申请占多少比例' });
    expect(share.outcome).toBe('answered');
    expect(share.text).toContain('14.06%');
    expect(share.text).toContain('9 ÷ 64');
    expect(engine.ask({ text: '当面申请多少件' }).text).not.toContain('%');
  });

  it('follows a conversation from one applicant type or table column to the next, dropping the last one', () => {
    const jinhe = unseenReports().find((r) => r.slug === 'jinhe-quzhengfu-2022');
    if (!jinhe) throw new Error('tests/ingest/unseen-reports lacks jinhe-quzhengfu-2022');
    const engine = engineFor(ingest(jinhe.bytes, jinhe.body, jinhe.year));
    const ask = (text: string, session: string) => engine.ask({ text, session });
    expect(ask('自然人申请的有几件', 'a').text).toContain('48');
    expect(ask('那法人呢', 'a').text).toContain('15');
    const businesses = ask('其中企业的呢？', 'a');
    expect(businesses.outcome).toBe('answered');
    expect(businesses.text).toContain('9件');
    expect(ask('2022年区政府制发了几件行政规范性文件', 'b').text).toContain('11');
    const inForce = ask('现在还有效的有多少', 'b');
    expect(inForce.outcome).toBe('answered');
    expect(inForce.text).toContain('64');
  });

  it('reads national tables a PDF laid out in runs of spaces, header cells wrapped, and leaves the breadcrumb out of the title', () => {
    const fengqiao = unseenReports().find((r) => r.slug === 'fengqiao-nongye-2019');
    if (!fengqiao) throw new Error('tests/ingest/unseen-reports lacks fengqiao-nongye-2019');
    const r = ingest(fengqiao.bytes, fengqiao.body, fengqiao.year);
    expect(r.knowledge.sections[0]?.title).toBe('枫桥市农业农村局2019年政府信息公开工作年度报告');
    expect(r.knowledge.sections.map((s) => s.title)).not.toContain('予以公开');
    const engine = engineFor(r);
    expect(engine.ask({ text: '予以公开的有几件' }).text).toContain('总计8件');
    expect(engine.ask({ text: '商业企业申请了几件' }).text).toContain('2件');
    expect(engine.ask({ text: '行政复议有几件' }).text).toContain('结果维持1件');
  });

  it('answers each contact field of a one-line contact, however short (邮编, 电话, 传真), and offers them by name', () => {
    const text = '一、主动公开政府信息情况\n全年主动公开信息326条。\n二、其他需要报告的事项\n如需了解，可与镇党政办公室联系。地址：某县双溪镇双溪街12号；邮编：415300；电话：0736-5321088；传真：0736-5321089；办公时间：周一至周五。';
    const engine = engineFor(ingest(report(text), '某县双溪镇人民政府', 2014));
    expect(engine.ask({ text: '邮编多少' }).text).toContain('415300');
    const phone = engine.ask({ text: '电话多少' });
    expect(phone.text).toContain('0736-5321088');
    expect(phone.text).not.toContain('5321089');
    expect(engine.ask({ text: '传真号码呢' }).text).toContain('0736-5321089');
  });

  it('tells another body’s report from its own: a department it never mentions, or the county its township lies in', () => {
    const text = '石门县双溪镇人民政府2014年政府信息公开工作年度报告\n一、主动公开政府信息情况\n全年主动公开政府信息326条。\n二、依申请公开政府信息情况\n2014年，我镇未收到政府信息公开申请。';
    const engine = engineFor(ingest(report(text), '石门县双溪镇人民政府', 2014));
    expect(engine.ask({ text: '石门县人民政府2014年收到多少信息公开申请' }).outcome).toBe('out_of_scope');
    expect(engine.ask({ text: '石门县市场监管局公开了多少条信息' }).outcome).toBe('out_of_scope');
    expect(engine.ask({ text: '双溪镇政府公开了多少条信息' }).text).toContain('326');
    expect(engine.ask({ text: '石门县双溪镇人民政府公开了多少条' }).text).toContain('326');
  });

  it('answers "比上年多多少" from the report’s own 较上年 figure, and never from two figures of this year', () => {
    const text = '一、主动公开政府信息情况\n依托县政府网站乡镇子栏目，全年发布信息97条，较上年增加三十一条。\n二、依申请公开政府信息情况\n2013年共新收政府信息公开申请27件，较上年有所增加，其中网上申请15件、信函申请8件。';
    const engine = engineFor(ingest(report(text), '某县石桥乡人民政府', 2013));
    engine.ask({ text: '乡政府网站发了多少条信息？', session: 'a' });
    expect(engine.ask({ text: '比上年多多少？', session: 'a' }).text).toContain('31条');
    engine.ask({ text: '今年新收了多少件申请', session: 'b' });
    const more = engine.ask({ text: '比上年多了多少？', session: 'b' });
    expect(more.outcome).not.toBe('answered');
  });

  it('answers "除了网站，其他…一共多少" with the total less that part, by a declared formula, and nothing else', () => {
    const text = '一、主动公开政府信息情况\n全年共主动公开政府信息326条，其中通过县政府门户网站公开158条，通过镇政务公开栏公开103条，通过便民服务中心电子显示屏等其他方式公开65条。';
    const r = ingest(report(text), '某县双溪镇人民政府', 2014);
    expect(r.knowledge.derived.some((d) => d.op === 'difference')).toBe(true);
    const rest = engineFor(r).ask({ text: '除了网站，其他渠道一共公开了多少条' });
    expect(rest.text).toContain('其余168条');
    expect(rest.message.split('\n').filter((line) => /\d+条/.test(line))).toHaveLength(1);
  });

  it('adds up two shares asked together ("A和B加起来占多少"), rather than dividing one by the other', () => {
    const text = '一、主动公开政府信息情况\n从公开内容看，工作动态类约占42%，政策法规类约占18%，民生保障类约占25%，财政资金类约占15%。';
    const engine = engineFor(ingest(report(text), '某县双溪镇人民政府', 2014));
    const sum = engine.ask({ text: '工作动态类和民生保障类加起来占多少' });
    expect(sum.text).toContain('67%');
    expect(sum.text).not.toContain('168%');
  });

  it('answers a question about the year after from the report’s plans for it, and nothing else of that year', () => {
    const text = '某镇2008年政府信息公开工作年度报告\n一、主动公开政府信息情况\n全年主动公开信息120条。\n二、存在的主要问题和改进措施\n还存在一些问题：一是认识不到位；二是内容不全面。\n二〇〇九年,我镇将着重抓好三项工作:一是加强学习培训;二是充实公开内容;三是扩大网上公开的比例。';
    const r = ingest(report(text), '某镇人民政府', 2008);
    const plan = r.knowledge.intents.find((i) => i.reply.zh.includes('三项工作') || i.reply.zh.includes('项工作'));
    expect(plan?.years).toContain(2009);
    expect(r.knowledge.intents.every((i) => !i.reply.zh.includes('2008年，我镇将'))).toBe(true);
    const engine = engineFor(r);
    const plans = engine.ask({ text: '2009年准备抓哪几项工作' });
    expect(plans.outcome).toBe('answered');
    expect(plans.text).toContain('加强学习培训');
    expect(engine.ask({ text: '2009年实际公开了多少条信息' }).outcome).toBe('out_of_scope');
  });

  it('answers no figure of the report’s year for a later year whose plans only brush the question', () => {
    const text = '某县卫计委2016年政府信息公开工作年度报告\n一、主动公开政府信息情况\n2016年，县卫计委共主动公开政府信息412条，其中规范性文件3条。\n二、存在的主要问题和改进措施\n2017年，我委将重点做好以下工作：一是完善信息发布机制，确保信息在形成或者变更之日起20个工作日内予以公开；二是加强队伍建设，全年组织业务培训不少于三次。';
    const answer = engineFor(ingest(report(text), '某县卫生和计划生育委员会', 2016)).ask({ text: '2017年卫计委主动公开了多少条信息？' });
    expect(answer.outcome).toBe('out_of_scope');
    expect(answer.text).not.toContain('412');
  });

  it('sums a table group the report gives no subtotal for, by a declared formula citing its rows', () => {
    const table = '三、收到和处理政府信息公开申请情况\n申请人情况\t自然人\t法人或其他组织\t总计\n一、本年新收政府信息公开申请数量\t9\t1\t10\n三、本年度办理结果\t(一)予以公开\t4\t0\t4\n(三)不予公开\t1.属于国家秘密\t0\t0\t0\n\t2.保护第三方合法权益\t2\t0\t2\n\t3.属于行政查询事项\t1\t0\t1\n(七)总计\t9\t1\t10';
    const r = ingest(report(table), '某县某局', 2021);
    const sum = r.knowledge.derived.find((d) => d.label.zh === '不予公开');
    expect(sum?.op).toBe('sum');
    expect(sum?.args.map((a) => r.knowledge.facts.find((f) => f.id === a)?.value)).toEqual([0, 2, 1]);
    const answer = engineFor(r).ask({ text: '不予公开的一共几件?' });
    expect(answer.text).toContain('不予公开共3件');
    expect(answer.citations.map((c) => c.quote).join('\n')).toContain('2.保护第三方合法权益');
  });

  it('sums a header the national table spans (法人或其他组织) and answers a column named alone from the row of applications received', () => {
    const table = '三、收到和处理政府信息公开申请情况\n\t申请人情况\n\t自然人\t法人或其他组织\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n一、本年新收政府信息公开申请数量\t7\t3\t0\t1\t2\t0\t13\n二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n三、本年度办理结果\t（一）予以公开\t5\t1\t0\t0\t1\t0\t7\n（五）不予处理\t1．重复申请\t1\t2\t0\t0\t0\t0\t3';
    const r = ingest(report(table), '某县某局', 2021);
    const group = r.knowledge.derived.find((d) => d.label.zh === '本年新收政府信息公开申请数量（法人或其他组织）');
    expect(group?.op).toBe('sum');
    expect(group?.args.map((a) => r.knowledge.facts.find((f) => f.id === a)?.value)).toEqual([3, 0, 1, 2, 0]);
    const engine = engineFor(r);
    expect(engine.ask({ text: '法人或者其他组织申请了多少件' }).text).toContain('共6件');
    // 申请 in 重复申请 does not make that row the answer to a question about who applied.
    expect(engine.ask({ text: '企业申请了几件', session: 'cols' }).text).toContain('（商业企业）：3件');
    expect(engine.ask({ text: '那律所呢', session: 'cols' }).text).toContain('（法律服务机构）：2件');
  });

  it('reads full-width digits as figures and states them in ASCII, quoting the page as printed', () => {
    const r = ingest(report('一、主动公开政府信息情况\n在11个社区设置公开栏４６块、电子显示屏9块。'), '某街道办事处', 2017);
    const answer = engineFor(r).ask({ text: '公开栏有几块?' });
    expect(answer.text).toContain('公开栏46块');
    expect(answer.citations.map((c) => c.quote).join('')).toContain('公开栏４６块');
  });

  it('makes a "(一)标题。正文" paragraph a subsection its figures cite, and reads 1,286 as one figure', () => {
    const r = ingest(report('二、主动公开政府信息情况\n（一）政务公开栏。全年更新十二期，公开信息八十四条。\n（二）门户网站。全年发布信息1,286条，较上年增加三十一条。\n三、依申请公开政府信息情况\n未收到申请。'), '某乡人民政府', 2013);
    expect(r.knowledge.sections.find((s) => s.title === '政务公开栏')?.parent).toBe('proactive');
    expect(r.knowledge.facts.some((f) => f.value === 1286)).toBe(true);
    const board = engineFor(r).ask({ text: '政务公开栏公开了几条?' });
    expect(board.text).toContain('84');
    expect(board.citations[0]?.section).toBe('主动公开政府信息情况 › 政务公开栏');
  });

  it('answers each contact field from its own line, and "怎么联系" with the whole block', () => {
    const r = ingest(report('一、主动公开政府信息情况\n全年主动公开信息50条，党政办公室接待来访群众30人次。\n二、联系方式\n联系单位：某乡人民政府党政办公室\n地址：某县某乡长安街8号\n联系电话：0745-6321035\n办公时间：周一至周五上午8:00－12:00（法定节假日除外）\n某乡人民政府\n二〇一四年三月十八日'), '某乡人民政府', 2013);
    const engine = engineFor(r);
    expect(engine.ask({ text: '党政办电话多少?' }).text).toContain('0745-6321035');
    expect(engine.ask({ text: '办公时间是几点到几点' }).text).toContain('8:00');
    expect(engine.ask({ text: '周末能去办吗' }).text).toContain('周一至周五');
    expect(engine.ask({ text: '怎么联系他们?' }).text).toContain('长安街8号');
    expect(r.knowledge.sections.map((s) => s.title)).not.toContain('某乡人民政府');
  });

  it('strips page chrome and encyclopedia furniture, noting each line for the review', () => {
    const r = ingest(report('登录 注册\n发布时间：2014-01-02 点击数：33\n某乡2013年政府信息公开工作年度报告\n基本介紹\n  • 中文名:某乡2013年政府信息公开工作年度报告\n概述,主動公開,\n概述\n2013年我乡主动公开信息40条。\n附件：统计表.pdf\n相關詞條\n熱門詞條'), '某乡人民政府', 2013);
    const text = r.knowledge.sections.map((s) => s.text).join('\n');
    for (const chrome of ['登录', '点击数', '中文名', '统计表.pdf', '熱門詞條']) expect(text).not.toContain(chrome);
    expect(r.messages.filter((m) => m.kind === 'stripped').length).toBeGreaterThanOrEqual(5);
  });

  it('turns a negation into a cited "none", never an invented 0', () => {
    const r = ingest(report('一、依申请公开情况\n本年度我局未收到政府信息公开申请。\n二、主动公开情况\n主动公开信息15条。'), '某局', 2020);
    const answer = engineFor(r).ask({ text: '收到几件申请?' });
    expect(answer.outcome).toBe('answered');
    expect(answer.text).toContain('未收到');
    expect(answer.citations[0]?.quote).toContain('未收到政府信息公开申请');
  });

  it('answers from the report’s own sentence when no rule does, saying so', () => {
    const r = ingest(report('一、概述\n按照职权法定的原则和谁行使谁清理的要求，对本地区的行政职权进行全面清理。\n二、主动公开情况\n主动公开信息15条。'), '某市人民政府', 2011);
    const answer = engineFor(r).ask({ text: '行政职权清理按什么原则?' });
    expect(answer.outcome).toBe('answered');
    expect(answer.message).toContain('报告原文');
    expect(answer.citations[0]?.quote).toContain('职权法定');
  });

  it('takes body and year from the title, and asks for them when the report names neither', () => {
    const r = ingest(report('某街道办事处2019年政府信息公开工作年度报告\n一、主动公开情况\n主动公开信息15条。'));
    expect(r.meta.body).toBe('某街道办事处');
    expect(r.meta.year).toBe(2019);
    expect(() => ingest(report('一、主动公开情况\n我局主动公开信息15条，政府信息公开工作扎实推进。'), undefined, 2020)).toThrow(/--body/);
  });
});

describe('ingest refuses what is not a report, with a one-line reason', () => {
  const cases: [string, Buffer][] = [
    ['empty', Buffer.alloc(0)],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3])],
    ['5 MB', Buffer.alloc(5 * 1024 * 1024, 'a')],
    ['HTML with scripts only', Buffer.from('<!doctype html><html><head><script>var a = 1;</script></head><body><script>alert("x")</script><div class="nav">首页</div></body></html>')],
    ['a novel chapter', Buffer.from('第一章 风起\n他推开门，雪落满了整条街。远处传来马车的声音，她回头看了一眼，什么也没有说。夜色渐深，灯火一盏一盏熄灭，只剩下河边那间小屋还亮着，屋里的人在等一封信。'.repeat(3))],
  ];
  for (const [name, bytes] of cases) {
    it(name, () => {
      let error: unknown;
      try {
        ingest(bytes, '某局', 2020);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IngestError);
      expect((error as Error).message.split('\n')).toHaveLength(1);
    });
  }
});
