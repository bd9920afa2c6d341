import pino, { type Logger, type DestinationStream } from 'pino';
import pretty from 'pino-pretty';

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
  'victim',
  '*.victim',
  'perpetrator',
  '*.perpetrator',
  // A whole Telegram update logged by mistake: its message's words and sender are two levels down.
  '*.*.text',
  '*.*.caption',
  '*.*.from',
  '*.*.chat',
  '*.*.contact',
  'caption',
  '*.caption',
  'location',
  '*.location',
  '*.*.location',
  'username',
  '*.username',
  'first_name',
  '*.first_name',
  'last_name',
  '*.last_name',
  'req.headers.cookie',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

/** An update's id and kind: what its message said, who sent it and from where stay out of logs. */
function updateOnly(u: unknown): { update_id?: unknown; type?: string } {
  if (!u || typeof u !== 'object') return {};
  const { update_id: id, ...rest } = u as Record<string, unknown>;
  return { update_id: id, type: Object.keys(rest)[0] };
}

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
      // A Telegram update or a bot context logged whole is reduced to what names it, never what it carries.
      serializers: { err: serializeError, update: updateOnly, ctx: (c: { update?: unknown }) => ({ update: updateOnly(c?.update) }) },
    },
    destination ?? terminalStream(),
  );
}

/**
 * A person running Ripoti in a terminal reads lines; production (Docker, systemd, any pipe) keeps
 * JSON for the log collector. Synchronous, so the last line before an exit is not lost.
 */
function terminalStream(): DestinationStream | undefined {
  if (!process.stdout.isTTY || process.env.NODE_ENV === 'production') return undefined;
  return pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss', singleLine: true, ignore: 'pid,hostname,name' });
}

/**
 * An error as it is logged, wherever it comes from (log it as `{ err }`). Only what says what
 * failed is kept: a TelegramError carries the whole request (`on.payload`: chat_id and the text
 * being sent, which can echo a reporter's own words), and a validation error can carry the
 * offending values. So: type, message, code, the Bot API method, stack and cause, with the bot
 * token redacted.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (typeof err === 'string') return redactToken(err);
  if (!(err instanceof Error)) return { type: typeof err };
  // The class name, as pino's own serializer gives it (TelegramError does not set `name`).
  const out: Record<string, unknown> = { type: err.constructor.name || err.name, message: redactToken(err.message) };
  const { code, on } = err as { code?: unknown; on?: { method?: unknown } };
  if (typeof code === 'number' || typeof code === 'string') out.code = code;
  if (typeof on?.method === 'string') out.method = on.method;
  if (err.stack) out.stack = redactToken(err.stack);
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

function redactError(e: Error): Error {
  if (typeof e.message === 'string') e.message = redactToken(e.message);
  if (typeof e.stack === 'string') e.stack = redactToken(e.stack);
  return e;
}
