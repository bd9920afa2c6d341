/** Raw-socket checks of framing: legacy OP_QUERY handshake, split frames, pipelining, document sequences. */
import net from 'node:net';
import { deserialize, serialize, type Document } from 'bson';

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

interface Reply {
  responseTo: number;
  opCode: number;
  doc: Document;
}

function target(): { host: string; port: number } {
  const url = new URL(process.env.MONGODB_URI ?? '');
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 27017) };
}

function frame(requestId: number, opCode: number, body: Buffer): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(16 + body.length, 0);
  h.writeInt32LE(requestId, 4);
  h.writeInt32LE(0, 8);
  h.writeInt32LE(opCode, 12);
  return Buffer.concat([h, body]);
}

function opMsg(requestId: number, body: Document, sequence?: { id: string; docs: Document[] }): Buffer {
  const parts = [Buffer.alloc(4), Buffer.from([0]), serialize(body)];
  if (sequence) {
    const docs = Buffer.concat(sequence.docs.map((d) => serialize(d)));
    const name = Buffer.from(`${sequence.id}\0`);
    const size = Buffer.alloc(4);
    size.writeInt32LE(4 + name.length + docs.length, 0);
    parts.push(Buffer.from([1]), size, name, docs);
  }
  return frame(requestId, OP_MSG, Buffer.concat(parts));
}

function opQuery(requestId: number, ns: string, query: Document): Buffer {
  const flags = Buffer.alloc(4);
  const skipReturn = Buffer.alloc(8);
  skipReturn.writeInt32LE(-1, 4);
  return frame(requestId, OP_QUERY, Buffer.concat([flags, Buffer.from(`${ns}\0`), skipReturn, serialize(query)]));
}

/** Opens a socket and resolves replies as whole frames arrive. */
async function connect(): Promise<{ send(buf: Buffer): void; next(): Promise<Reply>; close(): void }> {
  const { host, port } = target();
  const socket = net.connect(port, host);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let pending = Buffer.alloc(0);
  const replies: Reply[] = [];
  const waiters: ((r: Reply) => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
      const len = pending.readInt32LE(0);
      const f = pending.subarray(0, len);
      pending = pending.subarray(len);
      const opCode = f.readInt32LE(12);
      const docStart = opCode === OP_REPLY ? 16 + 20 : 16 + 5;
      const reply = { responseTo: f.readInt32LE(8), opCode, doc: deserialize(f.subarray(docStart)) };
      const w = waiters.shift();
      if (w) w(reply);
      else replies.push(reply);
    }
  });
  return {
    send: (buf) => socket.write(buf),
    next: () => {
      const r = replies.shift();
      return r ? Promise.resolve(r) : new Promise<Reply>((resolve) => waiters.push(resolve));
    },
    close: () => socket.destroy(),
  };
}

describe('wire protocol', () => {
  const db = `test_wire_${process.pid}`;

  afterAll(async () => {
    const c = await connect();
    c.send(opMsg(1, { dropDatabase: 1, $db: db }));
    await c.next();
    c.close();
  });

  it('answers a legacy OP_QUERY isMaster with OP_REPLY, even when sent byte by byte', async () => {
    const c = await connect();
    try {
      const msg = opQuery(77, 'admin.$cmd', { isMaster: 1 });
      for (const byte of msg) c.send(Buffer.from([byte]));
      const reply = await c.next();
      expect(reply.opCode).toBe(OP_REPLY);
      expect(reply.responseTo).toBe(77);
      expect(reply.doc).toMatchObject({ ok: 1, ismaster: true });
    } finally {
      c.close();
    }
  });

  it('answers pipelined OP_MSG requests in order, even when coalesced in one write', async () => {
    const c = await connect();
    try {
      c.send(Buffer.concat([opMsg(11, { ping: 1, $db: 'admin' }), opMsg(12, { hello: 1, $db: 'admin' }), opMsg(13, { ping: 1, $db: 'admin' })]));
      const replies = [await c.next(), await c.next(), await c.next()];
      expect(replies.map((r) => r.responseTo)).toEqual([11, 12, 13]);
      expect(replies.every((r) => r.opCode === OP_MSG && r.doc.ok === 1)).toBe(true);
      expect(replies[1].doc.isWritablePrimary).toBe(true);
    } finally {
      c.close();
    }
  });

  it('accepts document sequences (kind 1 sections) for insert', async () => {
    const c = await connect();
    try {
      c.send(opMsg(21, { insert: 'seq', $db: db }, { id: 'documents', docs: [{ _id: 1 }, { _id: 2 }, { _id: 3 }] }));
      expect((await c.next()).doc).toMatchObject({ ok: 1, n: 3 });
      c.send(opMsg(22, { find: 'seq', filter: {}, sort: { _id: -1 }, $db: db }));
      const found = await c.next();
      expect((found.doc.cursor as { firstBatch: Document[] }).firstBatch).toEqual([{ _id: 3 }, { _id: 2 }, { _id: 1 }]);
    } finally {
      c.close();
    }
  });
});
