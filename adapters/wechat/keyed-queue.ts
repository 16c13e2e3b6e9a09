/** Runs tasks one after another per key, and side by side across keys. */
export interface KeyedQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Keys with a task queued or running; idle keys are forgotten, so this stays small. */
  readonly size: number;
}

/**
 * Why: wechaty emits every message at once, and handlers await the puppet, so two quick questions
 * in one conversation could otherwise reach the engine (and its follow-up context) out of order.
 * A failed task does not stop the ones queued behind it.
 */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  const settle = () => undefined;
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task);
      const tail = result.then(settle, settle);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    get size() {
      return tails.size;
    },
  };
}
