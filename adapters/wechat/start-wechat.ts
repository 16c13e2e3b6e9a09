import type { QuestionLog } from '../storage/index.js';
import type { Engine } from '../../src/engine/index.js';
import { AdapterError } from '../../src/errors.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../shared/logger.js';
import type { ConversingEngine, SharedState } from '../shared/state/index.js';
import type { ChannelStatusReporter } from '../shared/service-status.js';
import { createWechatBot, type PuppetInstance } from './create-bot.js';

export interface StartWechatOptions {
  engine: ConversingEngine & Pick<Engine, 'warmUp'>;
  config: Config;
  logger: Logger;
  /** Conversations, flood windows and seen message ids; in memory by default. */
  state?: SharedState;
  /** Logs each question answered (QUESTION_LOG). */
  questionLog?: QuestionLog | undefined;
  /** Told `running` on login (`starting` while the QR code waits), `stopped` on logout and on stop, for /readyz. */
  status?: ChannelStatusReporter;
  /** A ready puppet instead of the package WECHATY_PUPPET names, for tests with a PuppetMock. */
  puppet?: PuppetInstance;
}

/** A running WeChat bot; `stop` ends the session without logging the account out. */
export interface RunningWechat {
  stop(): Promise<void>;
}

/**
 * Starts the WeChat bot on the puppet named by WECHATY_PUPPET and resolves once the puppet runs
 * (login follows when the QR code is scanned, or at once from a saved session). `stop` calls
 * `bot.stop()`, never `logout()`: a logout would force a new QR scan, and some accounts are
 * rate-limited on new logins. The caller owns SIGINT/SIGTERM and calls `stop` from them.
 */
export async function startWechat(options: StartWechatOptions): Promise<RunningWechat> {
  const { config, logger } = options;
  // Builds the traditional-Chinese converter now, not on the first traditional question.
  options.engine.warmUp();
  const bot = createWechatBot({ engine: options.engine, config, logger, ...(options.state ? { state: options.state } : {}), ...(options.puppet ? { puppet: options.puppet } : {}), questionLog: options.questionLog });
  const report: ChannelStatusReporter['report'] = (...args) => options.status?.report(...args);
  bot.on('login', () => report('wechat', 'running'));
  bot.on('logout', () => report('wechat', 'stopped', 'logged_out'));
  try {
    await bot.start();
  } catch (cause) {
    const puppet = config.WECHATY_PUPPET ?? '';
    throw new AdapterError('wechat', `the bot could not start on puppet ${puppet}: ${(cause as Error)?.message ?? cause}. Is it installed (npm install ${puppet})? See adapters/wechat/README.md`, { cause });
  }
  logger.info('wechat.started', { puppet: config.WECHATY_PUPPET, name: config.WECHATY_NAME });
  if (bot.isLoggedIn) report('wechat', 'running');
  else report('wechat', 'starting', 'waiting_for_login');
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= bot.stop().then(() => {
        report('wechat', 'stopped', 'shutdown');
        logger.info('wechat.stopped', {});
      });
      return stopping;
    },
  };
}
