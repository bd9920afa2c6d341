import IORedis from 'ioredis';

/**
 * What a person starting Ripoti must fix, in one line instead of a stack trace: a service that does
 * not answer, named with its address (never its credentials) and the setting that points at it.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** The address part of a URL, without user name or password. */
export function safeAddress(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}

/** Pings Redis once with a short timeout; throws a StartupError that says what to do. */
export async function checkRedis(url: string, purpose = 'Ripoti needs it'): Promise<void> {
  const redis = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000, enableOfflineQueue: false });
  // connect() only says "Connection is closed"; the error event has the reason (ECONNREFUSED...).
  let cause: Error | undefined;
  redis.on('error', (e: Error) => (cause ??= e));
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    const reason = (cause ?? (err as Error)).message;
    throw new StartupError(`Redis is not answering at ${safeAddress(url)} (${reason}): ${purpose}. Start it (redis-server --save "" --appendonly no) or set REDIS_URL.`, { cause: err });
  } finally {
    redis.disconnect();
  }
}

/** Turns the driver's "server selection" failure into what to do; anything else is returned as is. */
export function explainStartupError(err: unknown, mongodbUri: string): unknown {
  const name = err instanceof Error ? err.name : '';
  if (/ServerSelectionError|MongoNetworkError|MongoNetworkTimeoutError/.test(name)) {
    const reason = (err as Error).message.split('\n')[0];
    return new StartupError(
      `MongoDB is not answering at ${safeAddress(mongodbUri)} (${reason}): start it or set MONGODB_URI. To try Ripoti without MongoDB or a bot token: npm run playground.`,
      { cause: err },
    );
  }
  return err;
}
