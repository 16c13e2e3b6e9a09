import { describe, it } from 'vitest';
import { expectContractReply, loadContractCases } from '../contract/contract.js';
import { ask, makeApp } from './helpers.js';

/** The shared contract, sent as a web client sends it: turns of a case share the returned sessionId. */
describe('contract suite through POST /api/ask', () => {
  const app = makeApp();
  for (const contractCase of loadContractCases()) {
    it(contractCase.id, async () => {
      let sessionId: string | undefined;
      for (const turn of contractCase.turns) {
        const reply = await ask(app, turn.q, sessionId);
        sessionId = reply.sessionId;
        expectContractReply(turn, reply.text);
      }
    });
  }
});
