import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** One turn of a contract conversation: what the user sends and what the reply must (not) show. */
export interface ContractTurn {
  q: string;
  contains: string[];
  lacks?: string[];
}
export interface ContractCase {
  id: string;
  turns: ContractTurn[];
}

/** The shared question set every adapter runs: data in cases.json, not code. */
export function loadContractCases(): ContractCase[] {
  const file = fileURLToPath(new URL('./cases.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { cases: ContractCase[] }).cases;
}

/** Asserts what a user of any adapter must see for one turn. `reply` is the visible reply text. */
export function expectContractReply(turn: ContractTurn, reply: string): void {
  for (const piece of turn.contains) expect(reply, `reply to ${turn.q}`).toContain(piece);
  for (const piece of turn.lacks ?? []) expect(reply, `reply to ${turn.q}`).not.toContain(piece);
}
