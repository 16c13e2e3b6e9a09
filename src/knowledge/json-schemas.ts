import { z } from 'zod';
import { PACK_FILES } from './check-references.js';
import { DomainIngest, DomainLexicon, Knowledge, PackLexicon } from './schema.js';

const withHint = (schema: z.ZodObject) => z.toJSONSchema(schema.extend({ $schema: z.string().optional() }), { io: 'input' });

/**
 * JSON Schemas for each file of a knowledge pack and of the domain, generated from the zod schema so
 * an editor can check a hand-edited file as it is typed. `npm run schema` writes them; a test keeps
 * them current.
 */
export function packJsonSchemas(): Record<string, unknown> {
  const files = Object.entries(PACK_FILES).map(([file, keys]) => {
    const mask = Object.fromEntries(keys.map((k) => [k, true])) as Record<(typeof keys)[number], true>;
    const part = file === 'lexicon.json' ? PackLexicon : (Knowledge.pick as (m: typeof mask) => z.ZodObject)(mask);
    return [file.replace(/\.json$/, '.schema.json'), withHint(part)] as const;
  });
  return Object.fromEntries([...files, ['domain-lexicon.schema.json', withHint(DomainLexicon)], ['domain-ingest.schema.json', withHint(DomainIngest)]]);
}
