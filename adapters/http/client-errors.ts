import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../shared/logger.js';

const STATUS_BY_CODE: Record<string, number> = {
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_HEADER_OVERFLOW: 431,
};

/**
 * The server's `clientError` listener: a request Node's parser refused (malformed headers or
 * chunks) or one that ran out of time is the client's fault, so it is logged as a warning with its
 * code and no stack, and answered as Node would (400, 408 or 431) when nothing was written yet.
 * A client that simply went away (ECONNRESET) is not worth a line.
 */
export function onClientError(logger: Logger) {
  return (error: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }): void => {
    const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
    if (error.code !== 'ECONNRESET') logger.warn('http.client_error', { code: error.code ?? error.message, status });
    if (socket.writable && !socket.bytesWritten) socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  };
}
