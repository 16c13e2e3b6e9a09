import type { Wechaty } from 'wechaty';
import { types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { Engine } from '../../src/engine/index.js';
import { readConfig, type Config } from '../../adapters/config/index.js';
import { createLogger } from '../../adapters/shared/logger.js';
import type { SharedState } from '../../adapters/shared/state/index.js';
import { createWechatBot } from '../../adapters/wechat/index.js';

/** One message the bot sent, as the mock recorded it. */
export interface Sent {
  /** The room id, or the contact id of a private chat. */
  to: string;
  text: string;
}

export interface LogEntry {
  level: string;
  event: string;
  [field: string]: unknown;
}

/** No wait in these tests may hang: each gives up after this long and says what it saw. */
const WAIT_MS = 5_000;

export const BOT_NAME = '通辽政务助手';

/**
 * A started bot on a PuppetMock, logged in as BOT_NAME, with two people and a room. Time for pacing
 * and flood limits is a fake clock that `sleep` advances, so nothing waits real seconds.
 */
export async function startFixture(options: { engine: Pick<Engine, 'ask' | 'respond'>; env?: Record<string, string>; startedAt?: number; state?: SharedState }) {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const botUser = mocker.createContact({ id: 'bot-self', name: BOT_NAME });
  const zhang = mocker.createContact({ id: 'contact-zhang', name: '张三' });
  const li = mocker.createContact({ id: 'contact-li', name: '李四' });
  const room = mocker.createRoom({ id: 'room-1@chatroom', topic: '政务公开交流群', memberIdList: [botUser.id, zhang.id, li.id] });

  let now = Date.UTC(2026, 0, 1);
  const sleeps: number[] = [];
  const clock = () => now;
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    now += ms;
  };

  const logs: LogEntry[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as LogEntry) });
  const qrCodes: string[] = [];
  const config: Config = readConfig(options.env ?? {});
  const startedAt = options.startedAt ?? Date.now();

  const sent: Sent[] = [];
  const waiters = new Set<() => void>();
  // Everything said in the mock world passes the puppet's 'message' event; keep what the bot said.
  puppet.on('message', ({ messageId }) => {
    const payload = mocker.messagePayload(messageId);
    if (payload.talkerId !== botUser.id) return;
    const to = 'roomId' in payload && payload.roomId ? payload.roomId : 'listenerId' in payload ? (payload.listenerId ?? '') : '';
    sent.push({ to, text: payload.text ?? '' });
    for (const wake of waiters) wake();
  });

  const bot: Wechaty = createWechatBot({ engine: options.engine, config, logger, puppet, clock, sleep, startedAt, printQr: (qr) => qrCodes.push(qr), ...(options.state ? { state: options.state } : {}) });
  await bot.start();
  await within(new Promise<void>((resolve) => {
    bot.once('login', () => resolve());
    mocker.login(botUser);
  }), 'the bot to log in');

  /** Resolves once the bot has sent at least `count` messages in all; rejects after WAIT_MS. */
  function waitForSent(count: number): Promise<Sent[]> {
    if (sent.length >= count) return Promise.resolve(sent.slice());
    return within(
      new Promise<Sent[]>((resolve) => {
        const wake = () => {
          if (sent.length < count) return;
          waiters.delete(wake);
          resolve(sent.slice());
        };
        waiters.add(wake);
      }),
      `${count} sent message(s); got ${sent.length}: ${JSON.stringify(sent)}`,
    );
  }

  /** Delivers a message built by hand, for what `say().to()` cannot make (an old one, a picture); returns its id. */
  function deliver(payload: { talkerId: string; roomId?: string; text?: string; type?: types.Message; timestamp?: number; mentionIdList?: string[] }): string {
    const id = `hand-${Math.random().toString(36).slice(2)}`;
    const base = { id, talkerId: payload.talkerId, text: payload.text, type: payload.type ?? types.Message.Text, timestamp: payload.timestamp ?? Date.now() };
    const message = payload.roomId
      ? mocker.MessageMock.create({ ...base, roomId: payload.roomId, mentionIdList: payload.mentionIdList ?? [] })
      : mocker.MessageMock.create({ ...base, listenerId: botUser.id });
    puppet.emit('message', { messageId: message.id });
    return message.id;
  }

  return {
    bot,
    mocker,
    puppet,
    botUser,
    zhang,
    li,
    room,
    sent,
    sleeps,
    logs,
    qrCodes,
    startedAt,
    waitForSent,
    deliver,
    advance: (ms: number) => {
      now += ms;
    },
    stop: () => within(bot.stop(), 'the bot to stop'),
  };
}

export type Fixture = Awaited<ReturnType<typeof startFixture>>;

/** Bounds a wait: resolves as `promise` does, or rejects naming what never came. */
export function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Lets queued handlers run (several macrotask turns), without asserting anything about time. */
export async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}
