export { ingestReport, type Domain, type IngestResult } from './ingest-report.js';
export { IngestError } from './ingest-error.js';
export type { IngestOptions } from './metadata.js';
export { reviewOf, summaryOf } from './review.js';
