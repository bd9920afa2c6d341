import { redactToken } from '../logger';

/**
 * An error as it may be logged. A TelegramError carries the whole request (`on.payload`: chat_id
 * and the text being sent, which can echo the reporter's own words), and pino would serialise it;
 * so only the name, code, method, message and stack are kept.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const out: Record<string, unknown> = { type: err.name, message: redactToken(err.message) };
  const { code, on } = err as { code?: unknown; on?: { method?: unknown } };
  if (typeof code === 'number' || typeof code === 'string') out.code = code;
  if (typeof on?.method === 'string') out.method = on.method;
  if (err.stack) out.stack = redactToken(err.stack);
  return out;
}
