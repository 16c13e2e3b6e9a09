/**
 * Storage: the question log and the feedback on its answers, behind one small port with SQLite
 * (the embedded default) and PostgreSQL (DATABASE_URL) drivers, versioned migrations applied at start.
 */
export { openStorage, storageSecrets, type StorageConfig } from './open-storage.js';
export { createQuestionLog, MAX_COMMENT_CHARS, type AskedQuestion, type GivenFeedback, type QuestionLog, type QuestionLogOptions } from './question-log.js';
export { startQuestionLog, type QuestionLogConfig, type RunningQuestionLog } from './start-question-log.js';
export * from './types.js';
