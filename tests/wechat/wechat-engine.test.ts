import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/index.js';
import { bootEngine } from '../../adapters/shared/boot-engine.js';
import { renderAnswer } from '../../adapters/wechat/index.js';
import { expectContractReply, loadContractCases } from '../contract/contract.js';
import { BOT_NAME, settle, startFixture, type Fixture } from './fixture.js';

/**
 * The adapter over the real engine and the shipped knowledge: what a WeChat user would see. These
 * fail (rather than skip) while the knowledge pack is incomplete, since then the bot is not ready.
 */
let engine: Engine;
beforeAll(() => {
  engine = bootEngine();
});

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.stop();
  fixture = undefined;
});

/** Sends one question and returns the whole reply (all parts, joined), once the bot has answered. */
async function ask(f: Fixture, say: () => void): Promise<string> {
  const before = f.sent.length;
  say();
  await f.waitForSent(before + 1);
  await settle();
  return f.sent.slice(before).map((s) => s.text).join('');
}

describe('WeChat adapter with the real engine', () => {
  it('answers a private question with the figure and a verbatim source line, then a follow-up in the same chat', async () => {
    const f = (fixture = await startFixture({ engine }));
    const first = await ask(f, () => f.zhang.say('网站公开了多少条?').to(f.botUser));
    expect(first).toContain('13126');
    expect(first).toMatch(/【来源】主动公开政府信息情况[^\n]*：「[^」]*13126条[^」]*」/);

    const followUp = await ask(f, () => f.zhang.say('那其他形式呢?').to(f.botUser));
    expect(followUp).toContain('672');
    expect(followUp).toContain('其他形式公开信息672条');
  });

  it('asks the first suggestion when the reply is "1", as if it had been typed', async () => {
    const f = (fixture = await startFixture({ engine }));
    const first = await ask(f, () => f.zhang.say('网站公开了多少条?').to(f.botUser));
    // The same conversation replayed on a second engine gives what the bot must say.
    const replay = bootEngine();
    const suggestion = replay.ask({ text: '网站公开了多少条?', session: 'replay' }).suggestions[0];
    expect(suggestion, 'the answer offers suggestions').toBeDefined();
    expect(first).toContain(`1. ${suggestion}`);
    const expected = renderAnswer(replay.ask({ text: suggestion ?? '', session: 'replay' }));

    expect(await ask(f, () => f.zhang.say('1').to(f.botUser))).toBe(expected);
  });

  describe('the shared contract, in a private chat', () => {
    for (const [index, contractCase] of loadContractCases().entries()) {
      it(contractCase.id, async () => {
        const f = (fixture = await startFixture({ engine }));
        const asker = f.mocker.createContact({ id: `contract-dm-${index}`, name: `用户${index}` });
        for (const turn of contractCase.turns) {
          expectContractReply(turn, await ask(f, () => asker.say(turn.q).to(f.botUser)));
        }
      });
    }
  });

  describe('the shared contract, @-mentioned in a room', () => {
    for (const [index, contractCase] of loadContractCases().entries()) {
      it(contractCase.id, async () => {
        const f = (fixture = await startFixture({ engine }));
        const asker = f.mocker.createContact({ id: `contract-room-${index}`, name: `群友${index}` });
        f.room.payload.memberIdList.push(asker.id);
        for (const turn of contractCase.turns) {
          const reply = await ask(f, () => asker.say(`@${BOT_NAME}\u2005${turn.q}`, [f.botUser]).to(f.room));
          expect(reply.startsWith(`@群友${index} `)).toBe(true);
          expectContractReply(turn, reply);
        }
      });
    }
  });
});
