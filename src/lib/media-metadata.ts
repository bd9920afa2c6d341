import { Readable } from 'node:stream';
import { isoVideoWithoutMetadata } from './iso-video';

/**
 * What a phone writes into a file besides the picture or the sound: where it was taken (GPS), when,
 * the device, sometimes the owner's name; a JPEG may even carry a second picture or a video after
 * its end. A file sent "as a file" reaches Telegram as the phone had it. `withoutMetadata` keeps
 * only what shows the picture or plays the video, from an allow-list of the formats' own parts
 * (so what is unknown goes too); a file it cannot read that way is not given out at all.
 */
export type Cleaned = { ok: true; data: Buffer; cleaned: boolean } | { ok: false };

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function withoutMetadata(file: Buffer, kind: string): Cleaned {
  const done = (data: Buffer | null): Cleaned => (data ? { ok: true, data, cleaned: true } : { ok: false });
  if (file.subarray(0, 3).equals(JPEG)) return done(jpegWithoutMetadata(file));
  if (file.subarray(0, 8).equals(PNG)) return done(pngWithoutMetadata(file));
  if (file.toString('latin1', 0, 4) === 'RIFF' && file.toString('latin1', 8, 12) === 'WEBP') return done(webpWithoutMetadata(file));
  if (file.toString('latin1', 4, 8) === 'ftyp') return done(isoVideoWithoutMetadata(file));
  // Telegram's own recording: Opus with its encoder's name, nothing of the phone.
  if (kind === 'voice' && file.toString('latin1', 0, 4) === 'OggS') return { ok: true, data: file, cleaned: false };
  return { ok: false };
}

/** Markers of a JPEG's picture: frames, tables, restart interval, scans. */
const JPEG_PICTURE = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xdb, 0xdd, 0xda]);

/** A JPEG segment kept: the picture's own, JFIF, the colour profile and Adobe's colour transform (never EXIF, XMP, IPTC or comments). */
function keepJpegSegment(marker: number, body: Buffer): boolean {
  if (JPEG_PICTURE.has(marker)) return true;
  if (marker === 0xe0) return body.toString('latin1', 0, 4) === 'JFIF';
  if (marker === 0xe2) return body.toString('latin1', 0, 12) === 'ICC_PROFILE\0';
  return marker === 0xee && body.toString('latin1', 0, 5) === 'Adobe';
}

/** The JPEG's segments that show the picture, up to its end marker; null when it is not one. */
function jpegWithoutMetadata(b: Buffer): Buffer | null {
  const out: Buffer[] = [b.subarray(0, 2)];
  const orientation = jpegOrientation(b);
  // The way the phone was held, alone, so the picture is not shown on its side.
  if (orientation) out.push(orientationSegment(orientation));
  let at = 2;
  while (at + 2 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    // Whatever follows the end (a maker's trailer, a "motion photo" video) is not part of the picture.
    if (marker === 0xd9) return Buffer.concat([...out, b.subarray(at, at + 2)]);
    if (at + 4 > b.length) return null;
    const end = at + 2 + b.readUInt16BE(at + 2);
    if (end < at + 4 || end > b.length) return null;
    if (keepJpegSegment(marker, b.subarray(at + 4, end))) out.push(b.subarray(at, end));
    at = end;
    if (marker === 0xda) {
      const scanEnd = nextJpegMarker(b, at);
      if (scanEnd < 0) return null;
      out.push(b.subarray(at, scanEnd));
      at = scanEnd;
    }
  }
  return null;
}

/** Where a scan's coded data ends: the next marker that is neither a stuffed 0xFF nor a restart marker. */
function nextJpegMarker(b: Buffer, from: number): number {
  for (let i = b.indexOf(0xff, from); i >= 0 && i + 1 < b.length; i = b.indexOf(0xff, i + 1)) {
    const next = b[i + 1];
    if (next !== 0x00 && next !== 0xff && (next < 0xd0 || next > 0xd7)) return i;
  }
  return -1;
}

/** The EXIF orientation (1-8) of a JPEG, if its first EXIF block gives one. */
function jpegOrientation(b: Buffer): number | undefined {
  const app1 = b.indexOf(Buffer.from('Exif\0\0', 'latin1'));
  if (app1 < 6 || b[app1 - 4] !== 0xff || b[app1 - 3] !== 0xe1) return undefined;
  const tiff = app1 + 6;
  if (tiff + 8 > b.length) return undefined;
  const le = b.toString('latin1', tiff, tiff + 2) === 'II';
  const u16 = (at: number) => (at + 2 <= b.length ? (le ? b.readUInt16LE(at) : b.readUInt16BE(at)) : -1);
  const ifd = tiff + (le ? b.readUInt32LE(tiff + 4) : b.readUInt32BE(tiff + 4));
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** An EXIF block holding the orientation and nothing else. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** PNG chunks that draw the picture (and its colour and animation); text, EXIF, time and unknown chunks go. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'acTL', 'fcTL', 'fdAT']);

function pngWithoutMetadata(b: Buffer): Buffer | null {
  const out: Buffer[] = [b.subarray(0, 8)];
  for (let at = 8; at + 12 <= b.length; ) {
    const end = at + 12 + b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (end > b.length) return null;
    if (PNG_KEEP.has(type)) out.push(b.subarray(at, end));
    if (type === 'IEND') return Buffer.concat(out);
    at = end;
  }
  return null;
}

/** WebP chunks of the picture; EXIF, XMP and unknown chunks go, and the header no longer announces them. */
const WEBP_KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);

function webpWithoutMetadata(b: Buffer): Buffer | null {
  const out: Buffer[] = [];
  for (let at = 12; at < b.length; ) {
    if (at + 8 > b.length) return null;
    const type = b.toString('latin1', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > b.length) return null;
    if (WEBP_KEEP.has(type)) {
      const chunk = Buffer.from(b.subarray(at, end));
      // VP8X's flags: EXIF (0x08) and XMP (0x04) present.
      if (type === 'VP8X' && size >= 1) chunk[8] &= ~0x0c;
      out.push(chunk);
    }
    at = end;
  }
  if (!out.length) return null;
  const body = Buffer.concat(out);
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([head, body]);
}

/**
 * A whole file read into memory, at most `max` bytes (into one buffer of `size` when the size is
 * known, rather than pieces joined); null when it is longer. Aborting destroys the source.
 */
export async function readWhole(source: Readable, max: number, signal: AbortSignal, size?: number): Promise<Buffer | null> {
  let whole = Buffer.allocUnsafe(size !== undefined && size <= max ? size : Math.min(max, 1 << 20));
  let length = 0;
  const onAbort = () => source.destroy(new Error('aborted'));
  if (signal.aborted) onAbort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of source) {
      const piece = chunk as Buffer;
      if (length + piece.length > max) {
        source.destroy();
        return null;
      }
      if (length + piece.length > whole.length) {
        const grown = Buffer.allocUnsafe(Math.min(max, Math.max(whole.length * 2, length + piece.length)));
        whole.copy(grown, 0, 0, length);
        whole = grown;
      }
      piece.copy(whole, length);
      length += piece.length;
    }
    return whole.subarray(0, length);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
