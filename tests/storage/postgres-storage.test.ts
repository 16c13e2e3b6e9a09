import { afterAll, describe } from 'vitest';
import { openStorage } from '../../adapters/storage/index.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { postgresUnavailable, startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { storageSuite } from './storage-suite.js';

const unavailable = postgresUnavailable();
if (unavailable) console.warn(unavailable);

let server: PostgresServer | undefined;
afterAll(() => server?.remove());

describe.skipIf(unavailable !== undefined)('storage port on PostgreSQL (pg), a server started for this test', () => {
  storageSuite(async () => {
    server = await startPostgres();
    return openStorage({ DATABASE_URL: server.url, SQLITE_FILE: 'unused' }, '/nonexistent', silentLogger);
  });
});
