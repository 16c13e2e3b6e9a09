import { describe, it } from 'vitest';
import { expectContractReply, loadContractCases } from '../contract/contract.js';
import { callbackFixture, newOpenId } from './fixture.js';

/** The shared contract, sent as citizens send it: each case from its own OpenID (or WeCom member), in safe mode. */
describe('contract suite through the Official Account and WeCom callbacks', () => {
  const { oa, wecom } = callbackFixture('safe');
  for (const [name, platform] of [['official account', oa], ['wecom', wecom]] as const) {
    for (const contractCase of loadContractCases()) {
      it(`${name}: ${contractCase.id}`, async () => {
        const user = newOpenId();
        for (const turn of contractCase.turns) {
          const reply = await platform.text(user, turn.q);
          expectContractReply(turn, reply.content ?? `(status ${reply.status}: ${reply.body})`);
        }
      });
    }
  }
});
