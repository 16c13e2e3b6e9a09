import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../../src/errors.js';
import { loadDomainLexicon, projectDomainDir, type DomainLexicon } from '../../src/knowledge/index.js';
import { createLibrary, type Library } from '../../src/library/index.js';
import type { SessionStore } from '../../src/session/session-store.js';
import { isPackDir, packFolders, readPack, refusalOf, signatureOf, soleId, type ReadPack, type Refusal } from './read-packs.js';

export interface OpenLibraryOptions {
  /** One pack, or a folder of packs (each subfolder a pack named by its folder). */
  dir: string;
  /** DEFAULT_REPORT: must name a pack the folder holds. */
  defaultReport?: string | undefined;
  sessions?: SessionStore;
  clock?: () => number;
  /** The domain lexicon; the project's own by default. */
  domain?: DomainLexicon;
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
    for (const [id, packDir] of scan()) {
      try {
        current.set(id, readPack(id, packDir, domain));
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

  return { library, refused, reload, dir };
}
