import qrcodeTerminal from 'qrcode-terminal';
import { qrcodeValueToImageUrl, types, type Wechaty } from 'wechaty';
import type { Logger } from '../shared/logger.js';

/** Where the login QR code is drawn; standard error by default, so standard output stays clean. */
export type QrPrinter = (qrcode: string) => void;

export const printQrToStderr: QrPrinter = (qrcode) => {
  qrcodeTerminal.generate(qrcode, { small: true }, (drawn) => process.stderr.write(`${drawn}\n`));
};

/**
 * Logs the account's life: the QR code to scan (drawn in the terminal, and its image URL logged for
 * a terminal that cannot draw it), login, logout and errors. Why log logout loudly: a logged-out
 * bot is silent, and the operator has to scan again.
 */
export function logLifecycle(bot: Wechaty, logger: Logger, printQr: QrPrinter): void {
  bot.on('scan', (qrcode, status) => {
    const waiting = status === types.ScanStatus.Waiting || status === types.ScanStatus.Timeout;
    if (waiting && qrcode) {
      printQr(qrcode);
      logger.info('wechat.scan', { status: types.ScanStatus[status], url: qrcodeValueToImageUrl(qrcode), hint: 'scan the QR code with the WeChat app of the bot account' });
    } else {
      logger.info('wechat.scan', { status: types.ScanStatus[status] });
    }
  });
  bot.on('login', (user) => logger.info('wechat.login', { user: user.name(), id: user.id }));
  bot.on('logout', (user, reason) =>
    logger.warn('wechat.logout', { user: user.name(), id: user.id, reason, hint: 'the bot no longer receives messages; restart it and scan the QR code again' }),
  );
  bot.on('error', (error) => logger.error('wechat.error', { error }));
}
