/** A command failure that is reported to the client as { ok: 0, errmsg, code, codeName, ...extra }. */
export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toDocument(): Record<string, unknown> {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }

  /** The shape MongoDB uses inside writeErrors[]. */
  toWriteError(index: number): Record<string, unknown> {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

export const badValue = (msg: string): CommandError => new CommandError(2, 'BadValue', msg);
export const namespaceNotFound = (msg: string): CommandError => new CommandError(26, 'NamespaceNotFound', msg);

/** Wraps errors thrown by mingo (bad operators etc.) so they surface as command errors, not crashes. */
export function toCommandError(err: unknown): CommandError {
  if (err instanceof CommandError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new CommandError(2, 'BadValue', message);
}
