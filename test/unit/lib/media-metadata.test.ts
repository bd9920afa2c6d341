/**
 * Files sent "as a file" carry what the phone wrote into them (the place, the time, the device).
 * For a reporter who did not agree to share who they are, the evidence archive sends them without
 * it, or not at all.
 */
import { Readable } from 'node:stream';
import { isAudioFile, isPictureFile, readWhole, withoutMetadata } from '../../../src/lib/media-metadata';

const text = (s: string) => Buffer.from(s, 'latin1');
/** The place as a phone writes it (ISO 6709 in a video, decimal degrees in a photo's EXIF), and its name. */
const PLACE = '+01.2921+036.8219+1700.000/';
const DEVICE = 'Galaxy A14 of Wanjiru';
const leaks = (b: Buffer) => [PLACE, DEVICE, '01.2921', 'Wanjiru'].filter((s) => b.includes(text(s)));
const cleanOf = (file: Buffer) => {
  const r = withoutMetadata(Buffer.from(file));
  if (!r.ok) throw new Error('withheld');
  return Buffer.concat(r.parts);
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
    // The same picture: JFIF, the orientation alone, tables, the coded scan and the end.
    const orientation = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 34]), text('Exif\0\0'), Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0])]);
    expect(out).toEqual(Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, orientation, tables, scan, eoi]));
  });

  it('drops the thumbnail JFIF may carry (an editor can leave one of the uncropped picture) and what follows Adobe\'s twelve bytes', () => {
    const thumb = Buffer.alloc(2 * 2 * 3, 0x99);
    const withThumb = seg(0xe0, Buffer.concat([text('JFIF\0\x01\x02\x01\0\x48\0\x48\x02\x02'), thumb]));
    const adobe = seg(0xee, Buffer.concat([text('Adobe\0\x64\0\0\0\0\x01'), text(DEVICE)]));
    const out = cleanOf(Buffer.concat([Buffer.from([0xff, 0xd8]), withThumb, adobe, tables, scan, eoi]));
    expect(out.includes(thumb)).toBe(false);
    expect(leaks(out)).toEqual([]);
    expect(out.subarray(2, 2 + 18)).toEqual(seg(0xe0, text('JFIF\0\x01\x02\x01\0\x48\0\x48\0\0')));
    expect(out.subarray(20, 20 + 16)).toEqual(seg(0xee, text('Adobe\0\x64\0\0\0\0\x01')));
  });

  it('is not given out when it is not a JPEG its markers can walk (no end, a broken segment)', () => {
    expect(withoutMetadata(Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, tables, scan]))).toEqual({ ok: false });
    expect(withoutMetadata(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), exif()]))).toEqual({ ok: false });
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
    // A picture appended after the end the header gives is no part of it.
    const out = cleanOf(Buffer.concat([riff, chunk('VP8 ', text(`${PLACE} ${DEVICE} `))]));
    expect(leaks(out)).toEqual([]);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect(out.subarray(12, 12 + 18)).toEqual(chunk('VP8X', Buffer.from([0, 0, 0, 0, 9, 0, 0, 9, 0, 0])));
    expect(out.subarray(30)).toEqual(picture);
    // An animated one is not given: its frames may hold chunks of their own.
    const animated = Buffer.concat([text('RIFF'), Buffer.alloc(4), text('WEBP'), vp8x, chunk('ANIM', Buffer.alloc(6)), chunk('ANMF', Buffer.concat([Buffer.alloc(16), picture]))]);
    animated.writeUInt32LE(animated.length - 8, 4);
    expect(withoutMetadata(animated)).toEqual({ ok: false });
  });
});

describe('a video', () => {
  it('is not given out: a dashcam keeps its GPS among the frames\' data, a camcorder inside the video stream', () => {
    const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 20]), text('ftypmp42\0\0\0\0isom')]);
    expect(withoutMetadata(Buffer.concat([ftyp, Buffer.alloc(100)]))).toEqual({ ok: false });
    expect(withoutMetadata(Buffer.concat([Buffer.from([0, 0, 0, 20]), text('ftypqt  \0\0\0\0qt  '), Buffer.alloc(100)]))).toEqual({ ok: false });
  });
});

describe('everything else', () => {
  it('gives out no PDF, music file or Ogg file it cannot walk page by page (voice notes: ogg-metadata.test.ts)', () => {
    expect(withoutMetadata(Buffer.concat([text('OggS\0\x02'), Buffer.alloc(100, 1)]))).toEqual({ ok: false });
    expect(withoutMetadata(text(`%PDF-1.7 /Author (${DEVICE})`))).toEqual({ ok: false });
    expect(withoutMetadata(text(`ID3\x04 ${DEVICE}`))).toEqual({ ok: false });
  });

  it('reads a file whole, but not past the limit', async () => {
    const signal = new AbortController().signal;
    expect(await readWhole(Readable.from([Buffer.alloc(6), Buffer.alloc(4)]), 10, signal)).toEqual(Buffer.alloc(10));
    expect(await readWhole(Readable.from([Buffer.alloc(6), Buffer.alloc(5)]), 10, signal)).toBeNull();
  });
});

describe('a picture told by its bytes', () => {
  it('knows JPEG, PNG, WebP, GIF, TIFF and HEIC/AVIF by their first bytes; not a video in the same container, a PDF or a voice note', () => {
    const box = (brands: string) => {
      const b = Buffer.concat([Buffer.alloc(4), text(`ftyp${brands}`)]);
      b.writeUInt32BE(b.length, 0);
      return Buffer.concat([b, Buffer.alloc(40)]);
    };
    for (const head of ['\xff\xd8\xff\xe1', '\x89PNG\r\n\x1a\n', 'RIFF\0\0\0\0WEBPVP8 ', 'GIF89a', 'II*\0', 'MM\0*']) expect(isPictureFile(Buffer.concat([text(head), Buffer.alloc(20)]))).toBe(true);
    // An iPhone's HEIC (major brand), HEIF named by a compatible brand only, AVIF.
    expect(isPictureFile(box('heic\0\0\0\0mif1heic'))).toBe(true);
    expect(isPictureFile(box('mp42\0\0\0\0mif1'))).toBe(true);
    expect(isPictureFile(box('avif\0\0\0\0avifmif1'))).toBe(true);
    expect(isPictureFile(box('isom\0\0\0\0isomiso2mp41'))).toBe(false);
    expect(isPictureFile(box('qt  \0\0\0\0qt  '))).toBe(false);
    expect(isPictureFile(text(`%PDF-1.7 /Author (${DEVICE})`))).toBe(false);
    expect(isPictureFile(text('OggS\0\x02'))).toBe(false);
    expect(isPictureFile(Buffer.alloc(0))).toBe(false);
  });
});

describe('a recording told by its bytes', () => {
  it('knows Ogg, MP3 (ID3 or a frame), AAC, M4A, FLAC, WAV and AMR; not a picture, a video or a PDF', () => {
    const box = (brands: string) => {
      const b = Buffer.concat([Buffer.alloc(4), text(`ftyp${brands}`)]);
      b.writeUInt32BE(b.length, 0);
      return Buffer.concat([b, Buffer.alloc(40)]);
    };
    for (const head of ['OggS\0\x02', 'ID3\x03\0', '\xff\xfb\x90\x64', '\xff\xf1\x50\x80', 'fLaC\0', 'RIFF\0\0\0\0WAVEfmt ', '#!AMR\n']) expect([head, isAudioFile(Buffer.concat([text(head), Buffer.alloc(20)]))]).toEqual([head, true]);
    // An iPhone's voice memo (major brand), an M4A named by a compatible brand only.
    expect(isAudioFile(box('M4A \0\0\0\0M4A isom'))).toBe(true);
    expect(isAudioFile(box('mp42\0\0\0\0M4A '))).toBe(true);
    expect(isAudioFile(box('isom\0\0\0\0isomiso2mp41'))).toBe(false);
    expect(isAudioFile(box('heic\0\0\0\0mif1heic'))).toBe(false);
    for (const head of ['\xff\xd8\xff\xe1', '\x89PNG\r\n\x1a\n', 'RIFF\0\0\0\0WEBPVP8 ', '%PDF-1.7']) expect([head, isAudioFile(Buffer.concat([text(head), Buffer.alloc(20)]))]).toEqual([head, false]);
    expect(isAudioFile(Buffer.alloc(0))).toBe(false);
  });
});
