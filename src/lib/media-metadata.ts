import type { Readable } from 'node:stream';
import { oggWithoutMetadata } from './ogg-metadata';
import { mp3WithoutMetadata } from './mp3-metadata';
import { isSoundOnlyMp4, m4aWithoutMetadata } from './m4a-metadata';

/** `parts`: the file as it goes, in pieces that are views of the file read (no copy of a 20 MB picture). */
export type Cleaned = { ok: true; parts: Buffer[]; cleaned: boolean } | { ok: false };

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What a phone writes into a file besides the picture: where it was taken (GPS), when, the device,
 * sometimes the owner's name; a JPEG may even carry a second picture or a video after its end. A
 * file sent "as a file" reaches Telegram as the phone had it. This keeps only what shows the
 * picture, from an allow-list of the format's own parts (so what is unknown goes too); a file it
 * cannot read that way is not given out at all. Videos are among those: a dashcam keeps its GPS
 * among the frames' data and a camcorder inside the video stream itself, which only work at the
 * level of the video's coding could clean for certain (a review found both in a box-level cleaner).
 * A voice note (Ogg Opus or Vorbis) goes without the comments an app wrote into it (ogg-metadata.ts),
 * an MP3 without its ID3, APE and Lyrics3 tags (mp3-metadata.ts), an M4A, or an ISO-BMFF file holding
 * sound alone, with its tag boxes turned into 'free' ones (m4a-metadata.ts); other audio (FLAC, WAV,
 * AMR, AAC in ADTS) does not go. Judged by the bytes, whatever kind the app gave.
 */
export function withoutMetadata(file: Buffer): Cleaned {
  const done = (parts: Buffer[] | null): Cleaned => (parts ? { ok: true, parts, cleaned: true } : { ok: false });
  if (file.subarray(0, 3).equals(JPEG)) return done(jpegWithoutMetadata(file));
  if (file.subarray(0, 8).equals(PNG)) return done(pngWithoutMetadata(file));
  if (file.toString('latin1', 0, 4) === 'RIFF' && file.toString('latin1', 8, 12) === 'WEBP') return done(webpWithoutMetadata(file));
  if (file.toString('latin1', 0, 4) === 'OggS') return done(oggWithoutMetadata(file));
  if (file.toString('latin1', 0, 3) === 'ID3' || (file[0] === 0xff && (file[1] & 0xe0) === 0xe0)) return done(mp3WithoutMetadata(file));
  // Only a file whose tracks are all sound: a video is not cleaned at the level of its boxes (above).
  if (file.toString('latin1', 4, 8) === 'ftyp') return done(m4aWithoutMetadata(file));
  return { ok: false };
}

/** ISO-BMFF brands of still pictures (HEIC/HEIF as iPhones save them, AVIF): not videos, which share the container. */
const PICTURE_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1', 'avif', 'avis']);

/**
 * Whether the file is a picture by what it is, not by the type or name the sending app gave it
 * (an iPhone's HEIC arrives as `image/heic`, a file without an extension as
 * `application/octet-stream`): JPEG, PNG, WebP, GIF, TIFF (a phone's DNG too), HEIC/HEIF, AVIF.
 */
export function isPictureFile(file: Buffer): boolean {
  if (file.subarray(0, 3).equals(JPEG) || file.subarray(0, 8).equals(PNG)) return true;
  const head = file.toString('latin1', 0, 12);
  if ((head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') || head.startsWith('GIF8') || head.startsWith('II*\0') || head.startsWith('MM\0*')) return true;
  if (head.slice(4, 8) !== 'ftyp' || file.length < 16) return false;
  // The major brand, then the compatible ones, to the end of the ftyp box.
  const end = Math.min(file.readUInt32BE(0), file.length, 256);
  for (let at = 8; at + 4 <= end; at += at === 8 ? 8 : 4) if (PICTURE_BRANDS.has(file.toString('latin1', at, at + 4))) return true;
  return false;
}

/** ISO-BMFF brands of audio alone (iTunes' and a phone's voice memo M4A, audiobooks, protected audio). */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ']);

/**
 * Whether the file is a sound recording by what it is, whatever type or name the app gave it: Ogg,
 * MP3 (ID3 tags or an MPEG audio frame first), AAC (ADTS), an M4A brand, FLAC, WAV, AMR, or an
 * ISO-BMFF file whose tracks are all sound (an Android recorder's 'mp42' or 'isom', as videos
 * brand theirs). Their tags (an artist, a title, where it was recorded) are an app's words about who made it.
 */
export function isAudioFile(file: Buffer): boolean {
  const head = file.toString('latin1', 0, 12);
  if (head.startsWith('OggS') || head.startsWith('ID3') || head.startsWith('fLaC') || head.startsWith('#!AMR')) return true;
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WAVE') return true;
  // An MPEG audio or ADTS frame's sync: eleven bits set (a JPEG's 0xFFD8 is not one).
  if (file.length >= 2 && file[0] === 0xff && (file[1] & 0xe0) === 0xe0) return true;
  if (head.slice(4, 8) !== 'ftyp' || file.length < 16) return false;
  const end = Math.min(file.readUInt32BE(0), file.length, 256);
  for (let at = 8; at + 4 <= end; at += at === 8 ? 8 : 4) if (AUDIO_BRANDS.has(file.toString('latin1', at, at + 4))) return true;
  return isSoundOnlyMp4(file);
}

/** Markers of a JPEG's picture: frames, tables, restart interval, scans. */
const JPEG_PICTURE = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xdb, 0xdd, 0xda]);

/** A JPEG segment kept, perhaps cut to what the picture needs; null: dropped (EXIF, XMP, IPTC, comments, vendors' segments). */
function keptJpegSegment(marker: number, segment: Buffer): Buffer | null {
  const body = segment.subarray(4);
  if (JPEG_PICTURE.has(marker)) return segment;
  // JFIF without its thumbnail (an editor may leave one of the uncropped picture): the density only.
  if (marker === 0xe0 && body.length >= 14 && body.toString('latin1', 0, 5) === 'JFIF\0') return Buffer.concat([Buffer.from([0xff, 0xe0, 0, 16]), body.subarray(0, 12), Buffer.from([0, 0])]);
  // The colour profile, as phones embed a standard one (sRGB, Display P3).
  if (marker === 0xe2 && body.toString('latin1', 0, 12) === 'ICC_PROFILE\0') return segment;
  // Adobe's colour transform: its fixed twelve bytes, nothing after them.
  if (marker === 0xee && body.length >= 12 && body.toString('latin1', 0, 5) === 'Adobe') return Buffer.concat([Buffer.from([0xff, 0xee, 0, 14]), body.subarray(0, 12)]);
  return null;
}

/** The JPEG's segments that show the picture, up to its end marker; null when it is not one. */
function jpegWithoutMetadata(b: Buffer): Buffer[] | null {
  const out: Buffer[] = [];
  let orientation: number | undefined;
  let at = 2;
  while (at + 2 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    // Whatever follows the end (a maker's trailer, a "motion photo" video) is not part of the picture.
    if (marker === 0xd9) return jpegOf(out, orientation);
    if (at + 4 > b.length) return null;
    const end = at + 2 + b.readUInt16BE(at + 2);
    if (end < at + 4 || end > b.length) return null;
    const segment = b.subarray(at, end);
    // The picture's own EXIF comes first; one further on (a thumbnail's, an image's after the end) is not asked.
    if (marker === 0xe1 && orientation === undefined && segment.toString('latin1', 4, 10) === 'Exif\0\0') orientation = exifOrientation(segment.subarray(4)) ?? 0;
    const kept = keptJpegSegment(marker, segment);
    if (kept) out.push(kept);
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

/** Start, the kept segments with the orientation alone after JFIF (which comes first when there), end. */
function jpegOf(segments: Buffer[], orientation: number | undefined): Buffer[] {
  const jfif = segments[0]?.[1] === 0xe0 ? 1 : 0;
  // The way the phone was held, alone, so the picture is not shown on its side.
  const turn = orientation ? [orientationSegment(orientation)] : [];
  return [Buffer.from([0xff, 0xd8]), ...segments.slice(0, jfif), ...turn, ...segments.slice(jfif), Buffer.from([0xff, 0xd9])];
}

/** Where a scan's coded data ends: the next marker that is neither a stuffed 0xFF nor a restart marker. */
function nextJpegMarker(b: Buffer, from: number): number {
  for (let i = b.indexOf(0xff, from); i >= 0 && i + 1 < b.length; i = b.indexOf(0xff, i + 1)) {
    const next = b[i + 1];
    if (next !== 0x00 && next !== 0xff && (next < 0xd0 || next > 0xd7)) return i;
  }
  return -1;
}

/** The orientation (1-8) an APP1 segment's EXIF gives, if it is EXIF and gives one. */
function exifOrientation(body: Buffer): number | undefined {
  if (body.toString('latin1', 0, 6) !== 'Exif\0\0' || body.length < 14) return undefined;
  const tiff = 6;
  const le = body.toString('latin1', tiff, tiff + 2) === 'II';
  const u16 = (at: number) => (at >= 0 && at + 2 <= body.length ? (le ? body.readUInt16LE(at) : body.readUInt16BE(at)) : -1);
  const ifd = tiff + (le ? body.readUInt32LE(tiff + 4) : body.readUInt32BE(tiff + 4));
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

function pngWithoutMetadata(b: Buffer): Buffer[] | null {
  const out: Buffer[] = [b.subarray(0, 8)];
  for (let at = 8; at + 12 <= b.length; ) {
    const end = at + 12 + b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (end > b.length) return null;
    if (PNG_KEEP.has(type)) out.push(b.subarray(at, end));
    if (type === 'IEND') return out;
    at = end;
  }
  return null;
}

/**
 * WebP chunks of a still picture; EXIF, XMP and unknown chunks go, and the header no longer
 * announces them. An animated one is not given (its frames may hold chunks of their own).
 */
const WEBP_KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ICCP']);

function webpWithoutMetadata(b: Buffer): Buffer[] | null {
  const out: Buffer[] = [];
  // Up to the end the header gives: what is appended after it is no part of the picture.
  const riffEnd = 8 + b.readUInt32LE(4);
  if (riffEnd > b.length) return null;
  for (let at = 12; at < riffEnd; ) {
    if (at + 8 > riffEnd) return null;
    const type = b.toString('latin1', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > riffEnd || type === 'ANMF' || type === 'ANIM') return null;
    if (WEBP_KEEP.has(type)) {
      const chunk = Buffer.from(b.subarray(at, end));
      // VP8X's flags: EXIF (0x08) and XMP (0x04) present.
      if (type === 'VP8X' && size >= 1) chunk[8] &= ~0x0c;
      out.push(chunk);
    }
    at = end;
  }
  if (!out.length) return null;
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(out.reduce((n, c) => n + c.length, 4), 4);
  return [head, ...out];
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
