/**
 * An MP3 a recorder or music app sent can carry who made it and where in its tags: ID3v2 at the
 * start (or appended, with a footer), ID3v1 and its Enhanced TAG, APEv2 and Lyrics3 at the end.
 * For a reporter whose identity does not go, it is played and archived without them (the frames as
 * they were), or not at all. ID3v2: id3.org 2.3.0 / 2.4.0; frames: ISO/IEC 11172-3.
 */
import { withoutMetadata } from '../../../src/lib/media-metadata';
import { mpegFrameLength } from '../../../src/lib/mp3-metadata';

const text = (s: string) => Buffer.from(s, 'latin1');
const NAME = 'Jane Wanjiku';
const PLACE = 'Kasarani Police Station';
const leaks = (b: Buffer) => [NAME, PLACE, 'Wanjiku', 'Kasarani'].filter((s) => b.includes(text(s)));

/** A syncsafe size (7 bits a byte). */
const syncsafe = (n: number) => Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);

/** An ID3v2.3/2.4 text frame: encoding byte 3 (UTF-8) then the text. */
function textFrame(id: string, value: string, version: 3 | 4): Buffer {
  const body = Buffer.concat([Buffer.from([3]), Buffer.from(value, 'utf8')]);
  const size = version === 4 ? syncsafe(body.length) : Buffer.from([0, 0, 0, body.length]);
  return Buffer.concat([text(id), size, Buffer.from([0, 0]), body]);
}

/** An ID3v2 tag with the reporter's name and place; `flags` 0x40: an extended header, 0x10 (2.4): a footer. */
function id3v2(version: 3 | 4, flags = 0, padding = 0): Buffer {
  const extended = flags & 0x40 ? (version === 4 ? Buffer.from([0, 0, 0, 6, 1, 0]) : Buffer.from([0, 0, 0, 6, 0, 0, 0, 0, 0, 0])) : Buffer.alloc(0);
  const frames = Buffer.concat([extended, textFrame('TPE1', NAME, version), textFrame('TXXX', `\0LOCATION\0${PLACE}`, version), Buffer.alloc(padding)]);
  const header = Buffer.concat([text('ID3'), Buffer.from([version, 0, flags]), syncsafe(frames.length)]);
  const footer = flags & 0x10 ? Buffer.concat([text('3DI'), header.subarray(3)]) : Buffer.alloc(0);
  return Buffer.concat([header, frames, footer]);
}

/** An MPEG-1 Layer III frame, 128 kbit/s at 44.1 kHz, joint stereo: 417 bytes (418 with padding). */
function frame(fill: number, padding = false): Buffer {
  const head = Buffer.from([0xff, 0xfb, padding ? 0x92 : 0x90, 0x64]);
  return Buffer.concat([head, Buffer.alloc(padding ? 414 : 413, fill)]);
}
/** LAME's Info frame: the side information, 'Info', its fields, then the LAME tag with its fixed version string. */
function infoFrame(): Buffer {
  const f = frame(0);
  f.write('Info', 4 + 32, 'latin1');
  f.writeUInt32BE(0x0f, 4 + 36);
  f.write('LAME3.100', 4 + 156, 'latin1');
  return f;
}
const sound = () => Buffer.concat([infoFrame(), frame(0xa1), frame(0xa2, true), frame(0xa3)]);

/** ID3v1: 'TAG', title, artist, album (30 bytes each), year, comment (30), genre. */
function id3v1(): Buffer {
  const t = Buffer.alloc(128);
  t.write('TAG', 0, 'latin1');
  t.write('Sauti', 3, 'latin1');
  t.write(NAME, 33, 'latin1');
  t.write(PLACE.slice(0, 30), 97, 'latin1');
  return t;
}
/** The Enhanced TAG (227 bytes) put before ID3v1: longer title, artist, album. */
function enhancedTag(): Buffer {
  const t = Buffer.alloc(227);
  t.write('TAG+', 0, 'latin1');
  t.write(`${NAME} at ${PLACE}`, 64, 'latin1');
  return t;
}
/** APEv2 with its header and footer, one item naming the artist and one the place. */
function apeTag(): Buffer {
  const item = (key: string, value: string) => {
    const v = Buffer.from(value, 'utf8');
    const head = Buffer.alloc(8);
    head.writeUInt32LE(v.length, 0);
    return Buffer.concat([head, text(`${key}\0`), v]);
  };
  const items = Buffer.concat([item('Artist', NAME), item('Location', PLACE)]);
  const part = (isHeader: boolean) => {
    const p = Buffer.alloc(32);
    p.write('APETAGEX', 0, 'latin1');
    p.writeUInt32LE(2000, 8);
    p.writeUInt32LE(items.length + 32, 12);
    p.writeUInt32LE(2, 16);
    p.writeUInt32LE((0x80000000 | (isHeader ? 0x20000000 : 0)) >>> 0, 20);
    return p;
  };
  return Buffer.concat([part(true), items, part(false)]);
}
/** Lyrics3 v2 (sized fields, then the size in six digits and 'LYRICS200') and v1 (between 'LYRICSBEGIN' and 'LYRICSEND'). */
function lyrics3v2(): Buffer {
  const field = (id: string, value: string) => text(`${id}${String(value.length).padStart(5, '0')}${value}`);
  const body = Buffer.concat([text('LYRICSBEGIN'), field('IND', '10'), field('EAR', NAME), field('LYR', `Recorded at ${PLACE}`)]);
  return Buffer.concat([body, text(String(body.length).padStart(6, '0')), text('LYRICS200')]);
}
const lyrics3v1 = () => text(`LYRICSBEGIN${NAME}, ${PLACE}LYRICSEND`);

const cleaned = (file: Buffer) => {
  const r = withoutMetadata(Buffer.from(file));
  if (!r.ok) throw new Error('withheld');
  expect(r.cleaned).toBe(true);
  return Buffer.concat(r.parts);
};

describe('an MP3', () => {
  it('has frames of the length the MPEG standard gives them', () => {
    expect([frame(1), frame(1, true), infoFrame()].map((f) => [f.length, mpegFrameLength(f, 0)])).toEqual([[417, 417], [418, 418], [417, 417]]);
    // MPEG-2 Layer III, 64 kbit/s at 22.05 kHz: 72 * 64000 / 22050 = 208; Layer I, 32 kbit/s at 32 kHz: 12 * 32000 / 32000 * 4 = 48.
    expect(mpegFrameLength(Buffer.from([0xff, 0xf3, 0x80, 0]), 0)).toBe(208);
    expect(mpegFrameLength(Buffer.from([0xff, 0xff, 0x18, 0]), 0)).toBe(48);
    // Free format, a reserved version, bitrate or sample rate, ADTS (layer 0): not sized.
    for (const head of [[0xff, 0xfb, 0x00, 0], [0xff, 0xeb, 0x90, 0], [0xff, 0xfb, 0xf0, 0], [0xff, 0xfb, 0x9c, 0], [0xff, 0xf1, 0x50, 0x80]]) expect(mpegFrameLength(Buffer.from(head), 0)).toBeNull();
  });

  it('goes without its ID3v2 tags (several, with an extended header, a footer, padding), the frames as they were', () => {
    for (const tags of [[id3v2(3)], [id3v2(4, 0x40)], [id3v2(4, 0x50, 40)], [id3v2(3, 0x40, 100), id3v2(4, 0x10)]]) {
      const file = Buffer.concat([...tags, sound()]);
      expect(leaks(file).length).toBeGreaterThan(0);
      const out = cleaned(file);
      expect(leaks(out)).toEqual([]);
      expect(out).toEqual(sound());
      expect(out.includes(text('LAME3.100'))).toBe(true);
    }
  });

  it('goes without the tags at its end: ID3v1 and its Enhanced TAG, APEv2, Lyrics3 (both versions), an appended ID3v2.4', () => {
    const ends = [[id3v1()], [enhancedTag(), id3v1()], [apeTag()], [apeTag(), id3v1()], [lyrics3v2(), id3v1()], [lyrics3v1(), id3v1()], [id3v2(4, 0x10)], [apeTag(), lyrics3v2(), id3v1()]];
    for (const end of ends) {
      const file = Buffer.concat([id3v2(3), sound(), ...end]);
      const out = cleaned(file);
      expect(leaks(out)).toEqual([]);
      expect(out).toEqual(sound());
    }
  });

  it('is not given out when anything but frames lies between the tags (a tag in the middle, text, a frame cut short)', () => {
    const refused = [
      Buffer.concat([infoFrame(), id3v2(3), frame(1)]),
      Buffer.concat([sound(), text(`${NAME} ${PLACE}`)]),
      Buffer.concat([sound().subarray(0, 1000), id3v1()]),
      Buffer.concat([Buffer.alloc(20), sound()]),
      // An ID3v2 tag with flags this does not know, or a version it does not know, or a size not syncsafe.
      Buffer.concat([text('ID3\x03\0\x01'), syncsafe(10), Buffer.alloc(10), sound()]),
      Buffer.concat([text('ID3\x05\0\0'), syncsafe(10), Buffer.alloc(10), sound()]),
      Buffer.concat([text('ID3\x03\0\0\0\0\0\x80'), sound()]),
      // A tag alone, no sound.
      id3v2(3),
    ];
    for (const file of refused) expect(withoutMetadata(file)).toEqual({ ok: false });
  });

  it('is not given out, and nothing throws, when it is cut short in a tag or a frame; cut between frames, it is the sound alone', () => {
    const head = id3v2(4, 0x40).length;
    const file = Buffer.concat([id3v2(4, 0x40), sound(), apeTag(), lyrics3v2(), id3v1()]);
    // Where a whole frame or a whole tag ends: what is left there is a shorter file, whole.
    const whole = new Set([417, 834, 1252, 1669, 1669 + apeTag().length, 1669 + apeTag().length + lyrics3v2().length].map((n) => head + n));
    for (let cut = 0; cut < file.length; cut++) {
      const r = withoutMetadata(file.subarray(0, cut));
      // A shorter recording of whole frames (the archive also checks the length Telegram gave).
      if (whole.has(cut)) expect([cut, r.ok && leaks(Buffer.concat(r.parts))]).toEqual([cut, []]);
      else expect([cut, r]).toEqual([cut, { ok: false }]);
    }
  });
});
