import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../../src/engine/index.js';
import { answerBatchLine } from './batch-line.js';
import { watchOutput } from './closed-output.js';
import { readLines } from './read-lines.js';

/**
 * Reads JSON lines and writes exactly one JSON reply per input line (blank ones included), in
 * order, as each is answered. Stops quietly when the reader of the output goes away.
 */
export async function runBatch(engine: Engine, input: Readable, output: Writable): Promise<void> {
  const out = watchOutput(output);
  for await (const line of readLines(input)) {
    if (out.closed()) break;
    const reply = answerBatchLine(engine, line);
    if (!output.write(`${JSON.stringify(reply)}\n`)) await out.drained();
  }
}
