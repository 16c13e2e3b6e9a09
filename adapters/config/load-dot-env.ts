import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvFile } from 'node:process';

/**
 * Adds the variables of `<dir>/.env` to the environment when the file exists, without overriding
 * variables already set (the shell wins). Node's own --env-file-if-exists would print a notice on
 * every run without a .env file; this stays quiet.
 */
export function loadDotEnv(dir: string): void {
  const file = join(dir, '.env');
  if (existsSync(file)) loadEnvFile(file);
}
