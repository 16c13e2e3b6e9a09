/** One structured log line per event, on standard error so standard output stays for replies. */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  level?: Level;
  /** Strings that must never reach a log (tokens); each is replaced by [redacted]. */
  secrets?: (string | undefined)[];
  write?: (line: string) => void;
  clock?: () => number;
}

function plain(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
  return value;
}

/** A JSON-lines logger: a few lines of ours beat a dependency for this. Secrets are scrubbed. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const min = ORDER[options.level ?? 'info'];
  const secrets = (options.secrets ?? []).filter((s): s is string => !!s && s.length >= 6);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? Date.now;
  const log = (level: Level) => (event: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < min) return;
    const entry = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, plain(v)]));
    let line = JSON.stringify({ time: new Date(clock()).toISOString(), level, event, ...entry });
    for (const secret of secrets) line = line.split(secret).join('[redacted]');
    write(line);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything, for tests that assert behaviour, not logs. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
