/**
 * A small loopback TCP proxy for fault tests: the app connects to it instead of the real server.
 * It can cut every open connection and refuse new ones (`cut()`), then accept them again
 * (`restore()`). For MongoDB it also understands the wire protocol's framing (each message starts
 * with its int32 length), so a test can cut at an exact moment: when a given command (e.g. an
 * `insert` into `reports`) reaches the proxy, either before it is forwarded (the server never sees
 * it) or after the server answered it (the write happened but the app never hears so).
 */
import { createServer, Socket, type Server } from 'node:net';
import { deserialize } from 'bson';

export type CutMoment = 'before-request' | 'before-reply';

export interface CommandMatch {
  /** First key of the command document, e.g. 'insert', 'update', 'findAndModify'. */
  command: string;
  /** The command's value, i.e. the collection name. */
  collection?: string;
  /** Which matching command to cut at (1 = the first one seen after arming). */
  nth?: number;
}

interface Armed {
  match: CommandMatch;
  moment: CutMoment;
  seen: number;
  resolve: () => void;
}

interface Pair {
  client: Socket;
  server: Socket;
  /** requestIDs of forwarded requests whose reply must trigger the cut. */
  cutOnReplyTo: Set<number>;
}

const OP_MSG = 2013;
const OP_QUERY = 2004;

/** The command name and its value of an OP_MSG (or legacy OP_QUERY) message, when it has one. */
export function describeMongoMessage(msg: Buffer): { requestId: number; command?: string; collection?: string } {
  const requestId = msg.readInt32LE(4);
  const opCode = msg.readInt32LE(12);
  try {
    let docStart: number;
    if (opCode === OP_MSG) {
      // header (16) + flagBits (4), then sections; kind 0 holds the command document.
      let off = 20;
      while (off < msg.length && msg[off] !== 0) off += 1 + msg.readInt32LE(off + 1);
      if (off >= msg.length) return { requestId };
      docStart = off + 1;
    } else if (opCode === OP_QUERY) {
      // header (16) + flags (4) + fullCollectionName (cstring) + skip (4) + return (4)
      const nameEnd = msg.indexOf(0, 20);
      docStart = nameEnd + 1 + 8;
    } else {
      return { requestId };
    }
    const size = msg.readInt32LE(docStart);
    const doc = deserialize(msg.subarray(docStart, docStart + size));
    const command = Object.keys(doc)[0];
    const value: unknown = command ? doc[command] : undefined;
    return { requestId, command, collection: typeof value === 'string' ? value : undefined };
  } catch {
    return { requestId };
  }
}

/** Splits a byte stream into length-prefixed wire messages. */
class Framer {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: Buffer[] = [];
    while (this.buf.length >= 4) {
      const len = this.buf.readInt32LE(0);
      if (len < 16 || this.buf.length < len) break;
      out.push(this.buf.subarray(0, len));
      this.buf = this.buf.subarray(len);
    }
    return out;
  }
}

export class TcpProxy {
  private readonly pairs = new Set<Pair>();
  private refusing = false;
  private armed: Armed | null = null;
  /** Settles the `cutAt(…, 'before-reply')` promise once the reply was swallowed. */
  private pendingReplyCut: (() => void) | null = null;
  /** Connections accepted so far (a reconnecting driver opens new ones). */
  accepted = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly target: { host: string; port: number },
  ) {}

  /** Listens on a free loopback port and forwards to `target`. */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const ref: { proxy?: TcpProxy } = {};
    const server = createServer((client) => ref.proxy?.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const addr = server.address();
    if (!addr || typeof addr !== 'object') throw new Error('proxy has no port');
    ref.proxy = new TcpProxy(server, addr.port, target);
    return ref.proxy;
  }

  get cutActive(): boolean {
    return this.refusing;
  }

  private accept(client: Socket): void {
    if (this.refusing) {
      client.resetAndDestroy();
      return;
    }
    this.accepted++;
    const server = new Socket();
    const pair: Pair = { client, server, cutOnReplyTo: new Set() };
    this.pairs.add(pair);
    const drop = () => {
      client.destroy();
      server.destroy();
      this.pairs.delete(pair);
    };
    client.on('error', drop);
    server.on('error', drop);
    client.on('close', drop);
    server.on('close', drop);
    client.pause();
    server.connect(this.target.port, this.target.host, () => client.resume());

    const fromClient = new Framer();
    client.on('data', (chunk: Buffer) => {
      for (const msg of fromClient.push(chunk)) {
        if (this.refusing) return;
        const armed = this.armed;
        if (armed) {
          const d = describeMongoMessage(msg);
          if (d.command === armed.match.command && (armed.match.collection === undefined || d.collection === armed.match.collection)) {
            armed.seen++;
            if (armed.seen >= (armed.match.nth ?? 1)) {
              this.armed = null;
              if (armed.moment === 'before-request') {
                this.cut();
                armed.resolve();
                return;
              }
              pair.cutOnReplyTo.add(d.requestId);
              this.pendingReplyCut = armed.resolve;
            }
          }
        }
        server.write(msg);
      }
    });
    const fromServer = new Framer();
    server.on('data', (chunk: Buffer) => {
      for (const msg of fromServer.push(chunk)) {
        if (this.refusing) return;
        const responseTo = msg.readInt32LE(8);
        if (pair.cutOnReplyTo.has(responseTo)) {
          // The server did the work; the client never hears the answer.
          this.cut();
          this.pendingReplyCut?.();
          this.pendingReplyCut = null;
          return;
        }
        client.write(msg);
      }
    });
  }

  /**
   * Cuts everything (and refuses new connections) at the moment the matching command passes:
   * resolves once the cut happened.
   */
  cutAt(match: CommandMatch, moment: CutMoment): Promise<void> {
    return new Promise<void>((resolve) => {
      this.armed = { match, moment, seen: 0, resolve };
    });
  }

  /** Drops every open connection at once and refuses new ones until `restore()`. */
  cut(): void {
    this.refusing = true;
    this.armed = null;
    for (const p of this.pairs) {
      p.client.resetAndDestroy();
      p.server.destroy();
    }
    this.pairs.clear();
  }

  /** Accepts connections again. */
  restore(): void {
    this.refusing = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** host:port of the first server in a mongodb:// URI (credentials and options ignored). */
export function mongoTarget(uri: string): { host: string; port: number } {
  const m = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri);
  if (!m) throw new Error(`cannot read a host from ${uri}`);
  const first = m[1].split(',')[0];
  const ipv6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(first);
  if (ipv6) return { host: ipv6[1], port: Number(ipv6[2] ?? 27017) };
  const [host, port] = first.split(':');
  return { host, port: Number(port ?? 27017) };
}

/** The same URI with another database name (path) and, optionally, another host. */
export function mongoUriWith(uri: string, opts: { dbName: string; hostPort?: string }): string {
  const m = /^(mongodb(?:\+srv)?:\/\/)((?:[^@/]*@)?)([^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!m) throw new Error(`cannot parse ${uri}`);
  const [, scheme, creds, hosts, query] = m;
  if (!opts.hostPort) return `${scheme}${creds}${hosts}/${opts.dbName}${query ?? ''}`;
  // Through a proxy there is one server: talk to it directly, without replica-set discovery.
  const params = new URLSearchParams((query ?? '').replace(/^\?/, ''));
  params.delete('replicaSet');
  params.set('directConnection', 'true');
  return `mongodb://${creds}${opts.hostPort}/${opts.dbName}?${params.toString()}`;
}
