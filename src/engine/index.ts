export { createEngine, type About, type Engine, type EngineOptions, type Turn } from './create-engine.js';
