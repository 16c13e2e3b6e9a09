import type { Message, MessageEntity, UserFromGetMe } from 'telegraf/types';

type Me = Pick<UserFromGetMe, 'id' | 'username'>;

interface Incoming {
  chat: { type: string };
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  reply_to_message?: Pick<Message, 'from'> | undefined;
}

/** True in a one-to-one chat with the bot; in groups the bot speaks only when spoken to. */
export function isPrivate(message: { chat: { type: string } }): boolean {
  return message.chat.type === 'private';
}

/** True when the message replies to one of the bot's own messages. */
export function repliesToBot(message: Incoming, me: Me): boolean {
  return message.reply_to_message?.from?.id === me.id;
}

function mentionsOf(message: Incoming, me: Me): MessageEntity[] {
  const text = message.text ?? '';
  const handle = `@${me.username}`.toLowerCase();
  return (message.entities ?? []).filter(
    (e) =>
      (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
      (e.type === 'text_mention' && e.user.id === me.id),
  );
}

/**
 * The question a text message puts to the bot, or undefined when it is not addressed to it: every
 * private message is; in a group only a reply to the bot or a message mentioning it (the mention
 * is cut out, so `@bot 开了多少次发布会?` asks `开了多少次发布会?`). Entity offsets count UTF-16
 * units, as JavaScript strings do, so slicing by them is exact.
 */
export function questionIn(message: Incoming, me: Me): string | undefined {
  const text = message.text;
  if (text === undefined) return undefined;
  if (message.chat.type === 'channel') return undefined;
  const mentions = mentionsOf(message, me);
  if (!isPrivate(message) && mentions.length === 0 && !repliesToBot(message, me)) return undefined;
  let question = text;
  for (const m of [...mentions].sort((a, b) => b.offset - a.offset)) {
    question = `${question.slice(0, m.offset)} ${question.slice(m.offset + m.length)}`;
  }
  return question.replace(/\s+/g, ' ').trim();
}
