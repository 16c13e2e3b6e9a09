import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../shared/boot-engine.js';

/** One schema change, versioned by its file name (`0001-question-log.sql`). */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations folder in the source tree; the compiled code reads it there too (SQL needs no build). */
export function defaultMigrationsDir(): string {
  return join(projectRoot(), 'adapters', 'storage', 'migrations');
}

/** Every migration in the folder, in version order. A file not named `NNNN-name.sql` is ignored. */
export function readMigrations(dir = defaultMigrationsDir()): Migration[] {
  return readdirSync(dir)
    .map((file) => ({ file, match: /^(\d{4})-([\w-]+)\.sql$/.exec(file) }))
    .filter((m): m is { file: string; match: RegExpExecArray } => m.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), name: match[2] ?? file, sql: readFileSync(join(dir, file), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}
