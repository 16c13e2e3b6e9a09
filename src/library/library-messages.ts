/** The library's own wording (mainland simplified and English); traditional is converted from zh. */
export const LIBRARY_MESSAGES = {
  from: { zh: '（出自《{title}》）', en: '(From the {title})' },
  whichReport: { zh: '本库收有{n}份报告，请问您问的是哪一份？', en: 'The library holds {n} reports. Which one do you mean?' },
  nameIt: { zh: '也可以在问题里写明机关和年份，例如「{example}」。', en: 'You can also name the body and year in the question, e.g. "{example}".' },
  holds: { zh: '本库收有的报告：', en: 'The reports this library holds:' },
  more: { zh: '……共{n}份', en: '… {n} in all' },
  noReportFor: { zh: '本库没有{asked}的报告，不能用其他年份或机关的数字代替。', en: 'The library holds no report for {asked}, and another year\'s or body\'s figure is no answer for it.' },
  unavailable: { zh: '《{title}》暂时无法查询，请稍后再问，或问其他报告。', en: 'The {title} cannot be searched just now; ask again later, or ask about another report.' },
  chosen: { zh: '好的，接下来回答《{title}》的问题。可以这样问：', en: 'Right: from now on I answer from the {title}. You could ask:' },
  noSuchReport: { zh: '本库没有编号为「{id}」的报告。', en: 'The library holds no report with the id "{id}".' },
  compared: {
    zh: '{later}年比{earlier}年{dir}{diff}{unit}。',
    en: '{later} was {diff} {unit} {dir} than {earlier}.',
  },
  same: { zh: '{later}年与{earlier}年相同，都是{value}{unit}。', en: '{later} and {earlier} are the same: {value} {unit}.' },
  more_: { zh: '多', en: 'more' },
  fewer: { zh: '少', en: 'fewer' },
  figure: { zh: '{year}年：{label}{value}{unit}（《{title}》）', en: '{year}: {label} {value} {unit} (the {title})' },
  incomparable: {
    zh: '这两个数字统计的不是同一件事（口径或单位不同），不能直接比较。两份报告各自是：',
    en: 'These two figures do not count the same thing (different label or unit), so they cannot be compared. Each report says:',
  },
  notBoth: {
    zh: '两份报告没有都给出这个数字，无法比较。两份报告各自是：',
    en: 'The two reports do not both state this figure, so there is nothing to compare. Each report says:',
  },
  eachSays: { zh: '《{title}》：{message}', en: 'The {title}: {message}' },
} as const;

export type LibraryMessageKey = keyof typeof LIBRARY_MESSAGES;

/** Fills `{name}` slots of a template. */
export function fillIn(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
