/**
 * An M4A a recorder or music app sent can carry who made it and where: iTunes items ('ilst' in
 * 'meta' in 'udta'), QuickTime's '©xyz' (the place it was recorded), XMP in a 'uuid' box, a handler's
 * name, the recording's date. For a reporter whose identity does not go, it is played and archived
 * with those boxes turned into zeroed 'free' ones of the same size (the chunk offsets stay right),
 * or not at all. ISO/IEC 14496-12.
 */
import { isAudioFile, withoutMetadata } from '../../../src/lib/media-metadata';
import { box, m4aRecording, u32, type M4aOptions } from '../../support/m4a';

const text = (s: string) => Buffer.from(s, 'utf8');
const NAME = 'Jane Wanjiku';
const PLACE = 'Kasarani Police Station';
const leaks = (b: Buffer) => [NAME, PLACE, 'Wanjiku', 'Kasarani', '-01.2219+036.8965'].filter((s) => b.includes(text(s)));

const SOUND = Buffer.alloc(600, 0x5a);
const m4a = (o: Omit<M4aOptions, 'name' | 'place' | 'sound'> = {}) => m4aRecording({ name: NAME, place: PLACE, sound: SOUND, ...o });

interface ReadBox { type: string; start: number; end: number; body: Buffer }
/** The boxes the test reads back (32- and 64-bit sizes), children of the containers named. */
function read(b: Buffer, from = 0, to = b.length, into: ReadBox[] = []): ReadBox[] {
  for (let at = from; at < to; ) {
    let size = b.readUInt32BE(at);
    let head = 8;
    if (size === 1) [size, head] = [Number(b.readBigUInt64BE(at + 8)), 16];
    const type = b.toString('latin1', at + 4, at + 8);
    into.push({ type, start: at, end: at + size, body: b.subarray(at + head, at + size) });
    if (['moov', 'trak', 'mdia', 'minf', 'stbl', 'dinf'].includes(type)) read(b, at + head, at + size, into);
    at += size;
  }
  return into;
}

const cleaned = (file: Buffer) => {
  const r = withoutMetadata(Buffer.from(file));
  if (!r.ok) throw new Error('withheld');
  expect(r.cleaned).toBe(true);
  return Buffer.concat(r.parts);
};

describe('an M4A', () => {
  it('goes with its tags, XMP and old tags turned into zeroed free boxes of the same size, the sound where it was', () => {
    const file = m4a();
    expect(leaks(file)).toHaveLength(5);
    const out = cleaned(file);
    expect(leaks(out)).toEqual([]);
    expect(out.length).toBe(file.length);
    const before = read(file);
    const after = read(out);
    expect(after.map((b) => [b.start, b.end])).toEqual(before.map((b) => [b.start, b.end]));
    expect(after.map((b) => b.type)).toEqual(['ftyp', 'moov', 'mvhd', 'trak', 'tkhd', 'mdia', 'mdhd', 'hdlr', 'minf', 'smhd', 'dinf', 'dref', 'stbl', 'stsd', 'stts', 'stsc', 'stsz', 'stco', 'free', 'free', 'free', 'free', 'free', 'mdat']);
    for (const freed of after.filter((b) => b.type === 'free')) expect(freed.body.equals(Buffer.alloc(freed.body.length))).toBe(true);
    // The sound, and the chunk offset pointing at it, as they were.
    const mdat = after[after.length - 1];
    expect(mdat.body).toEqual(SOUND);
    expect(after.find((b) => b.type === 'stco')!.body.readUInt32BE(8)).toBe(mdat.start + 8);
    for (const type of ['ftyp', 'stts', 'stsc', 'stsz', 'stco', 'dref', 'smhd']) expect(after.find((b) => b.type === type)!.body).toEqual(before.find((b) => b.type === type)!.body);
  });

  it('goes without the day it was recorded and its handler\'s name, keeping its length, rate and kind', () => {
    const out = read(cleaned(m4a()));
    for (const type of ['mvhd', 'tkhd', 'mdhd']) {
      const body = out.find((b) => b.type === type)!.body;
      expect([type, body.readUInt32BE(4), body.readUInt32BE(8)]).toEqual([type, 0, 0]);
    }
    expect(out.find((b) => b.type === 'mvhd')!.body.subarray(12, 20)).toEqual(u32(44100, 441000));
    const handler = out.find((b) => b.type === 'hdlr')!.body;
    expect(handler.toString('latin1', 8, 12)).toBe('soun');
    expect(handler.subarray(24).equals(Buffer.alloc(handler.length - 24))).toBe(true);
    // The box an app added to the decoder's setup goes; the setup stays.
    const stsd = out.find((b) => b.type === 'stsd')!.body;
    expect(stsd.includes(text('esds'))).toBe(true);
    expect(stsd.includes(text('note'))).toBe(false);
  });

  it('is cleaned with 64-bit box sizes (a large mdat, a udta), which stay 64-bit', () => {
    const file = m4a({ wideMdat: true, wideUdta: true });
    const out = cleaned(file);
    expect(leaks(out)).toEqual([]);
    const boxes = read(out);
    expect(boxes[boxes.length - 1].body).toEqual(SOUND);
    expect(boxes.map((b) => [b.start, b.end])).toEqual(read(file).map((b) => [b.start, b.end]));
    const udta = read(file).find((b) => b.type === 'udta' && file.readUInt32BE(b.start) === 1)!;
    expect([out.readUInt32BE(udta.start), out.toString('latin1', udta.start + 4, udta.start + 8)]).toEqual([1, 'free']);
  });

  it('is played when an Android recorder brands it mp42 or isom, as videos are branded, if its tracks are all sound', () => {
    for (const brands of ['mp42\0\0\0\0isommp42', 'isom\0\0\0\x01isomiso2mp41', '3gp4\0\0\0\0isom3gp4']) {
      const file = m4a({ brands });
      expect(isAudioFile(file)).toBe(true);
      expect(leaks(cleaned(file))).toEqual([]);
    }
  });

  it('is not given out when a track is not sound (a video, chapter text, timed metadata) or there is none, or the brand is a picture\'s or unknown', () => {
    for (const handlers of [['vide'], ['soun', 'vide'], ['soun', 'text'], ['soun', 'meta'], []]) {
      const file = m4a({ brands: 'mp42\0\0\0\0isommp42', handlers });
      expect([handlers, withoutMetadata(file)]).toEqual([handlers, { ok: false }]);
      expect(isAudioFile(file)).toBe(false);
    }
    for (const brands of ['heic\0\0\0\0mif1heic', 'qt  \0\0\0\0qt  ', 'M4P \0\0\0\0M4P ', 'M4A \0\0']) expect(withoutMetadata(m4a({ brands }))).toEqual({ ok: false });
  });

  it('is not given out when a size does not fit, the file is fragmented, or its sound is elsewhere', () => {
    const file = m4a();
    const boxes = read(file);
    const at = (type: string) => boxes.find((b) => b.type === type)!.start;
    const sized = (type: string, size: number | bigint) => {
      const changed = Buffer.from(file);
      if (typeof size === 'bigint') {
        const wide = m4a({ wideUdta: true });
        wide.writeBigUInt64BE(size, read(wide).find((b) => b.type === 'udta' && wide.readUInt32BE(b.start) === 1)!.start + 8);
        return wide;
      }
      changed.writeUInt32BE(size, at(type));
      return changed;
    };
    const moovEnd = boxes.find((b) => b.type === 'moov')!.end;
    const refused = [
      sized('stsd', 1_000_000), // past its parent
      sized('udta', 4), // smaller than its own header
      sized('mdat', file.length), // past the file
      sized('udta', 2n ** 40n), // a 64-bit size past the file
      sized('udta', 8n), // a 64-bit size smaller than its header
      Buffer.concat([file, text(NAME)]), // bytes after the last box
      Buffer.concat([file.subarray(0, moovEnd), box('moof', [Buffer.alloc(16)]), file.subarray(moovEnd)]),
    ];
    // Sound elsewhere: a data reference to another file, a chunk offset outside any mdat.
    const external = Buffer.from(file);
    external[file.indexOf('url ') + 7] = 0;
    const outside = Buffer.from(file);
    outside.writeUInt32BE(at('uuid') + 8, at('stco') + 16);
    for (const [i, f] of [...refused, external, outside].entries()) expect([i, withoutMetadata(f)]).toEqual([i, { ok: false }]);
  });

  it('is not given out, and nothing throws, when it is cut short anywhere', () => {
    const file = m4a();
    for (let cut = 0; cut < file.length; cut++) expect([cut, withoutMetadata(file.subarray(0, cut))]).toEqual([cut, { ok: false }]);
  });
});
