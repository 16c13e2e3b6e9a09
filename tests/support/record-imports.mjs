// Preloaded with --import: records every bare package a process imports, one per line, in the file
// RECORD_IMPORTS_FILE names, so a test can tell which libraries a start-up loaded.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url);
