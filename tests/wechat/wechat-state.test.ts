import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/shared/logger.js';
import { createRedisState, type SharedState } from '../../adapters/shared/state/index.js';
import { NOTICES } from '../../adapters/wechat/phrases.js';
import { RedisServer } from '../support/redis-server.js';
import { settle, startFixture, type Fixture } from './fixture.js';
import { createStubEngine, makeAnswer } from './stub-engine.js';

const PRESS = makeAnswer({ message: '举办新闻发布会24次。', citations: [{ sectionId: 'carriers', section: '夯实载体', quote: '新闻发布会24次' }] });
const PRESS_REPLY = '举办新闻发布会24次。\n【来源】夯实载体：「新闻发布会24次」';
const stub = () => createStubEngine({ '开了多少次新闻发布会?': PRESS });

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.stop();
  fixture = undefined;
});

describe('WeChat duplicate messages', () => {
  it('answers a message the puppet delivers twice only once', async () => {
    const f = (fixture = await startFixture({ engine: stub() }));
    const id = f.deliver({ talkerId: f.zhang.id, text: '开了多少次新闻发布会?' });
    await f.waitForSent(1);
    f.puppet.emit('message', { messageId: id });
    await settle();
    expect(f.sent.map((s) => s.text)).toEqual([PRESS_REPLY]);
    expect(f.logs).toContainEqual(expect.objectContaining({ event: 'wechat.duplicate_message', messageId: id }));
  });
});

describe('WeChat with its state in Redis', () => {
  let redis: RedisServer;
  let state: SharedState;
  beforeAll(async () => {
    redis = await RedisServer.start();
    state = await createRedisState({ url: redis.url, logger: createLogger({ level: 'error', write: () => undefined }), sessionIdleMs: 60_000 });
  });
  afterAll(async () => {
    await state.close();
    await redis.kill();
  });

  it('keeps the flood window in Redis, so a restarted bot still knows a flooding contact', async () => {
    const env = { WECHAT_FLOOD_PER_MINUTE: '1' };
    const first = (fixture = await startFixture({ engine: stub(), env, state }));
    first.deliver({ talkerId: first.zhang.id, text: '开了多少次新闻发布会?' });
    await first.waitForSent(1);
    await first.stop();
    const second = (fixture = await startFixture({ engine: stub(), env, state }));
    second.deliver({ talkerId: second.zhang.id, text: '开了多少次新闻发布会?' });
    expect((await second.waitForSent(1)).map((s) => s.text)).toEqual([NOTICES.flood]);
  });

  it('tells the asker to try again while Redis is away, instead of staying silent', async () => {
    const f = (fixture = await startFixture({ engine: stub(), state }));
    await redis.kill();
    f.deliver({ talkerId: f.li.id, text: '开了多少次新闻发布会?' });
    expect((await f.waitForSent(1)).map((s) => s.text)).toEqual([NOTICES.unavailable]);
    expect(f.logs).toContainEqual(expect.objectContaining({ event: 'wechat.state_unavailable' }));
  });
});
