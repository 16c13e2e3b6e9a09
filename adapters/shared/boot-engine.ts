import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine } from '../../src/engine/index.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { MemorySessionStore } from '../../src/session/session-store.js';

/** The project root, found from this file whether it runs from src (tsx, vitest) or dist. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** The knowledge pack the bot ships with. */
export function defaultKnowledgeDir(): string {
  return join(projectRoot(), 'knowledge', 'tongliao-2011');
}

export interface BootOptions {
  knowledgeDir?: string;
  sessionMax?: number;
  sessionIdleMinutes?: number;
  clock?: () => number;
}

/** Loads and validates the knowledge, then builds the engine with a bounded in-memory session store. */
export function bootEngine(options: BootOptions = {}): Engine {
  const knowledge = loadKnowledge(resolve(options.knowledgeDir ?? defaultKnowledgeDir()));
  const sessions = new MemorySessionStore({
    maxEntries: options.sessionMax ?? 10_000,
    idleMs: (options.sessionIdleMinutes ?? 30) * 60_000,
  });
  return createEngine(knowledge, { sessions, clock: options.clock ?? Date.now });
}
