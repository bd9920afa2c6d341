import pino, { type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Structured logs carry report ids and references only. These paths are redacted as a second
 * line of defence in case someone logs a Telegram object or a request by mistake.
 */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'phone',
  '*.phone',
  'text',
  '*.text',
  'chatId',
  '*.chatId',
  'from',
  '*.from',
  'chat',
  '*.chat',
  'contact',
  '*.contact',
  'password',
  '*.password',
  'req.headers.cookie',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

/** Telegram's file URLs embed the bot token: never let one reach a log line. */
export function redactToken(s: string): string {
  return s.replace(/\/bot\d+:[A-Za-z0-9_-]+/g, '/bot<redacted>').replace(/\d{5,}:[A-Za-z0-9_-]{30,}/g, '<redacted>');
}

export function createLogger(opts: { level?: string; name?: string } = {}, destination?: DestinationStream): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      name: opts.name ?? 'ripoti',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          // Error messages from Telegraf include request URLs, which include the token.
          const safe = args.map((a) => (typeof a === 'string' ? redactToken(a) : a instanceof Error ? redactError(a) : a));
          return method.apply(this, safe as Parameters<typeof method>);
        },
      },
      serializers: { err: serializeError },
    },
    destination,
  );
}

/**
 * How every error is logged (`logger.warn({ err }, ...)`): name, message, stack, and the codes
 * that say what failed, with the bot token masked. Nothing else: a TelegramError carries the
 * whole request (`on.payload`: chat_id and the text sent, which can echo a reporter's words) and
 * pino's standard serializer would copy every such field into the log.
 */
export function serializeError(e: unknown): unknown {
  if (typeof e === 'string') return redactToken(e);
  // Not an Error (e.g. a description already made safe): logged as given, like pino's own serializer.
  if (!(e instanceof Error)) return e;
  // The class name, as pino's own serializer gives it (TelegramError leaves `name` as 'Error').
  const out: Record<string, unknown> = { type: e.constructor?.name || e.name, message: redactToken(String(e.message)) };
  const { code, codeName, on } = e as { code?: unknown; codeName?: unknown; on?: { method?: unknown } };
  if (typeof code === 'number' || typeof code === 'string') out.code = code;
  if (typeof codeName === 'string') out.codeName = codeName;
  if (typeof on?.method === 'string') out.method = on.method;
  if (e.stack) out.stack = redactToken(e.stack);
  return out;
}

function redactError(e: Error): Error {
  if (typeof e.message === 'string') e.message = redactToken(e.message);
  if (typeof e.stack === 'string') e.stack = redactToken(e.stack);
  return e;
}
