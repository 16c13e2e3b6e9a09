/**
 * The WeChat adapter (wechaty 1.x): WeChat messages in, the engine's cited answers out as plain text.
 * `startWechat` is what `npm start` calls when WECHATY_PUPPET is set; `createWechatBot` is the same
 * bot unstarted, for tests with a PuppetMock.
 */
export { createWechatBot, type WechatBotOptions, type PuppetInstance } from './create-bot.js';
export { startWechat, type StartWechatOptions, type RunningWechat } from './start-wechat.js';
export { renderAnswer, renderCitation } from './render-text.js';
export { splitMessage, MAX_MESSAGE_LENGTH } from './split-message.js';
export { STALE_GRACE_MS, type Handled } from './handle-message.js';
export type { Clock, Sleep } from './pacer.js';
