import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../adapters/shared/boot-engine.js';
import { packJsonSchemas } from '../src/knowledge/json-schemas.js';

/** Writes knowledge/schema/*.schema.json from the zod schema (npm run schema). */
const dir = join(projectRoot(), 'knowledge', 'schema');
mkdirSync(dir, { recursive: true });
for (const [file, schema] of Object.entries(packJsonSchemas())) {
  writeFileSync(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote knowledge/schema/${file}`);
}
