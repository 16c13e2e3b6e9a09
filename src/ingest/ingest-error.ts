import { GongkaiError } from '../errors.js';

/** Why a file could not become a pack: one line a staff member can act on. */
export class IngestError extends GongkaiError {
  constructor(message: string) {
    super('INGEST_REFUSED', message);
  }
}
