import type { Lang } from '../../src/types.js';

/**
 * The adapter's own words: labels around the engine's answer, in the answer's script. Punctuation
 * follows the engine's (ASCII colon and parentheses in Chinese too), so a reply reads as one voice.
 */
export const PHRASES: Record<Lang, { source: string; related: string; replyWithNumber: string }> = {
  'zh-Hans': {
    source: '【来源】',
    related: '您还可以问（回复序号即可）：',
    replyWithNumber: '（回复序号即可提问）',
  },
  'zh-Hant': {
    source: '【來源】',
    related: '您還可以問（回覆序號即可）：',
    replyWithNumber: '（回覆序號即可提問）',
  },
  en: {
    source: '[Source]',
    related: 'You could also ask (reply with the number):',
    replyWithNumber: '(Reply with a number to ask it.)',
  },
};

/**
 * Notices sent before (or instead of) asking the engine, when the question's language is unknown:
 * so both Chinese and English, short.
 */
export const NOTICES = {
  nonText: '我只能读文字消息，请用文字提问。\nI can only read text; please type your question.',
  unavailable: '抱歉，系统暂时忙不过来，请过几秒再问一次。\nSorry, I cannot answer right now; please ask again in a few seconds.',
  flood: '消息太多了，请一分钟后再问。\nToo many messages; please wait a minute, then ask again.',
} as const;
