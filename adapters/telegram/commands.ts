import type { BotCommand } from 'telegraf/types';
import type { Telegram } from 'telegraf';
import type { Answer, Lang } from '../../src/types.js';
import { createTraditionalizer } from '../../src/text/script.js';
import type { Logger } from '../shared/logger.js';
import { questionKeyboard, type QuestionIds } from './keyboard.js';
import type { ReportView } from './report-view.js';
import { splitMessage, type Block } from './split-message.js';
import type { Reply } from './reply.js';
import { COMMAND_NAMES, textsFor } from './texts.js';

/** What /why needs to remember about a conversation's last answer. */
export type LastAnswer = Pick<Answer, 'outcome' | 'explain'>;

/** The command menu in one language, for setMyCommands. */
export function commandMenu(lang: Lang): BotCommand[] {
  const texts = textsFor(lang);
  return COMMAND_NAMES.map((command) => ({ command, description: texts.commands[command] }));
}

/**
 * Registers the menu: simplified Chinese as the default for everyone, and per language_code for
 * Chinese and English users. Telegram keys menus by two-letter language only, so zh-TW users get
 * the `zh` menu; the fixed texts they receive still come in traditional script. A failure is
 * logged and start-up goes on: the commands work without the menu.
 */
export async function registerCommands(telegram: Telegram, logger: Logger): Promise<void> {
  const menus: [Lang, string | undefined][] = [
    ['zh-Hans', undefined],
    ['zh-Hans', 'zh'],
    ['en', 'en'],
  ];
  for (const [lang, languageCode] of menus) {
    try {
      await telegram.setMyCommands(commandMenu(lang), languageCode ? { language_code: languageCode } : {});
    } catch (error) {
      logger.warn('telegram.commands_not_set', { languageCode: languageCode ?? 'default', error });
    }
  }
}

/** What a command's reply is built from: the report, the reader's language and this conversation. */
export interface CommandContext {
  report: ReportView;
  /** Language of the fixed texts, from the user's language_code. */
  lang: Lang;
  /** The bot's username, for the help text. */
  username: string;
  ids: QuestionIds;
  /** The last answer in this conversation, for /why. */
  last?: LastAnswer | undefined;
  /** The reports served now (a library's, read at each command so hot reloads show). */
  reports?: () => readonly { title: { zh: string; en: string }; shortName: string; year: number; bodyEn: string }[];
}

function reply(blocks: Block[], keyboard?: Reply['keyboard']): Reply {
  return { messages: splitMessage(blocks), ...(keyboard ? { keyboard } : {}) };
}

/** /start: what the bot is, and three example questions as buttons. */
export function startReply(c: CommandContext): Reply {
  const texts = textsFor(c.lang);
  const examples = c.report.examples[c.lang].slice(0, 3);
  return reply([{ text: texts.intro(c.report.title[c.lang]) }, { text: texts.examplesHead, before: '\n\n' }], questionKeyboard(examples, c.ids));
}

/** /help: how to ask, the commands, and how groups and inline mode work. */
export function helpReply(c: CommandContext): Reply {
  return reply([{ text: textsFor(c.lang).help(c.username, c.report.examples[c.lang][1] ?? c.report.examples[c.lang][0] ?? '') }]);
}

/** /sections: the report's parts, each a button that asks about it. */
export function sectionsReply(c: CommandContext): Reply {
  return reply([{ text: textsFor(c.lang).sectionsHead }], questionKeyboard(c.report.parts[c.lang], c.ids));
}

/** Reports listed by /reports at most; a larger library is asked by body and year. */
const MAX_REPORTS = 20;

/** /reports: the reports the bot serves, numbered, and how to ask one of them. */
export function reportsReply(c: CommandContext): Reply {
  const texts = textsFor(c.lang);
  const all = c.reports?.() ?? [];
  const list = all.length > 0 ? all : [{ title: { zh: c.report.title['zh-Hans'], en: c.report.title.en }, shortName: '', year: 0, bodyEn: '' }];
  const shown = list.slice(0, MAX_REPORTS);
  // Titles are stored in simplified script; traditional readers get them converted (a converter for these characters only).
  // (OpenCC refuses a table filtered to nothing, so the bot's own texts widen the alphabet.)
  const first = list[0];
  const zhExample = first ? `${first.shortName}${first.year}年主动公开了多少条信息?` : '';
  const traditional = c.lang === 'zh-Hant' ? createTraditionalizer(shown.map((r) => r.title.zh + r.shortName).join('') + zhExample + JSON.stringify(textsFor('zh-Hans'))) : undefined;
  const titleOf = (r: (typeof list)[number]) => (c.lang === 'en' ? r.title.en : traditional ? traditional(r.title.zh) : r.title.zh);
  const lines = shown.map((r, i) => `${i + 1}. ${titleOf(r)}`);
  if (list.length > MAX_REPORTS) lines.push(`… (${list.length})`);
  const example = !first || first.year === 0 ? '' : c.lang === 'en' ? `How many items did ${first.bodyEn} disclose in ${first.year}?` : traditional ? traditional(zhExample) : zhExample;
  return reply([
    { text: texts.reportsHead, open: '<b>', close: '</b>' },
    { text: lines.join('\n'), before: '\n' },
    ...(all.length > 1 ? [{ text: texts.reportsHint.replace('{example}', example), before: '\n\n' }] : []),
  ]);
}

/** /source: the report's title and where its text comes from. */
export function sourceReply(c: CommandContext): Reply {
  const texts = textsFor(c.lang);
  return reply([
    { text: texts.sourceHead, open: '<b>', close: '</b>' },
    { text: c.report.title[c.lang], before: '\n' },
    { text: c.report.source, before: '\n' },
  ]);
}

/** /why: for staff, the rule behind the last answer in this conversation, its score and the runner-up. */
export function whyReply(c: CommandContext): Reply {
  const texts = textsFor(c.lang);
  if (!c.last) return reply([{ text: texts.whyNone }]);
  const { outcome, explain } = c.last;
  const w = texts.why;
  const runnerUp = explain.runnerUp ? `${explain.runnerUp.intent} (${explain.runnerUp.score})` : w.none;
  const lines = [
    `${w.outcome}: ${outcome}`,
    `${w.rule}: ${explain.rule ?? w.none}`,
    `${w.score}: ${explain.score}`,
    `${w.runnerUp}: ${runnerUp}`,
    `${w.concepts}: ${explain.concepts.length ? explain.concepts.join(', ') : w.none}`,
    `${w.context}: ${explain.usedContext ? w.yes : w.no}`,
  ];
  return reply([
    { text: w.title, open: '<b>', close: '</b>' },
    { text: lines.join('\n'), open: '<pre>', close: '</pre>', before: '\n' },
  ]);
}
