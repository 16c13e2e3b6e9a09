import type { Logger } from '../shared/logger.js';
import { openStorage, type StorageConfig } from './open-storage.js';
import { createQuestionLog, type QuestionLog } from './question-log.js';
import type { Storage } from './types.js';

export interface QuestionLogConfig extends StorageConfig {
  QUESTION_LOG: 'on' | 'off';
  QUESTION_LOG_DAYS: number;
}

/** The running log and the database it writes, which the staff console reads. */
export interface RunningQuestionLog {
  log: QuestionLog;
  storage: Storage;
}

/**
 * `npm start`'s question log: undefined when QUESTION_LOG=off. The database is opened here and
 * migrated (then purged) right away in the background; a database that cannot be opened costs an
 * error line and the bot serves without a log, since answering matters more than logging.
 */
export function startQuestionLog(options: { config: QuestionLogConfig; report: string; root: string; logger: Logger }): RunningQuestionLog | undefined {
  const { config, logger } = options;
  if (config.QUESTION_LOG === 'off') return undefined;
  let storage: Storage;
  try {
    storage = openStorage(config, options.root, logger);
  } catch (error) {
    logger.error('question_log.not_started', { error, help: 'check SQLITE_FILE (a writable file path) or set DATABASE_URL; answers go on without the log' });
    return undefined;
  }
  const log = createQuestionLog({ storage, report: options.report, retentionDays: config.QUESTION_LOG_DAYS, logger });
  logger.info('question_log.started', { kind: storage.kind, retentionDays: config.QUESTION_LOG_DAYS });
  return { log, storage };
}
