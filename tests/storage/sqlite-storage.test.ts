import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../adapters/storage/index.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { storageSuite } from './storage-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('storage port on SQLite (better-sqlite3)', () => {
  storageSuite(async () => openStorage({ SQLITE_FILE: join(dir, 'nested', 'log.sqlite') }, dir, silentLogger));

  it('keeps its file in WAL mode, its folder created on first use', async () => {
    const storage = openStorage({ SQLITE_FILE: 'data/wal.sqlite' }, dir, silentLogger);
    await storage.migrate();
    await storage.close();
    // Byte 18 of an SQLite header is 2 when the file is in WAL mode.
    expect(readFileSync(join(dir, 'data', 'wal.sqlite'))[18]).toBe(2);
  });
});
