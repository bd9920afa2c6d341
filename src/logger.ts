import pino, { type Logger, type DestinationStream } from 'pino';
import type PinoPretty from 'pino-pretty';

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
  // Loaded here, not at the top: production never prints to a terminal, and the bot's memory
  // budget is tight (pino-pretty and its colour and date modules are about 1 MB of heap).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require('pino-pretty') as typeof PinoPretty;
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
  const type = err.constructor.name || err.name;
  const scrubbed = withoutValues(err);
  const out: Record<string, unknown> = { type, message: redactToken(scrubbed ?? err.message) };
  const { code, on } = err as { code?: unknown; on?: { method?: unknown } };
  if (typeof code === 'number' || typeof code === 'string') out.code = code;
  if (typeof on?.method === 'string') out.method = on.method;
  // The stack's first lines repeat the message: only its frames follow the scrubbed one.
  if (err.stack) out.stack = redactToken(scrubbed === undefined ? err.stack : [`${type}: ${scrubbed}`, ...err.stack.split('\n').filter((l) => /^\s+at /.test(l))].join('\n'));
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

/**
 * The message of an error that echoes the values it refused, without them: mongoose's validation
 * and cast errors quote what was being stored (a reporter's words, a place), and a duplicate key
 * quotes the key (a reporter's keyed hash). Which path or index failed, and how, is kept.
 */
function withoutValues(err: Error): string | undefined {
  const e = err as Error & { errors?: Record<string, { kind?: unknown }>; _message?: unknown; kind?: unknown; path?: unknown; code?: unknown };
  if (err.name === 'ValidationError' && e.errors && typeof e.errors === 'object') {
    const paths = Object.entries(e.errors).map(([path, v]) => `${path} (${typeof v?.kind === 'string' ? v.kind : 'invalid'})`);
    return `${typeof e._message === 'string' ? e._message : 'Validation failed'}: ${paths.join(', ')}`;
  }
  if ((err.name === 'CastError' || err.name === 'ValidatorError') && typeof e.path === 'string') return `${err.name}: ${String(e.kind)} at path "${e.path}"`;
  if (e.code === 11000 || err.message.includes('E11000')) return err.message.replace(/dup key: [\s\S]*/, 'dup key: <redacted>');
  return undefined;
}

function redactError(e: Error): Error {
  if (typeof e.message === 'string') e.message = redactToken(e.message);
  if (typeof e.stack === 'string') e.stack = redactToken(e.stack);
  return e;
}
