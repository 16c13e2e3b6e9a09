export * from './engine/index.js';
export * from './types.js';
export * from './errors.js';
export { MemorySessionStore, type SessionStore, type MemorySessionStoreOptions } from './session/session-store.js';
export type { Knowledge } from './knowledge/schema.js';
