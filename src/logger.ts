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
      serializers: { err: (e: Error) => pino.stdSerializers.err(redactError(e)) },
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

function redactError(e: Error): Error {
  if (typeof e.message === 'string') e.message = redactToken(e.message);
  if (typeof e.stack === 'string') e.stack = redactToken(e.stack);
  return e;
}
