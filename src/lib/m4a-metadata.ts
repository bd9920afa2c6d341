/**
 * An M4A's tags: an app or a bot uploading a recording can write who made it, a title, a place or a
 * cover picture into iTunes-style 'ilst' items (in 'meta', in 'udta'), a 'udta' of its own
 * ('©nam', '©xyz': where it was recorded), 'uuid' boxes (XMP) or a top-level 'meta'. Moving bytes
 * would break the sample tables' chunk offsets ('stco', 'co64' count from the file's start), so
 * each box not on an allow-list of what plays the sound becomes a 'free' box of the same size, its
 * payload zeroed; so does the payload of a 'free' or 'skip' box (an editor may have left old tags
 * there). What is kept but could still say something is blanked in place: a handler's name, and the
 * times in 'mvhd', 'tkhd' and 'mdhd' (when it was recorded, as a photo's time taken goes from a
 * picture). A file it cannot walk box by box for certain (a size that does not fit its parent, a
 * fragmented file, a track that is not sound, data kept outside the file) is null, not given out:
 * a video's GPS can sit among its frames (see media-metadata.ts). ISO/IEC 14496-12 (ISO-BMFF).
 * The sound itself is not read: 'mdat' goes as it was, including any bytes no sample points at.
 */

/** One box: where it starts, where its payload starts, where it ends, its type. */
interface Box {
  start: number;
  body: number;
  end: number;
  type: string;
}

/** Boxes kept under each container, by the container's type; any other child becomes 'free'. */
const KEEP: Record<string, Set<string>> = {
  moov: new Set(['mvhd', 'trak', 'iods']),
  trak: new Set(['tkhd', 'edts', 'mdia', 'tref']),
  edts: new Set(['elst']),
  mdia: new Set(['mdhd', 'hdlr', 'minf']),
  minf: new Set(['smhd', 'dinf', 'stbl', 'hdlr']),
  dinf: new Set(['dref']),
  stbl: new Set(['stsd', 'stts', 'stsc', 'stsz', 'stz2', 'stco', 'co64', 'stss', 'ctts', 'sgpd', 'sbgp', 'sdtp', 'cslg', 'stps']),
};
/** Containers walked into (their children are boxes straight after their header). */
const CONTAINERS = new Set(['moov', 'trak', 'edts', 'mdia', 'minf', 'dinf', 'stbl']);

/** The boxes from `from` to `to`, back to back, each within them; null when a size does not fit. */
function boxesIn(b: Buffer, from: number, to: number): Box[] | null {
  const boxes: Box[] = [];
  for (let at = from; at < to; ) {
    if (at + 8 > to) return null;
    let size = b.readUInt32BE(at);
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > to) return null;
      const large = b.readBigUInt64BE(at + 8);
      if (large > BigInt(to - at)) return null;
      size = Number(large);
      body = at + 16;
    } else if (size === 0) size = to - at; // to the end of its parent (the file, for 'mdat')
    if (size < body - at || at + size > to) return null;
    boxes.push({ start: at, body, end: at + size, type: b.toString('latin1', at + 4, at + 8) });
    at += size;
  }
  return boxes;
}

/** The box turned into a 'free' one of the same size (its size field kept: 32 or 64 bits), its payload zeros. */
function freed(out: Buffer, box: Box): void {
  out.write('free', box.start + 4, 'latin1');
  out.fill(0, box.body, box.end);
}

/** 'mvhd', 'tkhd', 'mdhd': creation and modification times zeroed (version 0: 32 bits each, 1: 64 bits). */
function timesZeroed(out: Buffer, box: Box): boolean {
  const wide = out[box.body] === 1;
  const end = box.body + 4 + (wide ? 16 : 8);
  if (out[box.body] > 1 || end > box.end) return false;
  out.fill(0, box.body + 4, end);
  return true;
}

/** A handler box's type ('soun' for sound), its name zeroed (an app can write anything there); null when it is too short. */
function handler(out: Buffer, box: Box): string | null {
  // version and flags, pre_defined, handler type, three reserved words, then the name.
  if (box.body + 24 > box.end) return null;
  out.fill(0, box.body + 24, box.end);
  return out.toString('latin1', box.body + 8, box.body + 12);
}

/** Whether every data reference is the file itself ('url ' with the self-contained flag and no location). */
function selfContained(b: Buffer, box: Box): boolean {
  if (box.body + 8 > box.end) return false;
  const entries = boxesIn(b, box.body + 8, box.end);
  return !!entries && entries.length === b.readUInt32BE(box.body + 4) && entries.every((e) => e.type === 'url ' && e.end - e.start === 12 && (b[e.body + 3] & 1) === 1);
}

/** What the walk found: each track's media handler type ('soun' for sound). */
interface Walk {
  handlers: string[];
  /** Where the sample tables say the chunks of sound start. */
  chunks: number[];
}

/** Cleans one box in `out` (a copy of the file) and walks into it when it is a container; false when it cannot be done for certain. */
function cleanBox(b: Buffer, out: Buffer, box: Box, parent: string, walk: Walk): boolean {
  if (!KEEP[parent].has(box.type)) {
    freed(out, box);
    return true;
  }
  if (box.type === 'mvhd' || box.type === 'tkhd' || box.type === 'mdhd') return timesZeroed(out, box);
  if (box.type === 'hdlr') {
    const type = handler(out, box);
    if (type !== null && parent === 'mdia') walk.handlers.push(type);
    return type !== null;
  }
  if (box.type === 'dref') return selfContained(b, box);
  if (box.type === 'stsd') return sampleEntriesCleaned(b, out, box);
  if (box.type === 'stco' || box.type === 'co64') return chunkOffsets(b, box, walk.chunks);
  if (!CONTAINERS.has(box.type)) return true;
  const children = boxesIn(b, box.body, box.end);
  const before = walk.handlers.length;
  if (!children || !children.every((child) => cleanBox(b, out, child, box.type, walk))) return false;
  // A track describes one medium: exactly one handler in its 'mdia'.
  return box.type !== 'trak' || walk.handlers.length === before + 1;
}

/** The chunk offsets of a 'stco' (32 bits each) or 'co64' (64 bits), added to `into`; false when the count does not fit the box. */
function chunkOffsets(b: Buffer, box: Box, into: number[]): boolean {
  if (box.body + 8 > box.end) return false;
  const count = b.readUInt32BE(box.body + 4);
  const wide = box.type === 'co64';
  if (box.body + 8 + count * (wide ? 8 : 4) !== box.end) return false;
  for (let i = 0, at = box.body + 8; i < count; i++, at += wide ? 8 : 4) into.push(wide ? Number(b.readBigUInt64BE(at)) : b.readUInt32BE(at));
  return true;
}

/** Boxes a sound's sample entry may hold (its decoder's setup, channel layout, bitrate); any other becomes 'free'. */
const SAMPLE_ENTRY_KEEP = new Set(['esds', 'dOps', 'alac', 'dfLa', 'damr', 'dac3', 'dec3', 'chan', 'btrt', 'srat']);

/** How much longer than ISO's AudioSampleEntry a QuickTime sound description of each version is. */
const SOUND_DESCRIPTION_EXTRA: Record<number, number | undefined> = { 0: 0, 1: 16, 2: 36 };

/**
 * The sample descriptions: each entry an audio one (ISO's AudioSampleEntry, or QuickTime's sound
 * description versions 1 and 2, longer by 16 and 36 bytes), the boxes after its fields walked.
 */
function sampleEntriesCleaned(b: Buffer, out: Buffer, box: Box): boolean {
  if (box.body + 8 > box.end) return false;
  const entries = boxesIn(b, box.body + 8, box.end);
  if (!entries || entries.length !== b.readUInt32BE(box.body + 4)) return false;
  return entries.every((entry) => {
    if (entry.body + 28 > entry.end) return false;
    const longer = SOUND_DESCRIPTION_EXTRA[b.readUInt16BE(entry.body + 8)];
    const fields = entry.body + 28 + (longer ?? 0);
    const children = longer !== undefined && fields <= entry.end ? boxesIn(b, fields, entry.end) : null;
    if (!children) return false;
    for (const child of children) if (!SAMPLE_ENTRY_KEEP.has(child.type)) freed(out, child);
    return true;
  });
}

/** Top-level boxes kept: the sound's 'mdat' as it was, 'wide' (8 bytes, no payload). */
const TOP_KEPT = new Set(['mdat', 'wide']);

/** Brands of files this walks: an M4A (or audiobook), and 'mp42', 'isom', 3GPP as Android recorders write them. */
const BRANDS = new Set(['M4A ', 'M4B ', 'mp41', 'mp42', 'isom', 'iso2', '3gp4', '3gp5', '3gp6', '3g2a']);

/** The major brand and the compatible ones; null when the 'ftyp' box is not whole. */
function brands(b: Buffer, ftyp: Box): string[] | null {
  if (ftyp.body + 8 > ftyp.end || (ftyp.end - ftyp.body) % 4) return null;
  const out = [b.toString('latin1', ftyp.body, ftyp.body + 4)];
  for (let at = ftyp.body + 8; at < ftyp.end; at += 4) out.push(b.toString('latin1', at, at + 4));
  return out;
}

/**
 * The M4A (or an 'mp42'/'isom' file holding sound alone) without its tags, one buffer of the same
 * length (chunk offsets stay right); null when it cannot be done for certain.
 */
export function m4aWithoutMetadata(b: Buffer): Buffer[] | null {
  const top = boxesIn(b, 0, b.length);
  const named = top && top[0]?.type === 'ftyp' ? brands(b, top[0]) : null;
  if (!top || !named?.some((brand) => BRANDS.has(brand))) return null;
  const moov = top.filter((box) => box.type === 'moov');
  // A fragmented file carries more of its description in 'moof' boxes among the sound.
  if (moov.length !== 1 || top.some((box, i) => box.type === 'moof' || box.type === 'mfra' || (box.type === 'ftyp' && i > 0))) return null;
  const out = Buffer.from(b);
  const walk: Walk = { handlers: [], chunks: [] };
  const children = boxesIn(b, moov[0].body, moov[0].end);
  if (!children || children.some((child) => child.type === 'mvex')) return null;
  if (!children.every((child) => cleanBox(b, out, child, 'moov', walk))) return null;
  for (const box of top.slice(1)) if (box.type !== 'moov' && !TOP_KEPT.has(box.type)) freed(out, box);
  // Sound alone: at least one track, every one of them sound (no video, no chapter text, no timed metadata).
  if (!walk.handlers.length || walk.handlers.some((h) => h !== 'soun')) return null;
  // Every chunk of sound within an 'mdat' (a file cut short loses some), never in a box freed above.
  const mdats = top.filter((box) => box.type === 'mdat');
  if (!walk.chunks.every((at) => mdats.some((m) => at >= m.body && at < m.end))) return null;
  return [out];
}

/** Whether the file is ISO-BMFF holding sound alone, as m4aWithoutMetadata would give it (an Android recorder's 'mp42' or 'isom' one too). */
export function isSoundOnlyMp4(b: Buffer): boolean {
  return b.toString('latin1', 4, 8) === 'ftyp' && m4aWithoutMetadata(b) !== null;
}
