import { connect, type Socket } from 'node:net';

/** One HTTP response as read off the wire. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** How a raw connection ended: `clean` is a FIN from the server, no reset or other error. */
export interface Ending {
  clean: boolean;
  error?: string;
}

/**
 * A raw TCP connection to the server, for what fetch cannot do: send half a request, hold a socket
 * idle, or see exactly how the server closes it.
 */
export interface RawConnection {
  socket: Socket;
  send(text: string): void;
  /** The next complete response (headers, then Content-Length bytes); 1xx responses are returned too. */
  response(): Promise<RawResponse>;
  /** Settles when the server has closed the connection. */
  ended: Promise<Ending>;
}

function parse(buffer: string): { response: RawResponse; rest: string } | undefined {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = buffer.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const status = Number(statusLine.split(' ')[1]);
  const length = status < 200 ? 0 : Number(headers['content-length'] ?? 0);
  // The buffer holds bytes as latin1 characters, so lengths are byte counts; the body is UTF-8.
  const bytes = Buffer.from(buffer.slice(end + 4), 'latin1');
  if (bytes.length < length) return undefined;
  return { response: { status, headers, body: bytes.subarray(0, length).toString('utf8') }, rest: bytes.subarray(length).toString('latin1') };
}

/** Opens a connection to `url`'s host and port; resolves once connected. */
export function openRaw(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let buffer = '';
    const waiting: ((r: RawResponse) => void)[] = [];
    const ready: RawResponse[] = [];
    const drain = () => {
      for (let parsed = parse(buffer); parsed; parsed = parse(buffer)) {
        buffer = parsed.rest;
        const next = waiting.shift();
        if (next) next(parsed.response);
        else ready.push(parsed.response);
      }
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      drain();
    });
    let error: string | undefined;
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    const ended = new Promise<Ending>((done) => socket.on('close', () => done(error ? { clean: false, error } : { clean: true })));
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve({
        socket,
        send: (text) => void socket.write(Buffer.from(text, 'utf8')),
        response: () => new Promise((done) => (ready.length > 0 ? done(ready.shift() as RawResponse) : waiting.push(done))),
        ended,
      });
    });
  });
}

/** A complete keep-alive request line and headers, with an optional JSON body. */
export function request(method: string, path: string, body?: string, extra: Record<string, string> = {}): string {
  const headers = { Host: '127.0.0.1', Connection: 'keep-alive', ...(body !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {}), ...extra };
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body ?? ''}`;
}
