import type { Update, UserFromGetMe } from 'telegraf/types';
import { readConfig, type Config } from '../../adapters/config/index.js';
import { createLogger, type Logger } from '../../adapters/shared/logger.js';
import type { Engine } from '../../src/engine/index.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import type { Answer, Lang, Question } from '../../src/types.js';

/** A token of the right shape; the stand-in Bot API accepts only this one. */
export const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuv';

export const BOT: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: 'Gongkai QA',
  username: 'gongkai_qa_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return readConfig({ TELEGRAM_BOT_TOKEN: TOKEN, ...env });
}

/** A logger that keeps its lines, so tests can read events and check that the token never appears. */
export function captureLogger(): Logger & { lines: string[]; events: () => { event: string; level: string; [k: string]: unknown }[] } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });
  return { ...logger, lines, events: () => lines.map((l) => JSON.parse(l) as { event: string; level: string }) };
}

const local = (zh: string, en: string) => ({ zh, en });

/** A small knowledge of the same shape as the real one: enough for commands, with no matching. */
export function stubKnowledge(): Knowledge {
  const section = (id: string, title: string, titleEn: string, parent: string | null, origin: 'report' | 'encyclopedia' = 'report') => ({ id, title, titleEn, parent, origin, text: '' });
  const concept = (id: string) => ({ id, zh: [], en: [], generic: false });
  return {
    meta: {
      id: 'stub-2011',
      title: local('通辽市2011年政府信息公开工作年度报告', 'Tongliao City Annual Report on Open Government Information Work, 2011'),
      city: local('通辽市', 'Tongliao'),
      region: local('内蒙古自治区', 'Inner Mongolia'),
      year: 2011,
      legalBasis: local('条例', 'the Regulations'),
      scope: local('范围', 'scope'),
      source: '通遼市2011年政府信息公開工作年度報告, <as published> & converted',
      examples: { zh: ['开了多少次新闻发布会?', '网站公开了多少条?', '存在哪些主要问题?', '第四个例子?'], en: ['How many press conferences were held?', 'How many items were disclosed?', 'What problems are named?'] },
    },
    sections: [
      section('report', '通遼市2011年政府信息公開工作年度報告', 'Annual report', null),
      section('infobox', '基本介紹', 'Infobox', 'report', 'encyclopedia'),
      section('overview', '概述', 'Overview', 'report'),
      section('mechanism', '完善機制', 'Improving mechanisms', 'overview'),
      section('proactive', '主動公開政府信息情況', 'Proactive disclosure of government information', 'report'),
      section('problems', '存在的主要問題及改進措施', 'Main problems and improvement measures', 'report'),
    ],
    facts: [],
    derived: [],
    lists: [],
    concepts: [],
    intents: [],
    scope: {
      places: [],
      otherPlaces: concept('other-places'),
      topics: [],
      greetings: concept('greetings'),
      followUpMarkers: concept('follow-up'),
      yesNoMarkers: concept('yes-no'),
      placeEndings: [],
      comparisons: [],
      askedAttributes: [],
      notPlaceStarts: [],
    },
  };
}

/** An Answer the stub engine gives: it echoes the question, so escaping of user text is visible. */
export function stubAnswer(question: string, overrides: Partial<Answer> = {}): Answer {
  const lang: Lang = /^[\x00-\x7f]*$/.test(question) ? 'en' : 'zh-Hans';
  const message = lang === 'en' ? `You asked: ${question}` : `您问的是:${question}`;
  const citation = { sectionId: 'proactive', section: '主动公开政府信息情况', sectionEn: 'Proactive disclosure of government information', quote: '主动公开政府信息13126条,<其他>形式 & 672条。' };
  return {
    outcome: 'answered',
    text: message,
    message,
    lang,
    intent: 'stub-intent',
    confidence: 0.9,
    citations: [citation],
    suggestions: ['以其他形式公开了多少条信息?', '不予公开的信息有多少条?'],
    explain: { rule: 'stub-intent', score: 5, runnerUp: { intent: 'other-intent', score: 2, matched: ['website'] }, concepts: ['website'], usedContext: false, qualifiers: [] },
    ...overrides,
  };
}

/** An engine that answers with `answer(question)` and records every question it got. */
export function stubEngine(answer: (q: Question) => Answer = (q) => stubAnswer(q.text)): Engine & { questions: Question[] } {
  const questions: Question[] = [];
  const knowledge = stubKnowledge();
  return {
    questions,
    knowledge,
    ask(question) {
      questions.push(question);
      return answer(question);
    },
    respond(text) {
      return { answer: answer({ text }), context: undefined };
    },
    about(lang) {
      const { meta } = knowledge;
      if (lang === 'en') return { title: meta.title.en, scope: meta.scope.en, examples: meta.examples.en };
      if (lang === 'zh-Hant') return { title: '通遼市2011年政府信息公開工作年度報告', scope: '範圍', examples: ['開了多少次新聞發布會?', '網站公開了多少條?', '存在哪些主要問題?'] };
      return { title: meta.title.zh, scope: meta.scope.zh, examples: meta.examples.zh };
    },
    warmUp() {},
  };
}

// ---- updates, shaped as Telegram sends them ----

let updateId = 1;
let messageId = 1;
const now = () => Math.floor(Date.now() / 1000);

export interface UserOptions {
  userId?: number;
  lang?: string;
}

const user = (o: UserOptions) => ({ id: o.userId ?? 111, is_bot: false, first_name: 'Ada', ...(o.lang === undefined ? { language_code: 'zh-hans' } : o.lang ? { language_code: o.lang } : {}) });

function entitiesOf(text: string): { type: string; offset: number; length: number }[] {
  const entities: { type: string; offset: number; length: number }[] = [];
  const command = /^\/\w+(@\w+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@\w+/g)) if (m.index !== 0 || !command) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
  return entities;
}

export interface MessageOptions extends UserOptions {
  chatId?: number;
  group?: boolean;
  replyToBot?: boolean;
}

function chatOf(o: MessageOptions) {
  return o.group ? { id: o.chatId ?? -100500, type: 'supergroup', title: 'Citizens' } : { id: o.chatId ?? o.userId ?? 111, type: 'private', first_name: 'Ada' };
}

/** A message update from the options' chat and user, with `body` as its content. */
function messageUpdate(body: Record<string, unknown>, o: MessageOptions): Update {
  return {
    update_id: updateId++,
    message: {
      message_id: messageId++,
      date: now(),
      chat: chatOf(o),
      from: user(o),
      ...body,
      ...(o.replyToBot ? { reply_to_message: { message_id: 7, date: now(), chat: chatOf(o), from: BOT, text: '上一条回答' } } : {}),
    },
  } as unknown as Update;
}

/** A text message update, with the entities Telegram would attach (commands, @mentions). */
export function textUpdate(text: string, o: MessageOptions = {}): Update {
  const entities = entitiesOf(text);
  return messageUpdate({ text, ...(entities.length ? { entities } : {}) }, o);
}

/** A non-text message update: a sticker, photo, voice note or document. */
export function mediaUpdate(kind: 'sticker' | 'photo' | 'voice' | 'document', o: MessageOptions = {}): Update {
  const file = { file_id: 'f1', file_unique_id: 'u1' };
  const content = {
    sticker: { sticker: { ...file, type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } },
    photo: { photo: [{ ...file, width: 90, height: 90 }] },
    voice: { voice: { ...file, duration: 3 } },
    document: { document: { ...file, file_name: 'report.pdf' } },
  }[kind];
  return messageUpdate(content, o);
}

/** A tap on an inline button of one of the bot's messages. */
export function callbackUpdate(data: string, o: MessageOptions = {}): Update {
  return {
    update_id: updateId++,
    callback_query: {
      id: `cb-${updateId}`,
      from: user(o),
      chat_instance: 'ci-1',
      data,
      message: { message_id: 900, date: now(), chat: chatOf(o), from: BOT, text: '上一条回答' },
    },
  } as unknown as Update;
}

/** An inline query: `@bot question` typed in any chat. */
export function inlineUpdate(query: string, o: UserOptions = {}): Update {
  return { update_id: updateId++, inline_query: { id: `iq-${updateId}`, from: user(o), query, offset: '' } } as unknown as Update;
}

// ---- reading what was sent ----

const ENTITY: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };

/** The text a user sees of a Telegram HTML message: tags dropped, entities decoded. */
export function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot);/g, (e) => ENTITY[e] ?? e);
}

/** Tags our replies may use; anything else in sent HTML would be injected markup. */
export const ALLOWED_TAGS = /^<\/?(b|i|pre|blockquote|blockquote expandable)>$/;

export function tagsIn(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}
