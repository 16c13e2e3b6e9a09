import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createEngine, type Engine } from '../../src/engine/index.js';
import { KnowledgeLoadError } from '../../src/errors.js';
import { PACK_FILES, Meta, loadKnowledge, type DomainLexicon } from '../../src/knowledge/index.js';
import { formatJsonPath } from '../../src/knowledge/json-path.js';
import { readKnowledgeJson } from '../../src/knowledge/read-json.js';
import { packInfoOf, type LibraryPack } from '../../src/library/index.js';

/** A pack read from disk and validated, with what tells a later change of its files. */
export interface ReadPack extends LibraryPack {
  dir: string;
  /** False for a pack read by its meta only (a large library at start), until its full check has run. */
  validated: boolean;
  /** The pack files' sizes and modification times: a new signature means the pack must be read again. */
  signature: string;
}

/** A pack that failed validation: the file and the path inside it, as the loader names them. */
export interface Refusal {
  id: string;
  file: string;
  issues: string[];
}

const PACK_FILE_NAMES = Object.keys(PACK_FILES);

/** True when `dir` is one pack (it holds report.json), false when it is a folder of packs. */
export function isPackDir(dir: string): boolean {
  return existsSync(join(dir, 'report.json'));
}

/** What changes when any pack file is rewritten, renamed away or added. */
export function signatureOf(dir: string): string {
  return PACK_FILE_NAMES.map((name) => {
    try {
      const s = statSync(join(dir, name));
      return `${name}:${s.size}:${s.mtimeMs}`;
    } catch {
      return `${name}:-`;
    }
  }).join('|');
}

/**
 * The subfolders of a library that hold any pack file, by id (their name). Folders holding none
 * (knowledge/domain, knowledge/schema) are not packs and are passed over.
 */
export function packFolders(root: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = join(root, entry.name);
    if (PACK_FILE_NAMES.some((name) => existsSync(join(dir, name)))) found.set(entry.name, dir);
  }
  return found;
}

/**
 * Reads and validates one pack. The engine (its lexicon and sentence index) is built on the first
 * question routed to the pack, so a thousand packs cost their knowledge only until asked.
 */
export function readPack(id: string, dir: string, domain: DomainLexicon | undefined): ReadPack {
  const signature = signatureOf(dir);
  const knowledge = loadKnowledge(dir, domain ? { domain } : {});
  let engine: Engine | undefined;
  return { dir, signature, validated: true, info: packInfoOf(id, knowledge), engine: () => (engine ??= createEngine(knowledge)) };
}

/**
 * Reads only a pack's meta (report.json's `meta`, checked against its schema): what routing needs.
 * The whole pack is read and validated on its first question (or by `checkPack` in the background),
 * so a library of a thousand packs starts in the time it takes to read their meta.
 */
export function readPackMeta(id: string, dir: string, domain: DomainLexicon | undefined): ReadPack {
  const signature = signatureOf(dir);
  const file = join(dir, 'report.json');
  const parsed = Meta.safeParse(readKnowledgeJson(file).meta);
  if (!parsed.success) throw new KnowledgeLoadError(file, parsed.error.issues.map((i) => `${metaPath(formatJsonPath(i.path))}: ${i.message}`));
  let engine: Engine | undefined;
  return { dir, signature, validated: false, info: packInfoOf(id, { meta: parsed.data }), engine: () => (engine ??= createEngine(loadKnowledge(dir, domain ? { domain } : {}))) };
}

const metaPath = (inner: string) => (inner === '' ? 'meta' : inner.startsWith('[') ? `meta${inner}` : `meta.${inner}`);

/** The full check of a pack read by its meta: throws the loader's error; the knowledge is not kept. */
export function checkPack(pack: ReadPack, domain: DomainLexicon | undefined): void {
  loadKnowledge(pack.dir, domain ? { domain } : {});
  pack.validated = true;
}

/** A failed read as a refusal, or the error itself when it is not a pack's fault. */
export function refusalOf(id: string, dir: string, error: unknown): Refusal {
  if (error instanceof KnowledgeLoadError) return { id, file: error.file, issues: error.issues };
  return { id, file: dir, issues: [error instanceof Error ? error.message : String(error)] };
}

/** The id a pack served alone keeps: its folder's name, as in a library. */
export const soleId = (dir: string) => basename(dir);
