import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../shared/logger.js';
import type { OpenedLibrary, ReloadReport } from './open-library.js';

/** Quiet time after the last file event before the folder is read again: an editor's save or a copy is many events. */
export const RELOAD_DEBOUNCE_MS = 300;

export interface LibraryWatch {
  /** Reads the folder now (what SIGHUP does). */
  reload(): ReloadReport;
  close(): void;
}

/** Logs what a reload did: each refused pack with its file and path, then the packs live. */
export function logReload(logger: Logger, report: ReloadReport, cause: string): void {
  for (const r of report.refused) logger.error('library.pack_refused', { pack: r.id, file: r.file, issues: r.issues, keptOld: report.live.includes(r.id) });
  if (report.added.length + report.changed.length + report.removed.length > 0 || report.refused.length > 0) {
    logger.info('library.reloaded', { cause, added: report.added, changed: report.changed, removed: report.removed, live: report.live });
  }
}

/**
 * Watches KNOWLEDGE_DIR (recursively) and SIGHUP: after RELOAD_DEBOUNCE_MS without events the folder
 * is read again, new and changed packs validated before they serve. A watch that cannot start (a
 * file system without events) is logged; SIGHUP still reloads.
 */
export function watchLibrary(opened: OpenedLibrary, logger: Logger, options: { debounceMs?: number; signal?: boolean } = {}): LibraryWatch {
  const debounceMs = options.debounceMs ?? RELOAD_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  const run = (cause: string) => {
    try {
      const report = opened.reload();
      logReload(logger, report, cause);
      return report;
    } catch (error) {
      logger.error('library.reload_failed', { cause, error });
      return { live: opened.library.reports().map((p) => p.id), added: [], changed: [], removed: [], refused: [] };
    }
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(opened.dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => run('watch'), debounceMs);
    });
    watcher.on('error', (error) => logger.warn('library.watch_failed', { dir: opened.dir, error }));
  } catch (error) {
    logger.warn('library.watch_failed', { dir: opened.dir, error });
  }
  const onHup = () => run('SIGHUP');
  if (options.signal !== false) process.on('SIGHUP', onHup);
  return {
    reload: () => run('reload'),
    close() {
      clearTimeout(timer);
      watcher?.close();
      if (options.signal !== false) process.off('SIGHUP', onHup);
    },
  };
}
