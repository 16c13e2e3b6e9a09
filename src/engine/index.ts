export { createEngine, type Engine, type EngineOptions, type Turn } from './create-engine.js';
