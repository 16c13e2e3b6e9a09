import { createEngine, type Engine } from '../../src/engine/index.js';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/index.js';
import { MemorySessionStore } from '../../src/session/session-store.js';
import { defaultKnowledgeDir } from '../../adapters/shared/boot-engine.js';

let cached: Knowledge | undefined;

/** The bundled knowledge, loaded once per test file. */
export function bundledKnowledge(): Knowledge {
  cached ??= loadKnowledge(defaultKnowledgeDir());
  return cached;
}

/** A fresh engine over the bundled knowledge with a fixed clock (1 January 2026). */
export function testEngine(clock: () => number = () => Date.UTC(2026, 0, 1)): Engine {
  return createEngine(bundledKnowledge(), { clock, sessions: new MemorySessionStore({ maxEntries: 100 }) });
}
