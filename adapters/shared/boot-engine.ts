import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Library } from '../../src/library/index.js';
import { MemorySessionStore } from '../../src/session/session-store.js';
import { openLibrary, type OpenedLibrary } from '../library/open-library.js';
import { withAnswerCache } from './answer-cache.js';

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
  /** One pack, or a folder of packs (a library). */
  knowledgeDir?: string;
  /** DEFAULT_REPORT: the pack for questions naming none. */
  defaultReport?: string | undefined;
  sessionMax?: number;
  sessionIdleMinutes?: number;
  clock?: () => number;
  /** ANSWER_CACHE_SIZE: context-free answers remembered (see withAnswerCache); 0 or absent, none. */
  answerCacheSize?: number;
}

/**
 * Opens the knowledge (one pack or a library of packs), validated, behind one engine-shaped library
 * with a bounded in-memory session store; `reload` reads the folder again (hot reload).
 */
export function bootLibrary(options: BootOptions = {}): OpenedLibrary {
  const sessions = new MemorySessionStore({
    maxEntries: options.sessionMax ?? 10_000,
    idleMs: (options.sessionIdleMinutes ?? 30) * 60_000,
  });
  const clock = options.clock ?? Date.now;
  const opened = openLibrary({ dir: resolve(options.knowledgeDir ?? defaultKnowledgeDir()), defaultReport: options.defaultReport, sessions, clock });
  if (!options.answerCacheSize) return opened;
  // The cache wraps the library the adapters see; reload and checkRest still replace the inner one's packs.
  return { ...opened, library: withAnswerCache(opened.library, { maxEntries: options.answerCacheSize, sessions, clock }) };
}

/** Loads and validates the knowledge, then serves it as one engine (a library answers as an Engine does). */
export function bootEngine(options: BootOptions = {}): Library {
  return bootLibrary(options).library;
}
