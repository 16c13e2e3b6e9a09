import type { Engine } from '../../src/engine/index.js';
import { createLibrary, packInfoOf, type Library } from '../../src/library/index.js';

/**
 * The engine as a library: a library as it is, a single engine (as tests and older callers build
 * one) as a library of its one pack, so adapters have one shape to speak to.
 */
export function libraryOf(engine: Engine | Library): Library {
  if ('reports' in engine && typeof engine.reports === 'function') return engine;
  return createLibrary([{ info: packInfoOf(engine.knowledge.meta.id, engine.knowledge), engine: () => engine }]);
}

/** A pack as the API and the channels list it. */
export function reportSummary(info: ReturnType<Library['reports']>[number]) {
  return { id: info.id, body: info.body, year: info.year, region: info.region, title: info.title };
}
