import type { Lang } from '../../src/types.js';

/**
 * The language of the bot's own fixed texts and command menu, from Telegram's `language_code`
 * (an IETF tag such as `zh-hans`, `zh-TW`, `en-GB`). Simplified Chinese is the default because the
 * report's readers are mostly mainland; Taiwan, Hong Kong and Macau tags get traditional script.
 * Answers themselves follow the script of the question; the engine decides that.
 */
export function uiLangOf(languageCode: string | undefined): Lang {
  const code = (languageCode ?? '').toLowerCase().replace(/_/g, '-');
  if (code === 'en' || code.startsWith('en-')) return 'en';
  if (/^zh-(tw|hk|mo|hant)(-|$)/.test(code)) return 'zh-Hant';
  return 'zh-Hans';
}

/** Every fixed sentence the bot says on its own, per language. Report text never lives here. */
export interface Texts {
  intro(title: string): string;
  examplesHead: string;
  /** `example` is one of the report's example questions, so this text holds nothing about any report. */
  help(username: string, example: string): string;
  sectionsHead: string;
  /** /reports: the head of the list of reports a library serves, and how to ask one of them. */
  reportsHead: string;
  reportsHint: string;
  sourceHead: string;
  whyNone: string;
  why: { title: string; outcome: string; rule: string; score: string; runnerUp: string; concepts: string; context: string; none: string; yes: string; no: string };
  nonText: string;
  flood: string;
  expired: string;
  unknownCommand: string;
  failed: string;
  sourceLabel: string;
  commands: Record<CommandName, string>;
}

export type CommandName = 'start' | 'help' | 'sections' | 'reports' | 'source' | 'why';
export const COMMAND_NAMES: readonly CommandName[] = ['start', 'help', 'sections', 'reports', 'source', 'why'];

const zhHans: Texts = {
  intro: (title) => `您好！我回答关于《${title}》的问题，每个回答都附上报告原文，方便您核对。\n请直接用中文或英文提问。`,
  examplesHead: '可以试试这些问题：',
  help: (username, example) =>
    [
      `直接发送问题即可，例如“${example}”。回答之后可以接着追问，例如“那……呢？”。`,
      '',
      '/start 介绍与示例问题',
      '/sections 报告的各个部分',
      '/reports 可查询的报告',
      '/source 报告来源',
      '/why 上一个回答的匹配依据',
      '',
      `在群组里，请 @${username} 提问，或回复我的消息。`,
      `在任何对话中输入 @${username} 加问题，可以把回答发到该对话。`,
    ].join('\n'),
  sectionsHead: '报告包括以下部分，点一下即可提问：',
  reportsHead: '可以查询以下报告：',
  reportsHint: '在问题里写明机关和年份即可，例如“{example}”。',
  sourceHead: '资料来源',
  whyNone: '这个对话里还没有提问。',
  why: { title: '上一个回答的依据', outcome: '结果', rule: '规则', score: '得分', runnerUp: '次优', concepts: '识别的概念', context: '用了上一轮的话题', none: '无', yes: '是', no: '否' },
  nonText: '我只能读文字消息，请用文字提问。发送 /help 查看用法。',
  flood: '您提问得太快了，请稍等一分钟再问。',
  expired: '这个按钮已过期，请直接输入问题。',
  unknownCommand: '没有这个命令。发送 /help 查看可用的命令。',
  failed: '抱歉，出了点问题，请稍后再试。',
  sourceLabel: '来源',
  commands: { start: '介绍与示例问题', help: '使用说明', sections: '报告的各个部分', reports: '可查询的报告', source: '报告来源', why: '上一个回答的匹配依据（工作人员用）' },
};

const zhHant: Texts = {
  intro: (title) => `您好！我回答關於《${title}》的問題，每個回答都附上報告原文，方便您核對。\n請直接用中文或英文提問。`,
  examplesHead: '可以試試這些問題：',
  help: (username, example) =>
    [
      `直接傳送問題即可，例如「${example}」。回答之後可以接著追問，例如「那……呢？」。`,
      '',
      '/start 介紹與範例問題',
      '/sections 報告的各個部分',
      '/reports 可查詢的報告',
      '/source 報告來源',
      '/why 上一個回答的比對依據',
      '',
      `在群組裡，請 @${username} 提問，或回覆我的訊息。`,
      `在任何對話中輸入 @${username} 加問題，可以把回答傳到該對話。`,
    ].join('\n'),
  sectionsHead: '報告包括以下部分，點一下即可提問：',
  reportsHead: '可以查詢以下報告：',
  reportsHint: '在問題裡寫明機關和年份即可，例如「{example}」。',
  sourceHead: '資料來源',
  whyNone: '這個對話裡還沒有提問。',
  why: { title: '上一個回答的依據', outcome: '結果', rule: '規則', score: '得分', runnerUp: '次優', concepts: '識別的概念', context: '用了上一輪的話題', none: '無', yes: '是', no: '否' },
  nonText: '我只能讀文字訊息，請用文字提問。傳送 /help 查看用法。',
  flood: '您提問得太快了，請稍等一分鐘再問。',
  expired: '這個按鈕已過期，請直接輸入問題。',
  unknownCommand: '沒有這個指令。傳送 /help 查看可用的指令。',
  failed: '抱歉，出了點問題，請稍後再試。',
  sourceLabel: '來源',
  commands: { start: '介紹與範例問題', help: '使用說明', sections: '報告的各個部分', reports: '可查詢的報告', source: '報告來源', why: '上一個回答的比對依據（工作人員用）' },
};

const en: Texts = {
  intro: (title) => `Hello! I answer questions about the ${title}, and every answer quotes the report word for word so you can check it.\nAsk in Chinese or English.`,
  examplesHead: 'You could try:',
  help: (username, example) =>
    [
      `Just send a question, such as “${example}”. You can follow up, such as “And what about …?”.`,
      '',
      '/start what this bot is, with example questions',
      '/sections the parts of the report',
      '/reports the reports you can ask about',
      '/source where the report comes from',
      '/why why the last answer was chosen',
      '',
      `In groups, mention @${username} or reply to one of my messages.`,
      `In any chat, type @${username} and a question to send the answer there.`,
    ].join('\n'),
  sectionsHead: 'The report has these parts; tap one to ask about it:',
  reportsHead: 'You can ask about these reports:',
  reportsHint: 'Name the body and the year in your question, e.g. “{example}”.',
  sourceHead: 'Source',
  whyNone: 'No question has been asked in this chat yet.',
  why: { title: 'Why the last answer', outcome: 'outcome', rule: 'rule', score: 'score', runnerUp: 'runner-up', concepts: 'concepts', context: 'used the previous topic', none: 'none', yes: 'yes', no: 'no' },
  nonText: 'I can only read text. Please type your question; send /help to see how.',
  flood: 'You are asking faster than I can keep up with. Please wait a minute, then ask again.',
  expired: 'This button has expired; please type the question.',
  unknownCommand: 'I do not know that command. Send /help to see the ones I know.',
  failed: 'Sorry, something went wrong. Please try again later.',
  sourceLabel: 'Source',
  commands: { start: 'What this bot is, with example questions', help: 'How to use this bot', sections: 'The parts of the report', reports: 'The reports you can ask about', source: 'Where the report comes from', why: 'Why the last answer was chosen (for staff)' },
};

const TEXTS: Record<Lang, Texts> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

/** The fixed texts for one language. */
export function textsFor(lang: Lang): Texts {
  return TEXTS[lang];
}
