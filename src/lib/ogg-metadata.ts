/**
 * A voice note's own tags: an Ogg Opus (RFC 7845) or Ogg Vorbis file carries a comment header
 * (OpusTags, or Vorbis' second header packet) that an app or a bot uploading the file can fill with
 * ARTIST, TITLE, the recorder's account name or where it was recorded. This rewrites that header
 * with no comments and an empty encoder name (an app can write a name there too), and keeps every
 * other page's bytes (the page numbers after it move, with their checksums, when the comments had
 * taken more pages than the header now does). A file it cannot walk page by page for certain (a
 * page cut short, a bad checksum, no end of stream, a second stream chained or multiplexed in, a
 * header sharing a page with sound, another codec) is null, not given out. Ogg framing: RFC 3533.
 * The sound itself is not read: an Opus packet's padding could hold bytes of an encoder's choosing,
 * as a video's frames can (see media-metadata.ts), but no recorder is known to write tags there.
 */

/** One page of the file: where it starts and ends, and what its header says. */
interface OggPage {
  start: number;
  end: number;
  flags: number;
  serial: number;
  seq: number;
  /** The segment table (lacing values), a view of the file. */
  lacing: Buffer;
  bodyStart: number;
}

const CONTINUED = 0x01;
const BOS = 0x02;
const EOS = 0x04;

/** CRC-32 as Ogg computes it: polynomial 0x04C11DB7, fed most significant bit first, initial value 0, no final xor. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    t[i] = r >>> 0;
  }
  return t;
})();

function oggCrc(data: Buffer, crc = 0): number {
  let c = crc;
  for (let i = 0; i < data.length; i++) c = ((c << 8) ^ CRC_TABLE[((c >>> 24) ^ data[i]) & 0xff]) >>> 0;
  return c;
}

/** The page's checksum over its header (with the checksum field as zeros) and its body. */
function pageCrc(head: Buffer, body: Buffer): number {
  const zeroed = Buffer.from(head);
  zeroed.writeUInt32LE(0, 22);
  return oggCrc(body, oggCrc(zeroed));
}

/**
 * Every page of a single logical stream, back to back to the file's end where its last page says
 * the stream ends (so a file cut between two pages is told too); null at anything else.
 */
function oggPages(b: Buffer): OggPage[] | null {
  const pages: OggPage[] = [];
  for (let at = 0; at < b.length; ) {
    if (at + 27 > b.length || b.toString('latin1', at, at + 4) !== 'OggS' || b[at + 4] !== 0) return null;
    const bodyStart = at + 27 + b[at + 26];
    if (bodyStart > b.length) return null;
    const lacing = b.subarray(at + 27, bodyStart);
    const end = bodyStart + lacing.reduce((n, v) => n + v, 0);
    if (end > b.length) return null;
    const page: OggPage = { start: at, end, flags: b[at + 5], serial: b.readUInt32LE(at + 14), seq: b.readUInt32LE(at + 18), lacing, bodyStart };
    const first = pages.length === 0;
    // One stream: begun on the first page only, one serial number, pages numbered from 0, nothing after its end.
    if (Boolean(page.flags & BOS) !== first || page.flags & ~(CONTINUED | BOS | EOS) || page.seq !== pages.length) return null;
    if (!first && (page.serial !== pages[0].serial || pages[pages.length - 1].flags & EOS)) return null;
    if (pageCrc(b.subarray(at, bodyStart), b.subarray(bodyStart, end)) !== b.readUInt32LE(at + 22)) return null;
    pages.push(page);
    at = end;
  }
  return pages.length && pages[pages.length - 1].flags & EOS ? pages : null;
}

/**
 * The stream's first `count` packets (its headers) and how many pages hold them; null unless the
 * first is alone on the first page and the last ends where its page ends (as both specifications
 * require), so that every later page is sound alone.
 */
function headerPackets(b: Buffer, pages: readonly OggPage[], count: number): { packets: Buffer[]; pagesUsed: number } | null {
  const packets: Buffer[] = [];
  let pieces: Buffer[] = [];
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p];
    if (Boolean(page.flags & CONTINUED) !== pieces.length > 0) return null;
    let at = page.bodyStart;
    for (let s = 0; s < page.lacing.length; s++) {
      if (packets.length === count) return null;
      const size = page.lacing[s];
      pieces.push(b.subarray(at, at + size));
      at += size;
      if (size < 255) {
        packets.push(Buffer.concat(pieces));
        pieces = [];
      }
    }
    if (p === 0 && (packets.length !== 1 || pieces.length)) return null;
    if (packets.length === count) return { packets, pagesUsed: p + 1 };
  }
  return null;
}

/**
 * A Vorbis comment list with no comments and an empty vendor (an app can write anything there, a
 * name included); null when it is not one. `at`: where the vendor's length is.
 */
function emptiedComments(packet: Buffer, at: number): Buffer | null {
  if (packet.length < at + 8) return null;
  const vendorLength = packet.readUInt32LE(at);
  if (packet.length < at + 8 + vendorLength) return null;
  return Buffer.concat([packet.subarray(0, at), Buffer.alloc(8)]);
}

/** The headers after the first, with their comments gone; null when the codec is neither Opus nor Vorbis or a header is not what it says. */
function cleanedHeaders(first: Buffer, rest: Buffer[]): Buffer[] | null {
  if (first.toString('latin1', 0, 8) === 'OpusHead') {
    if (first.length < 19 || rest.length !== 1 || rest[0].toString('latin1', 0, 8) !== 'OpusTags') return null;
    // Whatever follows the comments (padding, an app's binary data) goes with them.
    const tags = emptiedComments(rest[0], 8);
    return tags && [tags];
  }
  if (first.toString('latin1', 0, 7) === '\x01vorbis') {
    const [comments, setup] = rest;
    if (rest.length !== 2 || comments.toString('latin1', 0, 7) !== '\x03vorbis' || setup.toString('latin1', 0, 7) !== '\x05vorbis') return null;
    const emptied = emptiedComments(comments, 7);
    // Vorbis ends the comment header with a framing bit.
    return emptied && [Buffer.concat([emptied, Buffer.from([1])]), setup];
  }
  return null;
}

/** How many header packets the stream's codec has, from its first packet: Opus two, Vorbis three. */
function headerCount(b: Buffer, first: OggPage): number {
  const body = b.toString('latin1', first.bodyStart, first.bodyStart + 8);
  if (body === 'OpusHead') return 2;
  if (body.startsWith('\x01vorbis')) return 3;
  return 0;
}

/**
 * Packets laid on pages from `seq` on, granule position 0 where a packet ends and -1 where none
 * does (RFC 3533); `eos`: the last page ends the stream (a file of headers alone).
 */
function pagesOf(packets: readonly Buffer[], serial: number, seq: number, eos: boolean): [Buffer, Buffer][] {
  const segments: Buffer[] = [];
  for (const packet of packets) {
    for (let at = 0; at + 255 <= packet.length; at += 255) segments.push(packet.subarray(at, at + 255));
    segments.push(packet.subarray(packet.length - (packet.length % 255)));
  }
  const out: [Buffer, Buffer][] = [];
  for (let s = 0, n = seq; s < segments.length; s += 255, n++) {
    const mine = segments.slice(s, s + 255);
    const continued = s > 0 && segments[s - 1].length === 255;
    const ends = mine.some((m) => m.length < 255);
    const head = Buffer.alloc(27 + mine.length);
    head.write('OggS', 0, 'latin1');
    head[5] = (continued ? CONTINUED : 0) | (eos && s + 255 >= segments.length ? EOS : 0);
    if (!ends) head.fill(0xff, 6, 14);
    head.writeUInt32LE(serial, 14);
    head.writeUInt32LE(n, 18);
    head[26] = mine.length;
    mine.forEach((m, i) => (head[27 + i] = m.length));
    const body = Buffer.concat(mine);
    head.writeUInt32LE(pageCrc(head, body), 22);
    out.push([head, body]);
  }
  return out;
}

/** A page as it was, or renumbered (`shift` later or earlier) with its checksum made again; its body stays a view. */
function renumbered(b: Buffer, page: OggPage, shift: number): Buffer[] {
  if (shift === 0) return [b.subarray(page.start, page.end)];
  const head = Buffer.from(b.subarray(page.start, page.bodyStart));
  const body = b.subarray(page.bodyStart, page.end);
  head.writeUInt32LE(page.seq + shift, 18);
  head.writeUInt32LE(pageCrc(head, body), 22);
  return [head, body];
}

/** The Ogg Opus or Vorbis file without its comments, in pieces (views of the file where unchanged); null when it cannot be done for certain. */
export function oggWithoutMetadata(b: Buffer): Buffer[] | null {
  const pages = oggPages(b);
  if (!pages) return null;
  const count = headerCount(b, pages[0]);
  const headers = count ? headerPackets(b, pages, count) : null;
  if (!headers) return null;
  const [first, ...rest] = headers.packets;
  const cleaned = cleanedHeaders(first, rest);
  if (!cleaned) return null;
  const after = pages.slice(headers.pagesUsed);
  // The first page after the headers starts a packet of its own (the headers end with their page).
  if (after[0] && after[0].flags & CONTINUED) return null;
  const newPages = pagesOf(cleaned, pages[0].serial, 1, !after.length && Boolean(pages[headers.pagesUsed - 1].flags & EOS));
  const shift = 1 + newPages.length - headers.pagesUsed;
  return [b.subarray(pages[0].start, pages[0].end), ...newPages.flat(), ...after.flatMap((page) => renumbered(b, page, shift))];
}
