import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, UserFromGetMe } from 'telegraf/types';

/** One Bot API call as the stand-in received it, and the status it answered. */
export interface ApiCall {
  seq: number;
  method: string;
  token: string;
  payload: Record<string, unknown>;
  status: number;
}

/** What the stand-in answers to one call; `undefined` from `respond` means the default answer. */
export interface ApiResponse {
  status: number;
  body: unknown;
  /** Hold the answer this long, to keep a call in flight; Infinity: never answer (until the caller gives up). */
  delayMs?: number;
}

export interface FakeBotApiOptions {
  token: string;
  me: UserFromGetMe;
  /** Overrides per call: `nth` counts calls of that method, from 1. */
  respond?: (call: Omit<ApiCall, 'status'>, nth: number) => ApiResponse | undefined;
  /** How long an empty getUpdates is held open before answering [] (Telegram holds up to `timeout` s). */
  holdMs?: number;
}

const ok = (result: unknown): ApiResponse => ({ status: 200, body: { ok: true, result } });
export const apiError = (status: number, description: string, parameters?: Record<string, unknown>): ApiResponse => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

interface Waiter {
  check(): void;
}

/**
 * A stand-in for the Telegram Bot API on 127.0.0.1 (port 0), so the real telegraf client runs end
 * to end with no network: it serves getMe and getUpdates (from a queue, holding empty polls like a
 * real long poll), records every call, and answers the rest with plausible results or whatever a
 * test's `respond` says (a 429, a 409).
 */
export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  /** Methods in the order their requests arrived (a call is in `calls` only once answered). */
  readonly received: string[] = [];
  /** Every request as it arrived, answered or not. */
  readonly requests: Omit<ApiCall, 'status'>[] = [];
  #server: Server;
  #options: FakeBotApiOptions;
  #queue: Update[] = [];
  #polls = new Set<() => void>();
  #waiters = new Set<Waiter>();
  #counts = new Map<string, number>();
  #messageId = 1000;
  #seq = 0;

  private constructor(server: Server, options: FakeBotApiOptions) {
    this.#server = server;
    this.#options = options;
  }

  static async start(options: FakeBotApiOptions): Promise<FakeBotApi> {
    const server = createServer();
    const api = new FakeBotApi(server, options);
    server.on('request', (req, res) => void api.#handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  /** The apiRoot to give telegraf. */
  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Updates the next getUpdates will return (a waiting long poll gets them at once). */
  queueUpdates(...updates: Update[]): void {
    this.#queue.push(...updates);
    for (const wake of this.#polls) wake();
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.received.length = 0;
    this.requests.length = 0;
    this.#counts.clear();
  }

  /** Resolves once `done(calls)` holds; rejects after `timeoutMs` with what was seen, so no test hangs. */
  waitFor(done: (calls: ApiCall[]) => boolean, timeoutMs = 8000, what = 'expected Bot API calls'): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          if (!done(this.calls)) return;
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}; calls: ${this.calls.map((c) => `${c.method}(${c.status})`).join(', ')}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
      waiter.check();
    });
  }

  async close(): Promise<void> {
    for (const wake of this.#polls) wake();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const text = Buffer.concat(chunks).toString('utf8');
    const payload = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    const token = match?.[1] ?? '';
    const method = match?.[2] ?? '';
    const nth = (this.#counts.get(method) ?? 0) + 1;
    this.#counts.set(method, nth);
    const call = { seq: ++this.#seq, method, token, payload };
    this.received.push(method);
    this.requests.push(call);
    for (const waiter of [...this.#waiters]) waiter.check();
    let response: ApiResponse;
    if (!match) response = apiError(404, 'Not Found');
    else if (token !== this.#options.token) response = apiError(401, 'Unauthorized');
    else response = this.#options.respond?.(call, nth) ?? (await this.#default(method, payload, res));
    if (response.delayMs === Infinity) await new Promise((resolve) => res.once('close', resolve));
    else if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    if (res.destroyed) return;
    this.calls.push({ ...call, status: response.status });
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(response.body));
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  async #default(method: string, payload: Record<string, unknown>, res: ServerResponse): Promise<ApiResponse> {
    switch (method) {
      case 'getMe':
        return ok(this.#options.me);
      case 'getUpdates':
        return ok(await this.#updates(payload, res));
      case 'sendMessage':
        return ok({
          message_id: ++this.#messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: payload['chat_id'], type: Number(payload['chat_id']) < 0 ? 'supergroup' : 'private' },
          from: this.#options.me,
          text: payload['text'],
        });
      case 'answerCallbackQuery':
      case 'answerInlineQuery':
      case 'setMyCommands':
      case 'deleteWebhook':
      case 'setWebhook':
        return ok(true);
      default:
        return apiError(404, `Not Found: the stand-in does not serve ${method}`);
    }
  }

  async #updates(payload: Record<string, unknown>, res: ServerResponse): Promise<Update[]> {
    const offset = Number(payload['offset'] ?? 0);
    const limit = Number(payload['limit'] ?? 100);
    this.#queue = this.#queue.filter((u) => u.update_id >= offset);
    const timeoutMs = Math.min(Number(payload['timeout'] ?? 0) * 1000, this.#options.holdMs ?? 250);
    if (this.#queue.length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.#polls.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeoutMs);
        this.#polls.add(wake);
        res.once('close', wake);
      });
    }
    return this.#queue.slice(0, limit);
  }
}
