// Expected failures cross IPC as values, never as thrown errors (STYLE.md).

export const errorCodes = [
  'invalid-input',
  'unknown-channel',
  'forbidden-sender',
  'not-found',
  'bad-url',
  'unreachable',
  'tls',
  'key-rejected',
  'not-placet',
  'rate-limited',
  'server-error',
  'keychain-unavailable',
  'unsafe-url',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  /** Readable, specific, and free of keys, tokens and stack traces. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const okResult = <T>(value: T): Result<T> => ({ ok: true, value });
export const errResult = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** An error that a handler throws on purpose; the dispatcher turns it into a Result. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
