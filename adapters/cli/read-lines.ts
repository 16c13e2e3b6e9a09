import type { Readable } from 'node:stream';

/**
 * Yields the input's lines split on "\n" only (a trailing "\r" of a CRLF ending is dropped).
 * node:readline also splits on a lone "\r", which made one input line two and shifted every later
 * reply of the batch contract by one.
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  input.setEncoding('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) yield part.endsWith('\r') ? part.slice(0, -1) : part;
  }
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}
