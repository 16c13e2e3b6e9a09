import type { Writable } from 'node:stream';

/** What watchOutput reports: whether the reader has gone, and a wait for the buffer to empty. */
export interface WatchedOutput {
  /** True once a write has failed (the reader closed the pipe, as `| head -1` does). */
  closed(): boolean;
  /** Resolves when the stream drains or has closed, so a batch never waits on a gone reader. */
  drained(): Promise<void>;
}

/**
 * Keeps a closed standard output from crashing the CLI with an EPIPE stack: the write error is
 * caught and remembered, and the caller stops writing. Other write errors get one line on stderr.
 */
export function watchOutput(output: Writable): WatchedOutput {
  let failed = false;
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (!failed && error.code !== 'EPIPE') process.stderr.write(`OUTPUT_FAILED: ${error.code ?? ''} ${error.message}\n`);
    failed = true;
  });
  return {
    closed: () => failed || output.destroyed,
    drained: () =>
      new Promise<void>((resolve) => {
        if (failed || output.destroyed) return resolve();
        const done = (): void => {
          output.off('drain', done).off('close', done).off('error', done);
          resolve();
        };
        output.on('drain', done).on('close', done).on('error', done);
      }),
  };
}
