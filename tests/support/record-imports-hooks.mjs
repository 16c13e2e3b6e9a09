// The resolve hook of record-imports.mjs (module hooks run on their own thread).
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const file = process.env.RECORD_IMPORTS_FILE;
  if (file && /^(@[\w.-]+\/)?[\w.-]+/.test(specifier) && !specifier.startsWith('node:')) appendFileSync(file, `${specifier}\n`);
  return next(specifier, context);
}
