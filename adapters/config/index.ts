export { readConfig, type Config } from './config.js';
export { loadDotEnv } from './load-dot-env.js';
