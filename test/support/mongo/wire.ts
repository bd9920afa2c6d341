/** MongoDB wire protocol framing: OP_MSG (2013), legacy OP_QUERY (2004) in, OP_REPLY (1) out. */
import { deserialize as bsonDeserialize, serialize, type Document } from 'bson';
import { fromWire } from './numbers';

// Numbers keep their BSON type: see numbers.ts.
const deserialize = (buf: Buffer): Document => fromWire(bsonDeserialize(buf, { promoteValues: false })) as Document;

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

const CHECKSUM_PRESENT = 1;
export const MORE_TO_COME = 2;

export interface RawMessage {
  requestId: number;
  responseTo: number;
  opCode: number;
  body: Buffer; // everything after the 16-byte header
}

export interface ParsedMsg {
  kind: 'msg';
  requestId: number;
  flags: number;
  /** Body (kind 0) merged with document sequences (kind 1) as arrays under their identifiers. */
  command: Document;
}

export interface ParsedQuery {
  kind: 'query';
  requestId: number;
  collection: string; // e.g. "admin.$cmd"
  query: Document;
}

/** Accumulates TCP chunks and yields whole messages; handles partial frames and coalesced ones. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxMessageSize: number) {}

  push(chunk: Buffer): RawMessage[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: RawMessage[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const head = this.peek(4);
      const length = head.readInt32LE(0);
      if (length < 16 || length > this.maxMessageSize) throw new Error(`invalid message length ${length}`);
      if (this.buffered < length) break;
      const frame = this.take(length);
      out.push({
        requestId: frame.readInt32LE(4),
        responseTo: frame.readInt32LE(8),
        opCode: frame.readInt32LE(12),
        body: frame.subarray(16),
      });
    }
    return out;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length >= n) return this.chunks[0];
    this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0];
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const frame = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return frame;
  }
}

function readCString(buf: Buffer, offset: number): [string, number] {
  const end = buf.indexOf(0, offset);
  if (end < 0) throw new Error('unterminated cstring');
  return [buf.toString('utf8', offset, end), end + 1];
}

export function parseOpMsg(msg: RawMessage): ParsedMsg {
  const body = msg.body;
  const flags = body.readUInt32LE(0);
  const end = flags & CHECKSUM_PRESENT ? body.length - 4 : body.length;
  let offset = 4;
  let command: Document | undefined;
  const sequences: Record<string, Document[]> = {};
  while (offset < end) {
    const kind = body[offset];
    offset += 1;
    if (kind === 0) {
      const size = body.readInt32LE(offset);
      command = deserialize(body.subarray(offset, offset + size));
      offset += size;
    } else if (kind === 1) {
      const size = body.readInt32LE(offset);
      const sectionEnd = offset + size;
      const [identifier, docStart] = readCString(body, offset + 4);
      const docs: Document[] = [];
      let p = docStart;
      while (p < sectionEnd) {
        const docSize = body.readInt32LE(p);
        docs.push(deserialize(body.subarray(p, p + docSize)));
        p += docSize;
      }
      sequences[identifier] = docs;
      offset = sectionEnd;
    } else {
      throw new Error(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!command) throw new Error('OP_MSG without a body section');
  for (const [key, docs] of Object.entries(sequences)) command[key] = docs;
  return { kind: 'msg', requestId: msg.requestId, flags, command };
}

export function parseOpQuery(msg: RawMessage): ParsedQuery {
  const body = msg.body;
  const [collection, afterName] = readCString(body, 4);
  const docStart = afterName + 8; // numberToSkip, numberToReturn
  const size = body.readInt32LE(docStart);
  const query = deserialize(body.subarray(docStart, docStart + size));
  return { kind: 'query', requestId: msg.requestId, collection, query };
}

let nextResponseId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(nextResponseId++ & 0x7fffffff, 4);
  h.writeInt32LE(responseTo, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export function encodeOpMsg(responseTo: number, doc: Document): Buffer {
  const bson = serialize(doc);
  const prefix = Buffer.alloc(5); // flagBits (0) + section kind 0
  return Buffer.concat([header(16 + 5 + bson.length, responseTo, OP_MSG), prefix, bson]);
}

export function encodeOpReply(responseTo: number, doc: Document): Buffer {
  const bson = serialize(doc);
  const fixed = Buffer.alloc(20); // responseFlags, cursorID (int64), startingFrom, numberReturned
  fixed.writeInt32LE(1, 16);
  return Buffer.concat([header(16 + 20 + bson.length, responseTo, OP_REPLY), fixed, bson]);
}
