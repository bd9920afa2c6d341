import { Readable, Transform, type TransformCallback } from 'node:stream';
import ExifTransformer from 'exif-be-gone';

/**
 * What a phone writes into a file besides the picture or the sound: where it was taken (GPS), the
 * device, sometimes the owner's name. A file sent "as a file" reaches Telegram as the phone had it.
 * `metadataPlan` says from a file's first bytes whether it can be sent without that: images
 * (JPEG, PNG, WebP) through exif-be-gone, videos (MP4, QuickTime) through `IsoBmffScrub`, a voice
 * note as Telegram recorded it; anything else cannot be cleaned here.
 */
export type MetadataPlan = { action: 'scrub'; as: 'image' | 'video' } | { action: 'keep' } | { action: 'withhold' };

/** Bytes `metadataPlan` needs to see. */
export const PLAN_HEAD_BYTES = 12;

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Brands of still images in the same box format (HEIC, AVIF): their picture is described by the `meta` box, so it cannot be blanked. */
const STILL_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

export function metadataPlan(head: Buffer, kind: string): MetadataPlan {
  if (head.subarray(0, 3).equals(JPEG) || head.subarray(0, 8).equals(PNG)) return { action: 'scrub', as: 'image' };
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return { action: 'scrub', as: 'image' };
  if (head.toString('latin1', 4, 8) === 'ftyp' && !STILL_BRANDS.has(head.toString('latin1', 8, 12))) return { action: 'scrub', as: 'video' };
  // Telegram's own recording: Opus with its encoder's name, nothing of the phone.
  if (kind === 'voice' && head.toString('latin1', 0, 4) === 'OggS') return { action: 'keep' };
  return { action: 'withhold' };
}

export function metadataScrubber(as: 'image' | 'video'): Transform {
  return as === 'image' ? new ExifTransformer() : new IsoBmffScrub();
}

/** Boxes that hold metadata (user data, QuickTime's keyed metadata with its ISO 6709 location, vendor boxes such as XMP). */
const METADATA_BOXES = new Set(['udta', 'meta', 'uuid']);
/** Boxes inside `moov` that may hold such boxes in turn. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf']);
/** The movie box is held whole to be blanked; beyond this the file is not one a phone made. */
const MAX_MOOV_BYTES = 32 * 1024 * 1024;

/**
 * MP4 / QuickTime without metadata, streamed: each metadata box, at the top or inside the movie
 * box, becomes a `free` box of the same size filled with zeros. Nothing moves, so the offsets
 * that point into the media stay right and the video plays as before.
 */
export class IsoBmffScrub extends Transform {
  private head = Buffer.alloc(0);
  /** What the current box still has to go: passed on, zeroed, or collected (the movie box). */
  private left = 0;
  private mode: 'header' | 'pass' | 'zero' | 'collect' = 'header';
  private moov: Buffer[] = [];

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.scrub(chunk);
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }

  override _flush(cb: TransformCallback): void {
    // A file cut short: the part of a movie box held back is dropped rather than sent unblanked.
    if (this.mode === 'header' && this.head.length) this.push(this.head);
    cb();
  }

  private scrub(chunk: Buffer): void {
    let data = chunk;
    while (data.length) {
      if (this.mode === 'header') {
        data = this.readHeader(data);
        continue;
      }
      const n = Math.min(this.left, data.length);
      const part = data.subarray(0, n);
      data = data.subarray(n);
      this.left -= n;
      if (this.mode === 'pass') this.push(part);
      else if (this.mode === 'zero') this.push(Buffer.alloc(n));
      else this.moov.push(part);
      if (this.left === 0) this.endBox();
    }
  }

  /** Reads a top-level box header (waiting for all of it) and sets how the box goes; returns what follows it. */
  private readHeader(data: Buffer): Buffer {
    const buf = Buffer.concat([this.head, data]);
    const box = boxAt(buf, 0, Number.MAX_SAFE_INTEGER);
    if (!box) {
      this.head = buf;
      return Buffer.alloc(0);
    }
    this.head = Buffer.alloc(0);
    if (box.size !== 0 && box.size < box.headerLength) throw new Error('not an MP4 box');
    const header = Buffer.from(buf.subarray(0, box.headerLength));
    // Size 0: the box runs to the end of the file (only the last one, the media data, does this).
    this.left = box.size === 0 ? Number.POSITIVE_INFINITY : box.size - box.headerLength;
    if (box.type === 'moov') {
      if (this.left > MAX_MOOV_BYTES) throw new Error('movie box too large to blank');
      this.mode = 'collect';
      this.moov = [header];
    } else if (METADATA_BOXES.has(box.type)) {
      this.mode = 'zero';
      header.write('free', 4, 'latin1');
      this.push(header);
    } else {
      this.mode = 'pass';
      this.push(header);
    }
    if (this.left === 0) this.endBox();
    return buf.subarray(box.headerLength);
  }

  private endBox(): void {
    if (this.mode === 'collect') {
      const moov = Buffer.concat(this.moov);
      this.moov = [];
      const first = boxAt(moov, 0, moov.length);
      blankIn(moov, first?.headerLength ?? moov.length, moov.length);
      this.push(moov);
    }
    this.mode = 'header';
  }
}

interface BoxHeader {
  type: string;
  /** The whole box, header included; 0: to the end of the file. */
  size: number;
  headerLength: number;
}

/** The box header at `at`, or null when `buf` (up to `end`) does not hold all of it. */
function boxAt(buf: Buffer, at: number, end: number): BoxHeader | null {
  const limit = Math.min(buf.length, end);
  if (at + 8 > limit) return null;
  const size32 = buf.readUInt32BE(at);
  const type = buf.toString('latin1', at + 4, at + 8);
  if (size32 !== 1) return { type, size: size32, headerLength: 8 };
  if (at + 16 > limit) return null;
  return { type, size: Number(buf.readBigUInt64BE(at + 8)), headerLength: 16 };
}

/** Blanks the metadata boxes among the boxes in `buf` from `start` to `end`, going into containers. */
function blankIn(buf: Buffer, start: number, end: number): void {
  let at = start;
  while (at < end) {
    const box = boxAt(buf, at, end);
    if (!box || box.size < box.headerLength || at + box.size > end) {
      // Not boxes as the format has them: blank the rest rather than let anything through.
      buf.fill(0, at, end);
      return;
    }
    const bodyStart = at + box.headerLength;
    const boxEnd = box.size === 0 ? end : at + box.size;
    if (METADATA_BOXES.has(box.type)) {
      buf.write('free', at + 4, 'latin1');
      buf.fill(0, bodyStart, boxEnd);
    } else if (CONTAINERS.has(box.type)) blankIn(buf, bodyStart, boxEnd);
    if (box.size === 0) return;
    at = boxEnd;
  }
}

/**
 * The first `n` bytes of a stream (fewer if it ends first), and a stream that still yields all of
 * it: what was read is put back.
 */
export async function peekHead(source: Readable, n: number): Promise<{ head: Buffer; stream: Readable }> {
  const parts: Buffer[] = [];
  let length = 0;
  let ended = false;
  await new Promise<void>((resolve, reject) => {
    const done = () => {
      source.off('readable', onReadable);
      source.off('end', onEnd);
      source.off('error', onError);
      resolve();
    };
    const onReadable = () => {
      for (let c: Buffer | null; length < n && (c = source.read() as Buffer | null) !== null; length += c.length) parts.push(c);
      if (length >= n) done();
    };
    const onEnd = () => {
      ended = true;
      done();
    };
    const onError = (err: Error) => {
      source.off('readable', onReadable);
      source.off('end', onEnd);
      reject(err);
    };
    source.on('readable', onReadable);
    source.once('end', onEnd);
    source.once('error', onError);
  });
  const head = Buffer.concat(parts);
  // A stream that ended with what was read (its end may come as that read finishes) cannot take it back.
  if (ended || source.readableEnded) return { head, stream: Readable.from(head.length ? [head] : []) };
  source.unshift(head);
  return { head, stream: source };
}
