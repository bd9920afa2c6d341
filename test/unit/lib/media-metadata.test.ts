/**
 * Files sent "as a file" carry what the phone wrote into them (the place, the time, the device).
 * For a reporter who did not agree to share who they are, the evidence archive sends them without
 * it, or not at all.
 */
import { Readable } from 'node:stream';
import { readWhole, withoutMetadata } from '../../../src/lib/media-metadata';

const text = (s: string) => Buffer.from(s, 'latin1');
/** The place as a phone writes it (ISO 6709 in a video, decimal degrees in a photo's EXIF), and its name. */
const PLACE = '+01.2921+036.8219+1700.000/';
const DEVICE = 'Galaxy A14 of Wanjiru';
const leaks = (b: Buffer) => [PLACE, DEVICE, '01.2921', 'Wanjiru'].filter((s) => b.includes(text(s)));
const cleanOf = (file: Buffer, kind = 'document') => {
  const r = withoutMetadata(Buffer.from(file), kind);
  if (!r.ok) throw new Error('withheld');
  return r.data;
};

describe('a photo (JPEG)', () => {
  const seg = (marker: number, body: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  /** EXIF in the Motorola byte order: orientation 6 (held upright), then the GPS and the device in a text. */
  const exif = () => {
    const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
    return seg(0xe1, Buffer.concat([text('Exif\0\0'), tiff, text(`GPS ${PLACE} ${DEVICE}`)]));
  };
  const jfif = seg(0xe0, text('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'));
  const tables = Buffer.concat([seg(0xdb, Buffer.alloc(65, 1)), seg(0xc0, Buffer.alloc(15, 2)), seg(0xc4, Buffer.alloc(30, 3))]);
  // The coded picture holds 0xFF only stuffed (0xFF00) or as a restart marker (0xFFD0).
  const scan = Buffer.concat([seg(0xda, Buffer.alloc(10, 4)), Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]), Buffer.alloc(300, 0x55)]);
  const eoi = Buffer.from([0xff, 0xd9]);

  it('keeps the picture and the way it is held, and drops EXIF, XMP, comments and what follows its end', () => {
    const xmp = seg(0xe1, text(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${DEVICE}</x:xmpmeta>`));
    const comment = seg(0xfe, text(`taken by ${DEVICE}`));
    // A "motion photo": a video with its own place after the picture's end.
    const trailer = text(`ftypmp42 moov udta ${PLACE}`);
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, exif(), xmp, comment, tables, scan, eoi, trailer]);
    const out = cleanOf(photo);
    expect(leaks(out)).toEqual([]);
    expect(out.includes(text('ns.adobe.com'))).toBe(false);
    // The same picture: JFIF, tables, the coded scan and the end, in order, after the orientation alone.
    const orientation = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 34]), text('Exif\0\0'), Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0])]);
    expect(out).toEqual(Buffer.concat([Buffer.from([0xff, 0xd8]), orientation, jfif, tables, scan, eoi]));
  });

  it('is not given out when it is not a JPEG its markers can walk (no end, a broken segment)', () => {
    expect(withoutMetadata(Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, tables, scan]), 'document')).toEqual({ ok: false });
    expect(withoutMetadata(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), exif()]), 'document')).toEqual({ ok: false });
  });
});

describe('a PNG and a WebP', () => {
  const pngChunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, text(type), data, Buffer.alloc(4, 7)]);
  };
  it('keeps a PNG\'s picture chunks and drops its text, EXIF and time', () => {
    const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const picture = [pngChunk('IHDR', Buffer.alloc(13, 1)), pngChunk('IDAT', Buffer.alloc(200, 2))];
    const png = Buffer.concat([head, picture[0], pngChunk('eXIf', text(`MM ${PLACE}`)), pngChunk('tEXt', text(`Author\0${DEVICE}`)), pngChunk('tIME', Buffer.alloc(7)), picture[1], pngChunk('IEND', Buffer.alloc(0))]);
    const out = cleanOf(png);
    expect(leaks(out)).toEqual([]);
    expect(out).toEqual(Buffer.concat([head, ...picture, pngChunk('IEND', Buffer.alloc(0))]));
  });

  it('keeps a WebP\'s picture, drops its EXIF and XMP (after the picture too) and no longer announces them', () => {
    const chunk = (type: string, data: Buffer) => {
      const size = Buffer.alloc(4);
      size.writeUInt32LE(data.length);
      return Buffer.concat([text(type), size, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const vp8x = chunk('VP8X', Buffer.from([0x0c, 0, 0, 0, 9, 0, 0, 9, 0, 0]));
    const picture = chunk('VP8 ', Buffer.alloc(301, 3));
    const body = Buffer.concat([vp8x, picture, chunk('EXIF', text(`MM ${PLACE}`)), chunk('XMP ', text(`<x:xmpmeta>${DEVICE}</x:xmpmeta>`))]);
    const riff = Buffer.concat([text('RIFF'), Buffer.alloc(4), text('WEBP'), body]);
    riff.writeUInt32LE(riff.length - 8, 4);
    const out = cleanOf(riff);
    expect(leaks(out)).toEqual([]);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect(out.subarray(12, 12 + 18)).toEqual(chunk('VP8X', Buffer.from([0, 0, 0, 0, 9, 0, 0, 9, 0, 0])));
    expect(out.subarray(30)).toEqual(picture);
  });
});

describe('a video (MP4, QuickTime)', () => {
  const box = (type: string, ...body: Buffer[]) => {
    const content = Buffer.concat(body);
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + content.length);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, content]);
  };
  const u32 = (...ns: number[]) => Buffer.concat(ns.map((n) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; }));
  /** Version 0 header: flags, then the creation and modification times (2026-08-09, seconds since 1904). */
  const MADE = 3_837_600_000;
  const timed = (type: string, rest: number) => box(type, u32(0, MADE, MADE), Buffer.alloc(rest, 1));
  const track = (handler: string, offset: number, sizes: number[]) =>
    box('trak', timed('tkhd', 72), box('mdia', timed('mdhd', 12), box('hdlr', u32(0, 0), text(handler), Buffer.alloc(13)), box('minf', box('stbl',
      box('stsd', u32(0, 0)),
      box('stsc', u32(0, 1, 1, sizes.length, 1)),
      box('stsz', u32(0, 0, sizes.length, ...sizes)),
      box('stco', u32(0, 1, offset)),
    ))));

  /** ftyp, then the media (picture frames, then the GPS samples of a metadata track), then the movie. */
  function video(brand = 'mp42'): { file: Buffer; frames: Buffer } {
    const ftyp = box('ftyp', text(brand), Buffer.alloc(4), text('isom'));
    const frames = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7) % 251));
    const gps = text(`${PLACE}${PLACE}`);
    const mdat = box('mdat', frames, gps);
    const at = ftyp.length + 8;
    const moov = box('moov', timed('mvhd', 88), track('vide', at, [1000, 1000]), track('meta', at + frames.length, [PLACE.length, PLACE.length]), box('udta', box('\xa9xyz', text(PLACE))), box('meta', text(`com.apple.quicktime.model ${DEVICE}`)));
    return { file: Buffer.concat([ftyp, mdat, moov, box('uuid', Buffer.alloc(16, 9), text(`<x:xmpmeta>${DEVICE}</x:xmpmeta>`)), box('gps ', text(PLACE))]), frames };
  }

  it('blanks the place, the device, XMP, the times it was made and a GPS track, and moves nothing', () => {
    const { file, frames } = video();
    const out = cleanOf(file, 'video');
    expect(out.length).toBe(file.length);
    expect(leaks(out)).toEqual([]);
    // The frames are where they were, byte for byte: the video's offsets still point at them.
    expect(out.indexOf(frames)).toBe(file.indexOf(frames));
    const made = u32(MADE);
    expect(file.includes(made)).toBe(true);
    expect(out.includes(made)).toBe(false);
    // What plays it is still there; a metadata box is free space of the same size.
    for (const kept of ['mvhd', 'tkhd', 'mdhd', 'stbl', 'stco', 'vide']) expect(out.indexOf(text(kept))).toBe(file.indexOf(text(kept)));
    const udta = file.indexOf(text('udta'));
    expect(out.toString('latin1', udta, udta + 4)).toBe('free');
    expect(out.readUInt32BE(udta - 4)).toBe(file.readUInt32BE(udta - 4));
  });

  it('is not given out when it is an iPhone photo (HEIC), a fragmented movie, or boxes that do not add up', () => {
    expect(withoutMetadata(video('heic').file, 'document')).toEqual({ ok: false });
    expect(withoutMetadata(video('mif1').file, 'document')).toEqual({ ok: false });
    const { file } = video();
    expect(withoutMetadata(Buffer.concat([file, box('moof', Buffer.alloc(8))]), 'video')).toEqual({ ok: false });
    expect(withoutMetadata(file.subarray(0, file.length - 5), 'video')).toEqual({ ok: false });
  });
});

describe('everything else', () => {
  it('keeps a voice note as Telegram recorded it, and gives out no PDF, music file or other Ogg file', () => {
    const ogg = Buffer.concat([text('OggS\0\x02'), Buffer.alloc(100, 1)]);
    expect(withoutMetadata(ogg, 'voice')).toEqual({ ok: true, data: ogg, cleaned: false });
    expect(withoutMetadata(ogg, 'audio')).toEqual({ ok: false });
    expect(withoutMetadata(text(`%PDF-1.7 /Author (${DEVICE})`), 'document')).toEqual({ ok: false });
    expect(withoutMetadata(text(`ID3\x04 ${DEVICE}`), 'audio')).toEqual({ ok: false });
  });

  it('reads a file whole, but not past the limit', async () => {
    const signal = new AbortController().signal;
    expect(await readWhole(Readable.from([Buffer.alloc(6), Buffer.alloc(4)]), 10, signal)).toEqual(Buffer.alloc(10));
    expect(await readWhole(Readable.from([Buffer.alloc(6), Buffer.alloc(5)]), 10, signal)).toBeNull();
  });
});
