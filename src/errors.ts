/** Stable codes callers can switch on; messages are for people and may change. */
export type ErrorCode = 'KNOWLEDGE_INVALID' | 'KNOWLEDGE_UNREADABLE' | 'CONFIG_INVALID' | 'ADAPTER_FAILED' | 'INGEST_REFUSED';

/** The root of every error this project throws on purpose, so callers can tell ours from bugs. */
export class GongkaiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A knowledge file is missing, unreadable or fails validation: start-up must stop. */
export class KnowledgeLoadError extends GongkaiError {
  readonly file: string;
  readonly issues: string[];
  constructor(file: string, issues: string[], options?: { cause?: unknown; unreadable?: boolean }) {
    const code = options?.unreadable ? 'KNOWLEDGE_UNREADABLE' : 'KNOWLEDGE_INVALID';
    super(code, `Knowledge file ${file} ${options?.unreadable ? 'cannot be read' : 'is invalid'}:\n  ${issues.join('\n  ')}`, options);
    this.file = file;
    this.issues = issues;
  }
}

/** An environment variable has a value the program cannot use. */
export class ConfigError extends GongkaiError {
  readonly variable: string;
  constructor(variable: string, expected: string) {
    super('CONFIG_INVALID', `${variable}: ${expected}`);
    this.variable = variable;
  }
}

/** A platform adapter (Telegram, WeChat, HTTP) failed in a way its caller must handle. */
export class AdapterError extends GongkaiError {
  readonly adapter: string;
  constructor(adapter: string, message: string, options?: { cause?: unknown }) {
    super('ADAPTER_FAILED', `[${adapter}] ${message}`, options);
    this.adapter = adapter;
  }
}
