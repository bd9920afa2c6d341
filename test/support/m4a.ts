/**
 * M4A files built by hand for tests (ISO/IEC 14496-12 boxes): sound tracks whose chunk offset
 * points into 'mdat', and the tags a recorder or music app writes: iTunes items naming the artist
 * and the place, QuickTime's '©xyz' (where it was recorded), XMP in a 'uuid' box, a top-level
 * 'meta', a 'free' box an editor left old tags in, a handler and a sample entry's box named after
 * the owner, and the day it was recorded.
 */
const text = (s: string) => Buffer.from(s, 'utf8');

export const u32 = (...n: number[]) =>
  Buffer.concat(
    n.map((v) => {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(v >>> 0);
      return b;
    }),
  );

/** A box with a 32-bit size, or (`wide`) size 1 and a 64-bit one. */
export function box(type: string, parts: Buffer[], wide = false): Buffer {
  const body = Buffer.concat(parts);
  if (!wide) return Buffer.concat([u32(body.length + 8), text(type), body]);
  const large = Buffer.alloc(8);
  large.writeBigUInt64BE(BigInt(body.length + 16));
  return Buffer.concat([u32(1), text(type), large, body]);
}
/** A full box: version, flags 0. */
const full = (type: string, version: number, parts: Buffer[]) => box(type, [Buffer.from([version, 0, 0, 0]), ...parts]);

/** 2025-11-28 (seconds since 1904), as a phone stamps a recording. */
const RECORDED = 3_847_000_000;
const TIMES = u32(RECORDED, RECORDED + 60);

export interface M4aOptions {
  /** Who recorded it (the artist, the handler's name, XMP's creator) and where (the title). */
  name: string;
  place: string;
  sound: Buffer;
  brands?: string;
  /** Each track's media handler: 'soun' for sound, 'vide' for a video, 'text' for chapters. */
  handlers?: string[];
  wideMdat?: boolean;
  wideUdta?: boolean;
}

/** One track of the given handler, its only chunk at `offset`. */
function trak(o: M4aOptions, offset: number, handler: string): Buffer {
  const stsd = full('stsd', 0, [u32(1), box('mp4a', [Buffer.alloc(6), Buffer.from([0, 1]), Buffer.alloc(8), Buffer.from([0, 2, 0, 16, 0, 0, 0, 0]), u32(44100 << 16), full('esds', 0, [Buffer.alloc(30, 0x33)]), box('note', [text(o.name)])])]);
  const stbl = box('stbl', [stsd, full('stts', 0, [u32(1, 10, 1024)]), full('stsc', 0, [u32(1, 1, 10, 1)]), full('stsz', 0, [u32(0, 10), Buffer.alloc(40, 0x44)]), full('stco', 0, [u32(1, offset)])]);
  const minf = box('minf', [full('smhd', 0, [Buffer.alloc(4)]), box('dinf', [full('dref', 0, [u32(1), box('url ', [u32(1)])])]), stbl]);
  const mdhd = full('mdhd', 0, [TIMES, u32(44100, 441000), Buffer.from([0x55, 0xc4, 0, 0])]);
  const tkhd = full('tkhd', 0, [TIMES, u32(1, 0, 441000), Buffer.alloc(60, 0x22)]);
  return box('trak', [tkhd, box('mdia', [mdhd, hdlr(handler, `Recorder of ${o.name}\0`), minf]), box('udta', [meta(o)])]);
}
const hdlr = (type: string, name: string) => full('hdlr', 0, [u32(0), text(type), Buffer.alloc(12), text(name)]);
const ilst = (o: M4aOptions) => box('ilst', [box('\u00a9ART', [box('data', [u32(1, 0), text(o.name)])]), box('\u00a9nam', [box('data', [u32(1, 0), text(`At ${o.place}`)])])]);
const meta = (o: M4aOptions) => full('meta', 0, [hdlr('mdir', ''), ilst(o)]);

/** ftyp, moov (tracks, iTunes tags, the place in 'udta'), XMP in 'uuid', a top-level 'meta', a 'free' with old tags, then 'mdat'. */
export function m4aRecording(o: M4aOptions): Buffer {
  const ftyp = box('ftyp', [text(o.brands ?? 'M4A \0\0\0\0M4A mp42isom')]);
  const udta = box('udta', [box('\u00a9xyz', [Buffer.from([0, 17, 0x15, 0xc7]), text('-01.2219+036.8965')]), meta(o)], o.wideUdta);
  const mvhd = full('mvhd', 0, [TIMES, u32(44100, 441000), Buffer.alloc(80, 0x11)]);
  const rest = (offset: number) => [
    box('moov', [mvhd, ...(o.handlers ?? ['soun']).map((h) => trak(o, offset, h)), udta]),
    box('uuid', [Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex'), text(`<dc:creator>${o.name}</dc:creator>`)]),
    full('meta', 0, [ilst(o)]),
    box('free', [text(`old tags: ${o.name}`)]),
  ];
  const offset = Buffer.concat([ftyp, ...rest(0)]).length + (o.wideMdat ? 16 : 8);
  return Buffer.concat([ftyp, ...rest(offset), box('mdat', [o.sound], o.wideMdat)]);
}
