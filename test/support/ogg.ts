/**
 * Ogg files built by hand for tests (RFC 3533 framing; Ogg Opus: RFC 7845): pages with their
 * checksums, comment lists, and a voice note whose comments name who recorded it and where.
 */
const text = (s: string) => Buffer.from(s, 'utf8');

/** The page checksum as RFC 3533 gives it: CRC-32, polynomial 0x04C11DB7, most significant bit first, initial 0, no final xor. */
export function crc(data: Buffer): number {
  let c = 0;
  for (let i = 0; i < data.length; i++) {
    c ^= data[i] << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
  }
  return c >>> 0;
}

/** A packet's lacing values: 255 for each full segment, then the rest (0 when the length is a multiple of 255). */
export const lacingOf = (length: number) => [...Array<number>(Math.floor(length / 255)).fill(255), length % 255];

export function page(o: { flags?: number; granule?: bigint; serial?: number; seq: number; lacing: number[]; body: Buffer }): Buffer {
  if (o.lacing.length > 255) throw new Error('a page holds 255 lacing values at most: use headerPages');
  const head = Buffer.alloc(27 + o.lacing.length);
  head.write('OggS', 0, 'latin1');
  head[5] = o.flags ?? 0;
  head.writeBigInt64LE(o.granule ?? 0n, 6);
  head.writeUInt32LE(o.serial ?? 0x5eed, 14);
  head.writeUInt32LE(o.seq, 18);
  head[26] = o.lacing.length;
  o.lacing.forEach((v, i) => (head[27 + i] = v));
  const whole = Buffer.concat([head, o.body]);
  whole.writeUInt32LE(crc(whole), 22);
  return whole;
}

/** A comment list: vendor, then the comments, as Vorbis and Opus write it (little-endian lengths). */
export function commentList(vendor: string, comments: string[]): Buffer {
  const str = (s: string) => {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(Buffer.byteLength(s));
    return Buffer.concat([len, text(s)]);
  };
  const count = Buffer.alloc(4);
  count.writeUInt32LE(comments.length);
  return Buffer.concat([str(vendor), count, ...comments.map(str)]);
}

export const opusHead = Buffer.concat([text('OpusHead'), Buffer.from([1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0])]);
export const opusTags = (comments: string[], vendor = 'libopus 1.4') => Buffer.concat([text('OpusTags'), commentList(vendor, comments)]);

/** An Ogg Opus voice note: its head, its comments on one page, then `sound` (packets) on one page that ends the stream. */
export function opusVoiceNote(comments: string[], sound: Buffer[] = [Buffer.alloc(120, 0xa1), Buffer.alloc(300, 0xa2)]): Buffer {
  const tags = opusTags(comments);
  return Buffer.concat([
    page({ seq: 0, flags: 0x02, lacing: [opusHead.length], body: opusHead }),
    page({ seq: 1, lacing: lacingOf(tags.length), body: tags }),
    page({ seq: 2, flags: 0x04, granule: 960n * BigInt(sound.length), lacing: sound.flatMap((p) => lacingOf(p.length)), body: Buffer.concat(sound) }),
  ]);
}

/** Header packets laid on pages from `seq` on, 255 lacing values at most a page: granule position -1 on a page where none ends, else 0. */
export function headerPages(packets: Buffer[], seq: number): Buffer[] {
  const lacing = packets.flatMap((p) => lacingOf(p.length));
  const body = Buffer.concat(packets);
  const pages: Buffer[] = [];
  for (let i = 0, at = 0; i < lacing.length; i += 255) {
    const mine = lacing.slice(i, i + 255);
    const length = mine.reduce((n, v) => n + v, 0);
    const continued = i > 0 && lacing[i - 1] === 255;
    pages.push(page({ seq: seq + pages.length, flags: continued ? 1 : 0, granule: mine.some((v) => v < 255) ? 0n : -1n, lacing: mine, body: body.subarray(at, at + length) }));
    at += length;
  }
  return pages;
}
