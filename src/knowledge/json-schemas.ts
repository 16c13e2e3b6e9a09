import { z } from 'zod';
import { PACK_FILES } from './check-references.js';
import { Knowledge } from './schema.js';

/**
 * JSON Schemas for each file of a knowledge pack, generated from the zod schema so an editor can
 * check a hand-edited file as it is typed. `npm run schema` writes them; a test keeps them current.
 */
export function packJsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(PACK_FILES).map(([file, keys]) => {
      const mask = Object.fromEntries(keys.map((k) => [k, true])) as Record<(typeof keys)[number], true>;
      const part = (Knowledge.pick as (m: typeof mask) => z.ZodObject)(mask).extend({ $schema: z.string().optional() });
      return [file.replace(/\.json$/, '.schema.json'), z.toJSONSchema(part, { io: 'input' })];
    }),
  );
}
