import type { QuestionLog } from '../storage/index.js';
import { types, type Contact, type ContactSelf, type Message, type Room } from 'wechaty';
import type { Logger } from '../shared/logger.js';
import { StateUnavailableError, type ConversingEngine, type SeenCache, type SharedFloodLimit, type SharedState } from '../shared/state/index.js';
import { botNames, mentionsName, stripMentions } from './mention.js';
import type { Pacer } from './pacer.js';
import { NOTICES } from './phrases.js';
import { reportList } from './report-list.js';
import { renderAnswer } from './render-text.js';
import { sessionId } from './session-id.js';
import { MAX_MESSAGE_LENGTH, splitMessage } from './split-message.js';
import type { SuggestionMemory } from './suggestion-memory.js';

/**
 * Why a grace (2026): puppets stamp messages in whole seconds, and WeChat's clock may run a little
 * behind ours, so a question sent just after start can carry a time just before it. A restart's
 * backlog is minutes old; a few seconds of grace tell the two apart.
 */
export const STALE_GRACE_MS = 5_000;

/** Media a person may send by mistake instead of typing; they get a hint. Other kinds (transfers, recalls, system notes) get nothing. */
const HINTED_TYPES = new Set<types.Message>([
  types.Message.Attachment,
  types.Message.Audio,
  types.Message.Contact,
  types.Message.ChatHistory,
  types.Message.Emoticon,
  types.Message.Image,
  types.Message.Location,
  types.Message.MiniProgram,
  types.Message.Url,
  types.Message.Video,
]);

export interface MessageHandlerDeps {
  engine: ConversingEngine;
  logger: Logger;
  pacer: Pacer;
  flood: SharedFloodLimit;
  /** Conversations (in memory, or Redis for several instances). */
  state: Pick<SharedState, 'converse'>;
  /** Message ids already handled: a puppet may deliver one twice, or to two instances. */
  seen: SeenCache;
  suggestions: SuggestionMemory;
  /** The logged-in account, for its name in rooms. */
  self: () => ContactSelf;
  /** Wall-clock ms; messages sent before it (less STALE_GRACE_MS) are history, not questions. */
  startedAt: number;
  /** Logs each question answered (QUESTION_LOG), never awaited. */
  questionLog?: QuestionLog | undefined;
}

/** What became of one message, for logs and tests. */
export type Handled = 'answered' | 'hinted' | 'flood-notice' | 'ignored' | 'duplicate' | 'unavailable';

/**
 * The translator: one WeChat message in; nothing, a hint, a flood notice or the engine's Answer as
 * plain text out. Holds no matching logic: everything about the report comes from `engine.ask`.
 */
export function createMessageHandler(deps: MessageHandlerDeps): (message: Message) => Promise<Handled> {
  const { logger } = deps;

  /** Sends a reply into the message's chat, split and paced; in rooms the first part @-mentions the asker. */
  async function reply(talker: Contact, room: Room | undefined, text: string): Promise<number> {
    const prefix = room ? `@${(await room.alias(talker)) || talker.name()} ` : '';
    const chunks = splitMessage(text, MAX_MESSAGE_LENGTH - prefix.length);
    const chat = room?.id ?? talker.id;
    for (const [i, chunk] of chunks.entries()) {
      await deps.pacer.send(chat, async () => {
        if (!room) await talker.say(chunk);
        else if (i === 0) await room.say(chunk, talker);
        else await room.say(chunk);
      });
    }
    return chunks.length;
  }

  /** The question a room message asks the bot, or undefined when it does not @-mention the bot. */
  async function roomQuestion(message: Message, room: Room, text: string): Promise<string | undefined> {
    const self = deps.self();
    const names = botNames(self.name(), await room.alias(self));
    const mentioned = (await message.mentionSelf()) || mentionsName(text, names);
    return mentioned ? stripMentions(text, names) : undefined;
  }

  return async function handleMessage(message: Message): Promise<Handled> {
    if (message.self()) return 'ignored';
    const talker = message.talker();
    if (talker.type() !== types.Contact.Individual) {
      logger.debug('wechat.ignored', { reason: 'not-individual', contactType: types.Contact[talker.type()] });
      return 'ignored';
    }
    if (message.date().getTime() < deps.startedAt - STALE_GRACE_MS) {
      logger.debug('wechat.ignored', { reason: 'stale', ageSeconds: message.age() });
      return 'ignored';
    }
    if (!(await deps.seen.firstSeen(message.id))) {
      logger.info('wechat.duplicate_message', { messageId: message.id });
      return 'duplicate';
    }
    const room = message.room();
    const type = message.type();

    let question: string | undefined;
    if (type === types.Message.Text) {
      const text = message.text();
      question = room ? await roomQuestion(message, room, text) : text;
      if (question === undefined) return 'ignored';
    } else if (room || !HINTED_TYPES.has(type)) {
      // In a group a picture is not addressed to the bot (media cannot @-mention), so say nothing.
      return 'ignored';
    }

    const verdict = await deps.flood.take(talker.id);
    if (verdict === 'drop') return 'ignored';
    if (verdict === 'notice') {
      logger.warn('wechat.flood', { contact: talker.id, room: room?.id });
      await reply(talker, room, NOTICES.flood);
      return 'flood-notice';
    }
    if (question === undefined) {
      await reply(talker, room, NOTICES.nonText);
      return 'hinted';
    }

    const session = sessionId(talker.id, room?.id);
    const listed = reportList(deps.engine, question);
    if (listed) {
      deps.suggestions.remember(session, listed.suggestions);
      await reply(talker, room, listed.text);
      logger.info('wechat.reports_listed', { reports: listed.suggestions.length, inRoom: !!room });
      return 'answered';
    }
    const asked = deps.suggestions.pick(session, question) ?? question;
    let answer;
    try {
      answer = await deps.state.converse(deps.engine, asked, session);
    } catch (error) {
      if (!(error instanceof StateUnavailableError)) throw error;
      logger.warn('wechat.state_unavailable', { error: error.message });
      await reply(talker, room, NOTICES.unavailable);
      return 'unavailable';
    }
    deps.questionLog?.record({ channel: 'wechat', conversation: session, text: asked, answer });
    deps.suggestions.remember(session, answer.suggestions);
    const parts = await reply(talker, room, renderAnswer(answer));
    logger.info('wechat.answered', {
      outcome: answer.outcome,
      intent: answer.intent,
      confidence: answer.confidence,
      inRoom: !!room,
      pickedSuggestion: asked !== question,
      parts,
    });
    return 'answered';
  };
}
