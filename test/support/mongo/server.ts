/** Loopback TCP server speaking enough of the MongoDB wire protocol for mongoose and the driver. */
import net from 'node:net';
import { type Document } from 'bson';
import { createHandlers, MAX_MESSAGE_SIZE, type ConnectionInfo } from './commands';
import { CommandError, toCommandError } from './errors';
import { FailPoints } from './fail-points';
import { Store } from './store';
import { FrameReader, MORE_TO_COME, OP_MSG, OP_QUERY, encodeOpMsg, encodeOpReply, parseOpMsg, parseOpQuery } from './wire';
import { isPlainObject, type Doc } from './values';

export interface MongoTestServer {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

// Fields every command may carry that the in-memory store ignores.
const IGNORED = ['$db', 'lsid', 'txnNumber', '$clusterTime', 'readConcern', 'writeConcern', '$readPreference', 'apiVersion', 'apiStrict', 'apiDeprecationErrors', 'comment', 'maxTimeMS'];

/** Encodes a reply; a reply too large for BSON becomes an error reply instead of a dropped socket. */
function encodeReply(encode: (responseTo: number, doc: Document) => Buffer, responseTo: number, reply: Doc): Buffer {
  try {
    return encode(responseTo, reply as Document);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return encode(responseTo, new CommandError(10334, 'BSONObjectTooLarge', `reply could not be encoded: ${message}`).toDocument() as Document);
  }
}

function runCommand(handlers: ReturnType<typeof createHandlers>, failPoints: FailPoints, command: Doc, dbName: string, conn: ConnectionInfo): Doc {
  const name = Object.keys(command)[0];
  if (name === undefined) return new CommandError(59, 'CommandNotFound', 'no such command: empty command').toDocument();
  if (name === 'configureFailPoint') return configureFailPoint(failPoints, command, dbName);
  const failure = failPoints.check(name, `${dbName}.${String(command[name])}`, conn.appName);
  if (failure) return failure.toDocument();
  const handler = Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : undefined;
  if (!handler) return new CommandError(59, 'CommandNotFound', `no such command: '${name}'`).toDocument();
  if (command.startTransaction !== undefined || command.autocommit !== undefined || name === 'commitTransaction' || name === 'abortTransaction') {
    // Not IllegalOperation (20): the driver reads that on a write as "no retryable writes".
    return new CommandError(115, 'CommandNotSupported', 'multi-document transactions are not supported by the test server').toDocument();
  }
  const args: Doc = {};
  for (const [k, v] of Object.entries(command)) if (!IGNORED.includes(k)) args[k] = v;
  try {
    return handler(args, dbName, conn);
  } catch (err) {
    return toCommandError(err).toDocument();
  }
}

function configureFailPoint(failPoints: FailPoints, command: Doc, dbName: string): Doc {
  if (dbName !== 'admin') return new CommandError(13, 'Unauthorized', 'configureFailPoint may only be run against the admin database.').toDocument();
  try {
    return failPoints.configure(command);
  } catch (err) {
    return toCommandError(err).toDocument();
  }
}

export interface MongoTestServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The host name `hello` gives as this member's address (default: `host`, loopback for a
   * wildcard). Clients elsewhere (another container) need it, or `directConnection=true`. */
  advertisedHost?: string;
  /** Replica set name reported by `hello` (default rs0). */
  replicaSet?: string;
  /** How often TTL indexes are applied; MongoDB's TTL monitor runs every 60 s (the default). */
  ttlMonitorIntervalMs?: number;
  /** Order documents with equal sort keys, and unsorted results, randomly (MongoDB promises no
   * order there). Off by default; the jest suites turn it on so no test relies on insertion order. */
  randomTieOrder?: boolean;
}

export async function startMongoTestServer(opts: MongoTestServerOptions = {}): Promise<MongoTestServer> {
  const host = opts.host ?? '127.0.0.1';
  const store = new Store();
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const identity = { setName: opts.replicaSet ?? 'rs0', me: '', startedAt: Date.now(), connections: () => ({ current: sockets.size, totalCreated: connections }) };
  const handlers = createHandlers(store, identity, { randomTieOrder: opts.randomTieOrder === true });
  const failPoints = new FailPoints();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const conn: ConnectionInfo = { connectionId: ++connections };
    const reader = new FrameReader(MAX_MESSAGE_SIZE);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // The store is synchronous, so handling each frame as it arrives keeps pipelined replies in order.
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const msg of reader.push(chunk)) {
          if (msg.opCode === OP_MSG) {
            const parsed = parseOpMsg(msg);
            const db = typeof parsed.command.$db === 'string' ? parsed.command.$db : 'admin';
            const reply = runCommand(handlers, failPoints, parsed.command, db, conn);
            if (!(parsed.flags & MORE_TO_COME)) socket.write(encodeReply(encodeOpMsg, msg.requestId, reply));
          } else if (msg.opCode === OP_QUERY) {
            const parsed = parseOpQuery(msg);
            const db = parsed.collection.endsWith('.$cmd') ? parsed.collection.slice(0, -'.$cmd'.length) : 'admin';
            // Legacy drivers may wrap the command as { $query: {...}, $readPreference }.
            const command = isPlainObject(parsed.query.$query) ? parsed.query.$query : parsed.query;
            socket.write(encodeReply(encodeOpReply, msg.requestId, runCommand(handlers, failPoints, command, db, conn)));
          } else {
            socket.destroy(); // legacy CRUD opcodes are gone from MongoDB too
            return;
          }
        }
      } catch {
        socket.destroy(); // malformed frame: nothing sensible to reply to
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // The TTL monitor must not keep a process (jest, the dev CLI) alive on its own.
  const ttlTimer = setInterval(() => store.removeExpired(), opts.ttlMonitorIntervalMs ?? 60_000);
  ttlTimer.unref();
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const port = address.port;
  // A wildcard address cannot be dialled: advertise loopback instead.
  const advertised = opts.advertisedHost ?? (host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host);
  const uriHost = advertised.includes(':') ? `[${advertised}]` : advertised;
  identity.me = `${uriHost}:${port}`;

  return {
    // As production: the driver discovers the (one-member) replica set from `hello`.
    uri: `mongodb://${uriHost}:${port}/?replicaSet=${encodeURIComponent(identity.setName)}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(ttlTimer);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
