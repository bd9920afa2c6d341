/**
 * An MP4 / QuickTime / 3GPP video without what the phone or camera wrote into it, blanked in place:
 * metadata boxes (the place in ISO 6709, the device, XMP) and every top-level box that is not the
 * movie or its media become zero-filled `free` boxes of the same size; the times the movie and its
 * tracks were made are zeroed; the samples of tracks that are neither picture nor sound (timed
 * metadata such as a dashcam's or an action camera's GPS, the time code) are zeroed in the media
 * data. Nothing moves, so every offset still points where it did and the video plays as before.
 */

/** Brands of movies phones and cameras record; still-image brands of the same format (HEIC, AVIF) are not among them. */
const VIDEO_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'qt  ', 'M4V ', 'M4VH', 'M4VP', 'M4A ', '3gp4', '3gp5', '3gp6', '3gp7', '3g2a', '3g2b', '3g2c', 'MSNV', 'mmp4', 'XAVC']);
/** A fragmented movie describes its media outside `moov`, where this does not look. */
const FRAGMENTED = new Set(['moof', 'mfra', 'sidx', 'styp']);
const METADATA = new Set(['udta', 'meta', 'uuid']);
/** Headers holding the times the movie, a track and its media were made. */
const TIMED = new Set(['mvhd', 'tkhd', 'mdhd']);
/** Tracks of pictures and sound; any other track's samples are zeroed. */
const PLAYED = new Set(['vide', 'soun']);

interface Box {
  type: string;
  start: number;
  bodyStart: number;
  end: number;
}

/** `file` blanked in place and returned; null when it is not a movie this can read whole. */
export function isoVideoWithoutMetadata(file: Buffer): Buffer | null {
  const top = boxesIn(file, 0, file.length);
  if (!top || top[0]?.type !== 'ftyp' || !VIDEO_BRANDS.has(file.toString('latin1', top[0].bodyStart, top[0].bodyStart + 4))) return null;
  const movies = top.filter((x) => x.type === 'moov');
  if (movies.length !== 1 || top.some((x) => FRAGMENTED.has(x.type))) return null;
  for (const box of top) {
    if (box.type === 'moov') {
      if (!cleanMovie(file, box)) return null;
    } else if (box.type !== 'ftyp' && box.type !== 'mdat') blank(file, box);
  }
  return file;
}

/** The boxes from `start` to `end`; null when they do not fill it exactly. */
function boxesIn(b: Buffer, start: number, end: number): Box[] | null {
  const out: Box[] = [];
  for (let at = start; at < end; ) {
    if (at + 8 > end) return null;
    let size = b.readUInt32BE(at);
    let head = 8;
    if (size === 1) {
      if (at + 16 > end) return null;
      const large = b.readBigUInt64BE(at + 8);
      if (large > BigInt(end - at)) return null;
      size = Number(large);
      head = 16;
    } else if (size === 0) size = end - at; // to the end of its parent
    if (size < head || at + size > end) return null;
    out.push({ type: b.toString('latin1', at + 4, at + 8), start: at, bodyStart: at + head, end: at + size });
    at += size;
  }
  return out;
}

function blank(b: Buffer, box: Box): void {
  b.write('free', box.start + 4, 'latin1');
  b.fill(0, box.bodyStart, box.end);
}

/** Zeroes a header's creation and modification times (32 bits each, 64 in version 1). */
function zeroTimes(b: Buffer, box: Box): boolean {
  const width = b[box.bodyStart] === 1 ? 8 : 4;
  if (box.bodyStart + 4 + 2 * width > box.end) return false;
  b.fill(0, box.bodyStart + 4, box.bodyStart + 4 + 2 * width);
  return true;
}

/** Walks a box's children: metadata blanked, times zeroed, containers entered (`inner` for the rest). */
function cleanChildren(b: Buffer, parent: Box, inner: (child: Box) => boolean = () => true): boolean {
  const children = boxesIn(b, parent.bodyStart, parent.end);
  if (!children) return false;
  for (const c of children) {
    if (METADATA.has(c.type)) blank(b, c);
    else if (TIMED.has(c.type) ? !zeroTimes(b, c) : !inner(c)) return false;
  }
  return true;
}

function cleanMovie(b: Buffer, moov: Box): boolean {
  return cleanChildren(b, moov, (c) => (c.type === 'trak' ? cleanTrack(b, c) : true));
}

function cleanTrack(b: Buffer, trak: Box): boolean {
  let media: Box | undefined;
  const ok = cleanChildren(b, trak, (c) => {
    if (c.type === 'mdia') media = c;
    return true;
  });
  if (!ok || !media) return false;
  const mdia = media;
  let handler = '';
  let minf: Box | undefined;
  const inMedia = cleanChildren(b, mdia, (c) => {
    if (c.type === 'hdlr' && c.bodyStart + 12 <= c.end) handler = b.toString('latin1', c.bodyStart + 8, c.bodyStart + 12);
    if (c.type === 'minf') minf = c;
    return true;
  });
  if (!inMedia || !minf) return false;
  let stbl: Box | undefined;
  if (!cleanChildren(b, minf, (c) => ((stbl = c.type === 'stbl' ? c : stbl), true))) return false;
  if (PLAYED.has(handler)) return true;
  return stbl !== undefined && zeroSamples(b, stbl);
}

/** Zeroes every sample of a track in the media data, from its sample table (chunk offsets, samples per chunk, sizes). */
function zeroSamples(b: Buffer, stbl: Box): boolean {
  const tables = boxesIn(b, stbl.bodyStart, stbl.end);
  const find = (type: string) => tables?.find((t) => t.type === type);
  const stsz = find('stsz');
  const stsc = find('stsc');
  const offsets = chunkOffsets(b, find('stco'), find('co64'));
  if (!stsz || !stsc || !offsets || stsz.bodyStart + 12 > stsz.end || stsc.bodyStart + 8 > stsc.end) return false;
  const fixed = b.readUInt32BE(stsz.bodyStart + 4);
  const count = b.readUInt32BE(stsz.bodyStart + 8);
  if (!fixed && stsz.bodyStart + 12 + 4 * count > stsz.end) return false;
  const sizeOf = (i: number) => (fixed || b.readUInt32BE(stsz.bodyStart + 12 + 4 * i));
  const runs = b.readUInt32BE(stsc.bodyStart + 4);
  if (stsc.bodyStart + 8 + 12 * runs > stsc.end) return false;
  let sample = 0;
  for (let chunk = 0; chunk < offsets.length; chunk++) {
    let perChunk = 0;
    for (let r = 0; r < runs && b.readUInt32BE(stsc.bodyStart + 8 + 12 * r) <= chunk + 1; r++) perChunk = b.readUInt32BE(stsc.bodyStart + 12 + 12 * r);
    let at = offsets[chunk];
    for (let s = 0; s < perChunk && sample < count; s++, sample++) {
      const size = sizeOf(sample);
      if (at + size > b.length) return false;
      b.fill(0, at, at + size);
      at += size;
    }
  }
  return true;
}

function chunkOffsets(b: Buffer, stco: Box | undefined, co64: Box | undefined): number[] | null {
  const table = stco ?? co64;
  if (!table || table.bodyStart + 8 > table.end) return null;
  const n = b.readUInt32BE(table.bodyStart + 4);
  const width = stco ? 4 : 8;
  if (table.bodyStart + 8 + width * n > table.end) return null;
  return Array.from({ length: n }, (_, i) => (stco ? b.readUInt32BE(table.bodyStart + 8 + 4 * i) : Number(b.readBigUInt64BE(table.bodyStart + 8 + 8 * i))));
}
