/**
 * The engine's own phrases, in simplified Chinese and English (traditional is converted from the
 * Chinese). Nothing here is about a particular report: {title}, {year}, {city} come from its meta.
 */
export const MESSAGES = {
  empty: {
    zh: '请输入一个问题，例如：',
    en: 'Please type a question, for example:',
  },
  unknown: {
    zh: '抱歉，我在《{title}》里没有找到能回答这个问题的内容。',
    en: 'Sorry, I found nothing in the {title} that answers this.',
  },
  tryThese: {
    zh: '可以试试这些问题：',
    en: 'You could try:',
  },
  contact: {
    zh: '报告给出的联系方式：',
    en: 'The report gives this contact:',
  },
  greeting: {
    zh: '您好！我可以回答关于《{title}》的问题，每个答案都引用报告原文。例如：',
    en: 'Hello! I answer questions about the {title}, quoting the report word for word. For example:',
  },
  otherYear: {
    zh: '这份报告只涵盖{year}年，没有{asked}年的数据，我不能用{year}年的数字代替。',
    en: 'This report covers {year} only; it has no figures for {asked}, and a {year} figure is no answer for {asked}.',
  },
  relativeYear: {
    zh: '这份报告只涵盖{year}年，以下是{year}年的数字。',
    en: 'This report covers {year} only; these are its {year} figures.',
  },
  otherPlace: {
    zh: '这份报告只涉及{city}，没有其他地区的数据。',
    en: 'This report is about {city} only; it has no figures for other places.',
  },
  otherTopic: {
    zh: '报告没有提到这方面的内容。',
    en: 'The report does not say anything about that.',
  },
  applyHint: {
    zh: '如需报告以外的政府信息，可以依据《政府信息公开条例》向有关行政机关申请公开。',
    en: 'For government information beyond the report, you can apply for disclosure under the Regulations on Open Government Information.',
  },
  tryInstead: {
    zh: '可以问：',
    en: 'You could ask:',
  },
  clarify: {
    zh: '您想问的是哪一个？',
    en: 'Which one do you mean?',
  },
  source: {
    zh: '来源',
    en: 'Source',
  },
  yes: {
    zh: '对，是{n}。',
    en: 'Yes, {n}.',
  },
  roughly: {
    zh: '大致是，准确数字如下。',
    en: 'Roughly; the exact figure follows.',
  },
  item: {
    zh: '第{n}项：{item}',
    en: 'Item {n}: {item}',
  },
  noBreakdown: {
    zh: '报告没有给出这个数字的细分，只给出了：',
    en: 'The report gives no breakdown of that figure, only this:',
  },
  sentence: {
    zh: '报告原文这样写：',
    en: "The report's own words (in Chinese):",
  },
  premiseWrong: {
    zh: '先说明：报告里{label}不是{n}，而是{f}。',
    en: 'First, a correction: the report gives {label} as {f}, not {n}.',
  },
  noAdvice: {
    zh: '这要看您自己的情况，我不能替您拿主意，也不提供法律意见；我只按报告原文回答事实。',
    en: 'That depends on your own case: I cannot decide for you or give legal advice; I only state what the report says.',
  },
  noJudgement: {
    zh: '评价、预测和排名报告里都没有，我只按报告原文回答事实，不作评价或推测。',
    en: 'The report gives no opinions, predictions or rankings; I only state what it says, and do not judge or guess.',
  },
  notGiven: {
    zh: '报告没有给出{what}。报告里相关的内容是：',
    en: 'The report does not give {what}. What it does say:',
  },
  compareBoth: {
    zh: '{a}，{b}。',
    en: '{a}; {b}.',
  },
  compareMore: {
    zh: '前者比后者多{d}（{x} − {y} = {d}，按报告数字计算）。',
    en: 'The first is {d} more ({x} − {y} = {d}, computed from the report’s figures).',
  },
  compareFewer: {
    zh: '前者比后者少{d}（{y} − {x} = {d}，按报告数字计算）。',
    en: 'The first is {d} fewer ({y} − {x} = {d}, computed from the report’s figures).',
  },
  compareNotSame: {
    zh: '不一样。',
    en: 'No, they differ.',
  },
  compareSame: {
    zh: '两者一样多，都是{x}。',
    en: 'They are the same: {x} each.',
  },
  compareRatio: {
    zh: '前者是后者的{r}倍（{x} ÷ {y} ≈ {r}，按报告数字计算）。',
    en: 'The first is {r} times the second ({x} ÷ {y} ≈ {r}, computed from the report’s figures).',
  },
  compareShare: {
    zh: '前者占后者的{r}%（{x} ÷ {y} ≈ {r}%，按报告数字计算）。',
    en: 'The first is {r}% of the second ({x} ÷ {y} ≈ {r}%, computed from the report’s figures).',
  },
  compareSum: {
    zh: '两者合计{r}（{x} + {y} = {r}，按报告数字计算）。',
    en: 'Together {r} ({x} + {y} = {r}, computed from the report’s figures).',
  },
  compareUnits: {
    zh: '（两者的计量单位不同：{ua}与{ub}。）',
    en: '(They are counted in different units: {ua} and {ub}.)',
  },
  no: {
    zh: '不是{n}。',
    en: 'No, not {n}.',
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** Fills {name} slots; unknown slots stay visible so a missing value is noticed, not hidden. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}
