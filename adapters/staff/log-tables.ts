import type { Outcome } from '../../src/types.js';
import type { Channel, DailyCount, LoggedQuestion } from '../storage/index.js';
import { groupQuestions } from './group-questions.js';
import { column, type Table } from './table.js';

const DAY_MS = 86_400_000;

/** Outcome names as staff read them, Chinese first. */
export const OUTCOME_NAMES: Record<Outcome, string> = {
  answered: '已回答 answered',
  clarify: '请用户选择 clarify',
  out_of_scope: '超出范围 out of scope',
  unknown: '报告未涉及 unknown',
};

export const CHANNEL_NAMES: Record<Channel, string> = { web: '网页 web', telegram: 'Telegram', wechat: '微信 WeChat' };

/** A time as the staff's local date and minute ("2026-12-01 18:05"), `offsetMs` east of UTC. */
export function localTime(at: number, offsetMs: number): string {
  return new Date(at + offsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

const tally = (counts: Partial<Record<string, number>>, names: Record<string, string>) =>
  Object.entries(counts)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([key, n]) => `${names[key] ?? key} ×${n}`)
    .join('; ');

/** Unanswered and unsure questions, grouped by similar wording, with counts and first/last dates. */
export function unansweredTable(questions: readonly LoggedQuestion[], offsetMs: number): Table {
  return {
    name: 'unanswered',
    columns: [
      column('wording', '问题', 'question'),
      column('count', '次数', 'times asked'),
      column('variants', '相近问法', 'similar wordings'),
      column('outcomes', '结果', 'outcomes'),
      column('channels', '渠道', 'channels'),
      column('first', '首次', 'first asked'),
      column('last', '最近', 'last asked'),
    ],
    rows: groupQuestions(questions).map((g) => ({
      wording: g.wording,
      count: g.count,
      variants: g.variants.join(' | '),
      outcomes: tally(g.outcomes, OUTCOME_NAMES),
      channels: tally(g.channels, CHANNEL_NAMES),
      first: localTime(g.first, offsetMs),
      last: localTime(g.last, offsetMs),
    })),
  };
}

/** Answers given a thumbs-down, newest first, with the comment and what the bot did. */
export function thumbsDownTable(questions: readonly LoggedQuestion[], offsetMs: number): Table {
  return {
    name: 'thumbs-down',
    columns: [
      column('askedAt', '时间', 'asked at'),
      column('text', '问题', 'question'),
      column('comment', '意见', 'comment'),
      column('outcome', '结果', 'outcome'),
      column('rule', '规则', 'rule'),
      column('confidence', '置信度', 'confidence'),
      column('channel', '渠道', 'channel'),
    ],
    rows: questions.map((q) => ({
      askedAt: localTime(q.askedAt, offsetMs),
      text: q.text,
      comment: q.comment ?? '',
      outcome: OUTCOME_NAMES[q.outcome] ?? q.outcome,
      rule: q.rule ?? '',
      confidence: q.confidence,
      channel: CHANNEL_NAMES[q.channel] ?? q.channel,
    })),
  };
}

/** Questions per day with a column per outcome and per channel: the chart's data and a table. */
export function dailyTable(counts: readonly DailyCount[]): Table {
  const outcomes = Object.keys(OUTCOME_NAMES) as Outcome[];
  const channels = Object.keys(CHANNEL_NAMES) as Channel[];
  const days = new Map<number, Record<string, number>>();
  for (const c of counts) {
    const row = days.get(c.day) ?? { total: 0 };
    row['total'] = (row['total'] ?? 0) + c.count;
    row[c.outcome] = (row[c.outcome] ?? 0) + c.count;
    row[`channel:${c.channel}`] = (row[`channel:${c.channel}`] ?? 0) + c.count;
    days.set(c.day, row);
  }
  return {
    name: 'daily',
    columns: [
      column('day', '日期', 'day'),
      column('total', '合计', 'total'),
      ...outcomes.map((o) => ({ key: o, zh: OUTCOME_NAMES[o].split(' ')[0] ?? o, en: o })),
      ...channels.map((ch) => ({ key: `channel:${ch}`, zh: CHANNEL_NAMES[ch].split(' ')[0] ?? ch, en: ch })),
    ],
    rows: [...days.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([day, row]) => ({
        day: new Date(day * DAY_MS).toISOString().slice(0, 10),
        ...Object.fromEntries([...outcomes, ...channels.map((ch) => `channel:${ch}`)].map((k) => [k, row[k] ?? 0])),
        total: row['total'] ?? 0,
      })),
  };
}
