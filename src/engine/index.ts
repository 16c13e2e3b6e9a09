export { createEngine, type Engine, type EngineOptions, type Turn } from './create-engine.js';
export type { About } from '../answer/build-answer.js';
