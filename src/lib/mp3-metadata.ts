/**
 * An MP3's tags: an app or a bot uploading a recording can write who made it, a title, a place or a
 * cover picture into ID3v2 tags at its start (or one appended at its end, told by its footer), an
 * ID3v1 "TAG" trailer and its "Enhanced TAG", an APEv2 tag or Lyrics3 at its end. This keeps the
 * MPEG audio frames alone, as they were (the first may be a Xing/Info/LAME frame: sizes, a seek
 * table and the encoder's fixed version string, no text an app writes). It walks the frames one by
 * one from the first to the file's end: a file it cannot walk so for certain (a tag cut short or with
 * flags it does not know, a frame header it cannot read, free-format bitrate, a tag or anything
 * else between frames, a frame cut short) is null, not given out. ID3v2: id3.org's 2.3.0 and 2.4.0
 * structure documents; frame headers: ISO/IEC 11172-3 and 13818-3. The sound itself is not read: a
 * frame's ancillary bits could hold bytes of an encoder's choosing (as an Opus packet's padding
 * could, see ogg-metadata.ts), but no recorder is known to write tags there.
 */

/** ID3v2 header flags each version knows: unsynchronisation, extended header, experimental, and 2.4's footer. */
const ID3_FLAGS: Record<number, number> = { 2: 0xc0, 3: 0xe0, 4: 0xf0 };
const FOOTER = 0x10;

/** A syncsafe integer (7 bits a byte, ID3v2's sizes); null when a byte has its top bit set. */
function syncsafe(b: Buffer, at: number): number | null {
  let n = 0;
  for (let i = 0; i < 4; i++) {
    if (b[at + i] & 0x80) return null;
    n = n * 128 + b[at + i];
  }
  return n;
}

/** The length of the ID3v2 tag whose header (or, 2.4, footer: `mark` '3DI') is at `at`, footer included; null when it is not one whole. */
function id3v2Length(b: Buffer, at: number, mark: 'ID3' | '3DI'): number | null {
  if (at < 0 || at + 10 > b.length || b.toString('latin1', at, at + 3) !== mark) return null;
  const version = b[at + 3];
  const flags = b[at + 5];
  const size = syncsafe(b, at + 6);
  if (!(version in ID3_FLAGS) || b[at + 4] === 0xff || flags & ~ID3_FLAGS[version] || size === null) return null;
  if (mark === '3DI' && !(flags & FOOTER)) return null;
  return 10 + size + (flags & FOOTER ? 10 : 0);
}

/** Where the audio starts after every ID3v2 tag at the start (an app may write several); null when one is cut short. */
function afterLeadingTags(b: Buffer): number | null {
  let at = 0;
  while (b.toString('latin1', at, at + 3) === 'ID3') {
    const length = id3v2Length(b, at, 'ID3');
    if (length === null || at + length > b.length) return null;
    at += length;
  }
  return at;
}

/** The length of an APEv2 (or APEv1) tag ending at `end`, header included; null when none ends there, -1 when one is broken. */
function apeLength(b: Buffer, start: number, end: number): number | null {
  const footer = end - 32;
  if (footer < start || b.toString('latin1', footer, footer + 8) !== 'APETAGEX') return null;
  const version = b.readUInt32LE(footer + 8);
  const size = b.readUInt32LE(footer + 12);
  const hasHeader = (b.readUInt32LE(footer + 20) & 0x80000000) !== 0;
  const length = size + (hasHeader ? 32 : 0);
  if ((version !== 1000 && version !== 2000) || size < 32 || end - length < start) return -1;
  if (hasHeader && b.toString('latin1', end - length, end - length + 8) !== 'APETAGEX') return -1;
  return length;
}

/** The length of a Lyrics3 block (v2: sized, v1: at most 5100 bytes of lyrics) ending at `end`; null when none ends there, -1 when one is broken. */
function lyrics3Length(b: Buffer, start: number, end: number): number | null {
  const tail = b.toString('latin1', Math.max(start, end - 9), end);
  if (tail === 'LYRICS200') {
    const digits = b.toString('latin1', end - 15, end - 9);
    const size = /^\d{6}$/.test(digits) ? Number(digits) : -1;
    const begin = end - 15 - size;
    if (size < 11 || begin < start || b.toString('latin1', begin, begin + 11) !== 'LYRICSBEGIN') return -1;
    return end - begin;
  }
  if (tail === 'LYRICSEND') {
    const begin = b.lastIndexOf('LYRICSBEGIN', end - 9, 'latin1');
    if (begin < start || end - begin > 5100 + 20) return -1;
    return end - begin;
  }
  return null;
}

/** Where the audio ends before every tag appended to it, in whatever order apps wrote them; -1 when one is broken. */
function beforeTrailingTags(b: Buffer, start: number): number {
  let end = b.length;
  for (;;) {
    // The tags told by their last bytes first: an APE tag's last 128 bytes can start 'TAG' too ('APETAGEX').
    const tagged = apeLength(b, start, end) ?? lyrics3Length(b, start, end) ?? (end - 10 >= start ? footerTagLength(b, end) : null);
    if (tagged !== null && tagged < 0) return -1;
    if (tagged !== null) end -= tagged;
    // ID3v1 (128 bytes), with the Enhanced TAG (227 bytes) some players put before it.
    else if (end - 128 >= start && b.toString('latin1', end - 128, end - 125) === 'TAG') {
      end -= 128;
      if (end - 227 >= start && b.toString('latin1', end - 227, end - 223) === 'TAG+') end -= 227;
    } else return end;
  }
}

/** An ID3v2.4 tag appended at the end, told by its footer; null when there is none, -1 when it does not fit. */
function footerTagLength(b: Buffer, end: number): number | null {
  if (b.toString('latin1', end - 10, end - 7) !== '3DI') return null;
  const length = id3v2Length(b, end - 10, '3DI');
  if (length === null || end - length < 0 || id3v2Length(b, end - length, 'ID3') !== length) return -1;
  return length;
}

/** Bitrates in kbit/s by [MPEG-1 or not][layer I, II, III][index]; index 0 (free format) and 15 are not walked. */
const BITRATES = [
  [
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  ],
  [
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
];
/** Sample rates by version bits (0: MPEG-2.5, 2: MPEG-2, 3: MPEG-1) and index. */
const SAMPLE_RATES: Record<number, number[]> = { 0: [11025, 12000, 8000], 2: [22050, 24000, 16000], 3: [44100, 48000, 32000] };

/** The length of the MPEG audio frame whose header is at `at`; null when there is none there or it cannot be sized. */
export function mpegFrameLength(b: Buffer, at: number): number | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1] & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1] >> 3) & 3;
  const layerBits = (b[at + 1] >> 1) & 3;
  const bitrateIndex = b[at + 2] >> 4;
  const rateIndex = (b[at + 2] >> 2) & 3;
  const padding = (b[at + 2] >> 1) & 1;
  if (version === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const layer = 4 - layerBits;
  const mpeg1 = version === 3;
  const bitrate = BITRATES[mpeg1 ? 0 : 1][layer - 1][bitrateIndex] * 1000;
  const rate = SAMPLE_RATES[version][rateIndex];
  if (layer === 1) return (Math.floor((12 * bitrate) / rate) + padding) * 4;
  return Math.floor(((layer === 3 && !mpeg1 ? 72 : 144) * bitrate) / rate) + padding;
}

/** The MP3 without its tags, as a view of the file; null when it cannot be done for certain. */
export function mp3WithoutMetadata(b: Buffer): Buffer[] | null {
  const start = afterLeadingTags(b);
  if (start === null) return null;
  const end = beforeTrailingTags(b, start);
  if (end <= start) return null;
  // Frame after frame, to exactly where the tags begin: nothing else between them.
  for (let at = start; at < end; ) {
    const length = mpegFrameLength(b, at);
    if (length === null || at + length > end) return null;
    at += length;
  }
  return [b.subarray(start, end)];
}
