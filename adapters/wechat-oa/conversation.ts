import type { Engine } from '../../src/engine/index.js';
import { BoundedMap } from '../../src/session/bounded-map.js';
import type { Answer, Lang } from '../../src/types.js';
import { renderAnswer } from '../wechat/render-text.js';
import { createSuggestionMemory } from '../wechat/suggestion-memory.js';
import type { Inbound } from './inbound.js';
import { MAX_REPLY_BYTES, pageText } from './pages.js';
import { asksNextPage, HINTS, PAGE_FOOTER, welcomeText } from './texts.js';

/** What a conversation needs: the engine, and the bounds of what it remembers per citizen. */
export interface ConversationOptions {
  engine: Pick<Engine, 'ask'>;
  /** Prefixes the engine's session ids, so an OpenID and a WeCom UserID never share a conversation. */
  channel: string;
  /** What the subscribe welcome names and offers: the report's title and example questions. */
  welcome: { title: string; examples: string[] };
  /** Conversations whose suggestions and unread pages are remembered (least recently active forgotten first). */
  maxSessions: number;
  maxReplyBytes?: number;
  /** Told of every question answered (the question log), never awaited. */
  onAnswer?: (session: string, question: string, answer: Answer) => void;
}

/** What one message gets: a text reply, or none (the protocol's `success`), and what happened, for the log. */
export interface ConversationReply {
  text?: string;
  kind: 'answered' | 'next-page' | 'welcome' | 'hint' | 'ignored';
  answer?: Answer;
  pickedSuggestion?: boolean;
  page?: number;
  pages?: number;
}

interface UnreadPages {
  pages: string[];
  next: number;
  lang: Lang;
}

/**
 * The translator, free of the transport: one callback message in, the reply text out. Text and
 * recognised voice go to `engine.ask` (a bare number picks a suggestion listed before, as on the
 * wechaty adapter); an answer over the platform's byte limit is sent in pages, the rest waiting
 * for a reply of 0. Holds no matching logic.
 */
export function createConversation(options: ConversationOptions): (message: Inbound) => ConversationReply {
  const suggestions = createSuggestionMemory(options.maxSessions);
  const unread = new BoundedMap<string, UnreadPages>(options.maxSessions);
  const maxBytes = options.maxReplyBytes ?? MAX_REPLY_BYTES;
  // The footer's widest form (two-digit page numbers) is kept free on every page.
  const footerRoom = (lang: Lang) => Buffer.byteLength(`\n\n${PAGE_FOOTER[lang](99, 99)}`);

  const withFooter = (text: string, lang: Lang, page: number, pages: number) => (page < pages ? `${text}\n\n${PAGE_FOOTER[lang](page, pages)}` : text);

  function nextPage(session: string, waiting: UnreadPages): ConversationReply {
    const page = waiting.next + 1;
    const text = withFooter(waiting.pages[waiting.next] ?? '', waiting.lang, page, waiting.pages.length);
    if (page < waiting.pages.length) unread.set(session, { ...waiting, next: page });
    else unread.delete(session);
    return { text, kind: 'next-page', page, pages: waiting.pages.length };
  }

  function ask(session: string, question: string): ConversationReply {
    const waiting = unread.get(session);
    if (waiting && asksNextPage(question)) return nextPage(session, waiting);
    unread.delete(session);
    const asked = suggestions.pick(session, question) ?? question;
    const answer = options.engine.ask({ text: asked, session });
    options.onAnswer?.(session, asked, answer);
    suggestions.remember(session, answer.suggestions);
    const pages = pageText(renderAnswer(answer), maxBytes - footerRoom(answer.lang));
    if (pages.length > 1) unread.set(session, { pages, next: 1, lang: answer.lang });
    const text = withFooter(pages[0] ?? '', answer.lang, 1, pages.length);
    return { text, kind: 'answered', answer, pickedSuggestion: asked !== question, page: 1, pages: pages.length };
  }

  return function respond(message: Inbound): ConversationReply {
    const session = `${options.channel}:${message.FromUserName}`;
    switch (message.MsgType) {
      case 'text':
        return ask(session, message.Content ?? '');
      case 'voice': {
        const heard = message.Recognition?.trim();
        return heard ? ask(session, heard) : { text: HINTS.unheardVoice, kind: 'hint' };
      }
      case 'event':
        if (message.Event?.toLowerCase() !== 'subscribe') return { kind: 'ignored' };
        unread.delete(session);
        suggestions.remember(session, options.welcome.examples);
        return { text: welcomeText(options.welcome.title, options.welcome.examples), kind: 'welcome' };
      default:
        return { text: HINTS.nonText, kind: 'hint' };
    }
  };
}
