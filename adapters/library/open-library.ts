import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../../src/errors.js';
import { loadDomainLexicon, projectDomainDir, type DomainLexicon } from '../../src/knowledge/index.js';
import { createLibrary, type Library } from '../../src/library/index.js';
import type { SessionStore } from '../../src/session/session-store.js';
import { checkPack, isPackDir, packFolders, readPack, readPackMeta, refusalOf, signatureOf, soleId, type ReadPack, type Refusal } from './read-packs.js';

/**
 * Up to this many packs are validated whole at start (a broken one refused before any question). A
 * larger library reads its packs' meta only and validates the rest in the background (`checkRest`),
 * so a city's thousand packs start in seconds; a pack is read whole on its first question anyway.
 */
export const VALIDATE_AT_START_MAX = 200;

export interface OpenLibraryOptions {
  /** One pack, or a folder of packs (each subfolder a pack named by its folder). */
  dir: string;
  /** DEFAULT_REPORT: must name a pack the folder holds. */
  defaultReport?: string | undefined;
  sessions?: SessionStore;
  clock?: () => number;
  /** The domain lexicon; the project's own by default. */
  domain?: DomainLexicon;
  /** Packs validated whole at start at most; a larger library is read by meta (default VALIDATE_AT_START_MAX). */
  validateAtStartMax?: number;
}

/** What one reload did: packs taken in, dropped, and refused (the old version, if any, still serving). */
export interface ReloadReport {
  live: string[];
  added: string[];
  changed: string[];
  removed: string[];
  refused: Refusal[];
}

export interface OpenedLibrary {
  library: Library;
  /** Packs refused at start (a library serves the others; a single pack's error stops start-up). */
  refused: Refusal[];
  /** Reads the folder again: new and changed packs validated first, a bad one refused and the old one kept. */
  reload(): ReloadReport;
  /**
   * Validates, a few at a time between other work, the packs read by their meta only; a bad one is
   * taken out of the library and reported. Resolves when all are checked.
   */
  checkRest(onRefused: (refusal: Refusal) => void): Promise<number>;
  readonly dir: string;
}

/**
 * Opens KNOWLEDGE_DIR as a library. A single broken pack throws (start-up stops naming its file); in a
 * folder of packs a broken one is refused and the rest serve, unless none is left. DEFAULT_REPORT is
 * checked against what loaded, and the error names the variable and the ids there are.
 */
export function openLibrary(options: OpenLibraryOptions): OpenedLibrary {
  const dir = resolve(options.dir);
  const domain = options.domain ?? loadDomainLexicon(projectDomainDir());
  // A folder that is neither a pack nor holds one (or does not exist) is read as one pack, so the
  // error names its report.json as it always has.
  const single = isPackDir(dir) || !existsSync(dir) || packFolders(dir).size === 0;
  const refused: Refusal[] = [];
  let current = new Map<string, ReadPack>();

  const scan = () => (single ? new Map([[soleId(dir), dir]]) : packFolders(dir));
  if (single) current.set(soleId(dir), readPack(soleId(dir), dir, domain));
  else {
    const folders = scan();
    const read = folders.size <= (options.validateAtStartMax ?? VALIDATE_AT_START_MAX) ? readPack : readPackMeta;
    for (const [id, packDir] of folders) {
      try {
        current.set(id, read(id, packDir, domain));
      } catch (error) {
        refused.push(refusalOf(id, packDir, error));
      }
    }
  }
  if (current.size === 0) {
    const first = refused[0];
    throw new ConfigError('KNOWLEDGE_DIR', first ? `no pack in ${dir} loads; ${first.file}: ${first.issues.join('; ')}` : `${dir} holds no knowledge pack (a folder with report.json, or subfolders with one each)`);
  }
  const { defaultReport } = options;
  if (defaultReport !== undefined && !current.has(defaultReport)) {
    throw new ConfigError('DEFAULT_REPORT', `"${defaultReport}" is no pack of ${dir} (expected one of: ${[...current.keys()].join(', ')})`);
  }
  const library = createLibrary([...current.values()], {
    ...(defaultReport !== undefined ? { defaultReport } : {}),
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });

  function reload(): ReloadReport {
    const report: ReloadReport = { live: [], added: [], changed: [], removed: [], refused: [] };
    const next = new Map<string, ReadPack>();
    let folders: Map<string, string>;
    try {
      folders = scan();
    } catch (error) {
      report.refused.push(refusalOf('(library)', dir, error));
      report.live = [...current.keys()];
      return report;
    }
    for (const [id, packDir] of folders) {
      const old = current.get(id);
      if (old && old.signature === signatureOf(packDir)) {
        next.set(id, old);
        continue;
      }
      try {
        next.set(id, readPack(id, packDir, domain));
        (old ? report.changed : report.added).push(id);
      } catch (error) {
        report.refused.push(refusalOf(id, packDir, error));
        if (old) next.set(id, old);
      }
    }
    for (const id of current.keys()) if (!next.has(id)) report.removed.push(id);
    if (next.size === 0) {
      report.removed = [];
      report.live = [...current.keys()];
      return report;
    }
    if (report.added.length + report.changed.length + report.removed.length > 0) {
      current = next;
      library.replace([...next.values()]);
    }
    report.live = [...current.keys()].sort();
    return report;
  }

  async function checkRest(onRefused: (refusal: Refusal) => void): Promise<number> {
    let checked = 0;
    for (const [id, pack] of [...current]) {
      if (pack.validated) continue;
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
      if (current.get(id) !== pack) continue;
      try {
        checkPack(pack, domain);
        checked++;
      } catch (error) {
        onRefused(refusalOf(id, pack.dir, error));
        const next = new Map(current);
        next.delete(id);
        if (next.size === 0) continue;
        current = next;
        library.replace([...next.values()]);
      }
    }
    return checked;
  }

  return { library, refused, reload, checkRest, dir };
}
