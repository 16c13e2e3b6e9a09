/**
 * The Telegram adapter's face: build the bot (for tests and custom wiring) or start it (for
 * `npm start`). Everything else in this folder is a helper with one job.
 */
export { createTelegramBot, ALLOWED_UPDATES, TELEGRAM_TIMING, type TelegramBotOptions, type TelegramTiming } from './create-bot.js';
export { startTelegram, STOP_WAIT_MS, type StartTelegramOptions, type TelegramHandle } from './start-telegram.js';
export { renderAnswer, answerBlocks } from './render-html.js';
export { splitMessage, splitSentences, TELEGRAM_TEXT_LIMIT } from './split-message.js';
export { escapeHtml } from './escape-html.js';
export { webhookPath, webhookSecret } from './webhook.js';
