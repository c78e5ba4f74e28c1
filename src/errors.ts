/**
 * Typed errors. Every user-facing failure is a LeakError with a stable `code`;
 * the CLI and the Slack listener turn them into one-line replies in one place,
 * so no stack trace ever reaches a user.
 */
export type LeakErrorCode =
  | 'bad_config'
  | 'bad_argument'
  | 'unknown_command'
  | 'not_found'
  | 'bad_file'
  | 'conflict'
  /** The person or the surface may not do this (a terminal-only command in Slack, a change by someone not in LEAK_EDITORS). */
  | 'not_allowed';

export class LeakError extends Error {
  constructor(
    readonly code: LeakErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LeakError';
  }
}

export const isLeakError = (e: unknown): e is LeakError => e instanceof LeakError;

/** The one line a person sees for any error. Unexpected errors keep their message but lose the stack. */
export function describeError(e: unknown): string {
  if (isLeakError(e)) return e.message;
  if (e instanceof Error) return `Unexpected error: ${e.message}`;
  return `Unexpected error: ${String(e)}`;
}
