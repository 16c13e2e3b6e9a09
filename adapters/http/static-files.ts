import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Hono } from 'hono';
import { etag } from 'hono/etag';
import { AdapterError } from '../../src/errors.js';
import { projectRoot } from '../shared/boot-engine.js';
import type { HttpEnv } from './client-key.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The web chat's files. Found from the project root rather than this module, because the compiled
 * server runs from dist/ while the assets stay in the source tree (they need no build step).
 */
export function defaultPublicDir(): string {
  return join(projectRoot(), 'adapters', 'http', 'public');
}

/**
 * Serves the web chat from memory: the folder is read once at start (a handful of small files), so
 * a request never touches the disk and no request path can reach outside the folder. `index.html`
 * answers at `/`. Each file revalidates by ETag, since the names carry no content hash.
 */
export function serveStaticFiles(app: Hono<HttpEnv>, dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => TYPES[extname(name)]);
  } catch (cause) {
    throw new AdapterError('http', `cannot read the web chat's files in ${dir}; is adapters/http/public present?`, { cause });
  }
  for (const name of names) {
    const body = readFileSync(join(dir, name));
    const type = TYPES[extname(name)] ?? 'application/octet-stream';
    const path = name === 'index.html' ? '/' : `/${name}`;
    app.get(path, etag(), (c) => {
      c.header('Content-Type', type);
      c.header('Cache-Control', 'no-cache');
      return c.body(new Uint8Array(body));
    });
  }
}
