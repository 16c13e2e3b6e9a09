import type { Lang } from '../../src/types.js';

/**
 * The adapter's own words. Why 0 for the next page (2026): the numbers 1, 2, … already pick the
 * suggestions listed under an answer, and 0 is never one of them, so both work in one reply.
 */
export const PAGE_FOOTER: Record<Lang, (page: number, pages: number) => string> = {
  'zh-Hans': (page, pages) => `（第${page}/${pages}页，回复0查看下一页）`,
  'zh-Hant': (page, pages) => `（第${page}/${pages}頁，回覆0查看下一頁）`,
  en: (page, pages) => `(Page ${page} of ${pages}; reply 0 for the next page.)`,
};

/** What asks for the next page: 0 (half or full width), or a word for "more". */
export function asksNextPage(text: string): boolean {
  return /^\s*(?:0|\uff10|继续|繼續|更多|下一页|下一頁|more|next)\s*$/i.test(text);
}

/** The welcome on subscribe: what the account answers, and the report's own example questions as numbered choices. */
export function welcomeText(title: string, examples: string[]): string {
  return [
    `您好！我回答关于《${title}》的问题，每个回答都附上报告原文，方便您核对。`,
    '可以试试这些问题（回复序号即可）：',
    ...examples.map((q, i) => `${i + 1}. ${q}`),
    'You can ask in English too.',
  ].join('\n');
}

/**
 * Replies to what is not a question, in both languages because the asker's is not known yet.
 * Short: a citizen who sent a photo by mistake needs one line, not a manual.
 */
export const HINTS = {
  nonText: '我只能读文字消息，请用文字提问。\nI can only read text; please type your question.',
  unheardVoice: '没有听清这条语音，请用文字提问。\nI could not make out that voice message; please type your question.',
} as const;
