import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../../src/engine/index.js';
import { answerBatchLine } from './batch-line.js';

/** Reads JSON lines and writes one JSON reply per line, in order, as each is answered. */
export async function runBatch(engine: Engine, input: Readable, output: Writable): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const reply = answerBatchLine(engine, line);
    if (!output.write(`${JSON.stringify(reply)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
}
