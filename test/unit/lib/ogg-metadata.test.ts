/**
 * A voice note is an Ogg file whose comment header an app or a bot uploading it can fill with the
 * reporter's name, their account, where it was recorded. For a reporter whose identity does not
 * go, the evidence archive sends it without those comments (a valid Ogg stream, the sound's bytes
 * as they were), or not at all. Ogg framing: RFC 3533; Ogg Opus: RFC 7845; Vorbis I, section 4.
 */
import { withoutMetadata } from '../../../src/lib/media-metadata';
import { commentList, crc, headerPages, lacingOf, opusHead, opusTags as tagsOf, page } from '../../support/ogg';

const text = (s: string) => Buffer.from(s, 'utf8');
const NAME = 'Jane Wanjiku';
const PLACE = 'Kasarani Police Station';
const leaks = (b: Buffer) => [NAME, PLACE, '-1.2219', 'ARTIST', 'jane_w_254'].filter((s) => b.includes(text(s)));

const VENDOR = 'libopus 1.4';
const TAGS = [`ARTIST=${NAME}`, 'TITLE=Sauti kutoka Kasarani', `LOCATION=${PLACE}`, 'GEO_LOCATION=-1.2219,36.8965', 'ENCODED_BY=recorder app, account jane_w_254'];
const opusTags = (comments = TAGS, vendor = VENDOR) => tagsOf(comments, vendor);
/** Two pages of sound: three Opus packets, then one more that ends the stream. */
const audio = [Buffer.alloc(120, 0xa1), Buffer.alloc(300, 0xa2), Buffer.alloc(90, 0xa3), Buffer.alloc(60, 0xa4)];
const audioPages = (from: number) => [
  page({ seq: from, granule: 2880n, lacing: audio.slice(0, 3).flatMap((p) => lacingOf(p.length)), body: Buffer.concat(audio.slice(0, 3)) }),
  page({ seq: from + 1, granule: 3840n, flags: 0x04, lacing: lacingOf(60), body: audio[3] }),
];
const idPage = page({ seq: 0, flags: 0x02, lacing: [opusHead.length], body: opusHead });
const voiceNote = (tags = opusTags()) => Buffer.concat([idPage, page({ seq: 1, lacing: lacingOf(tags.length), body: tags }), ...audioPages(2)]);

interface ReadPage { flags: number; granule: bigint; serial: number; seq: number; lacing: number[]; body: Buffer }

/** Reads the cleaned file back page by page, failing the test on any page whose framing or checksum is wrong. */
function readPages(b: Buffer): ReadPage[] {
  const pages: ReadPage[] = [];
  for (let at = 0; at < b.length; ) {
    expect(b.toString('latin1', at, at + 4)).toBe('OggS');
    const n = b[at + 26];
    const lacing = [...b.subarray(at + 27, at + 27 + n)];
    const end = at + 27 + n + lacing.reduce((s, v) => s + v, 0);
    const whole = Buffer.from(b.subarray(at, end));
    const stored = whole.readUInt32LE(22);
    whole.writeUInt32LE(0, 22);
    expect(crc(whole)).toBe(stored);
    pages.push({ flags: b[at + 5], granule: b.readBigInt64LE(at + 6), serial: b.readUInt32LE(at + 14), seq: b.readUInt32LE(at + 18), lacing, body: b.subarray(at + 27 + n, end) });
    at = end;
  }
  expect(pages.map((p) => p.seq)).toEqual(pages.map((_, i) => i));
  expect(new Set(pages.map((p) => p.serial)).size).toBe(1);
  return pages;
}

/** The stream's packets, joined across pages. */
function packetsOf(pages: ReadPage[]): Buffer[] {
  const packets: Buffer[] = [];
  let pieces: Buffer[] = [];
  for (const p of pages) {
    expect(Boolean(p.flags & 1)).toBe(pieces.length > 0);
    let at = 0;
    for (const v of p.lacing) {
      pieces.push(p.body.subarray(at, at + v));
      at += v;
      if (v < 255) {
        packets.push(Buffer.concat(pieces));
        pieces = [];
      }
    }
  }
  return packets;
}

const cleaned = (file: Buffer) => {
  const r = withoutMetadata(Buffer.from(file));
  if (!r.ok) throw new Error('withheld');
  expect(r.cleaned).toBe(true);
  return Buffer.concat(r.parts);
};

describe('the checksum these tests check pages with', () => {
  it('is Ogg\'s: the CRC-32 catalogue\'s check value without its final xor, and what another Ogg writer (mutagen 1.48) wrote', () => {
    // CRC-32/CKSUM (same polynomial, unreflected, initial 0) gives 0x765E7680 for "123456789" after xoring 0xFFFFFFFF.
    expect(crc(text('123456789'))).toBe((0x765e7680 ^ 0xffffffff) >>> 0);
    const written = Buffer.from('4f676753000000000000000000003412000003000000d6f6a0cf01154f707573546167730500000068656c6c6f00000000', 'hex');
    const zeroed = Buffer.from(written);
    zeroed.writeUInt32LE(0, 22);
    expect(crc(zeroed)).toBe(written.readUInt32LE(22));
  });
});

describe('a voice note in Ogg Opus', () => {
  it('goes without its comments and its encoder\'s name, the sound\'s pages as they were, a valid stream', () => {
    const file = voiceNote();
    expect(leaks(file)).toHaveLength(5);
    const out = cleaned(file);
    expect(leaks(out)).toEqual([]);
    const pages = readPages(out);
    const packets = packetsOf(pages);
    expect(packets[0]).toEqual(opusHead);
    expect(packets[1]).toEqual(opusTags([], ''));
    expect(packets.slice(2)).toEqual(audio);
    // The comments took one page and still do: the sound's pages are the same bytes, numbers and checksums too.
    expect(out.subarray(out.length - Buffer.concat(audioPages(2)).length)).toEqual(Buffer.concat(audioPages(2)));
    expect(pages[1]).toMatchObject({ flags: 0, granule: 0n });
    expect(pages[3].flags).toBe(0x04);
  });

  it('goes without comments that take several pages (a cover picture), the sound\'s pages numbered on after them', () => {
    const picture = `METADATA_BLOCK_PICTURE=${'QUJD'.repeat(17000)}`;
    const tags = opusTags([...TAGS, picture]);
    const commentPages = headerPages([tags], 1);
    expect(commentPages).toHaveLength(2);
    const file = Buffer.concat([idPage, ...commentPages, ...audioPages(3)]);
    expect(packetsOf(readPages(file))[1]).toEqual(tags);
    const out = cleaned(file);
    expect(leaks(out)).toEqual([]);
    expect(out.includes(text('QUJDQUJD'))).toBe(false);
    const pages = readPages(out);
    expect(pages).toHaveLength(4);
    expect(packetsOf(pages)).toEqual([opusHead, opusTags([], ''), ...audio]);
    expect(pages.slice(2).map((p) => p.body)).toEqual([Buffer.concat(audio.slice(0, 3)), audio[3]]);
    expect(pages.slice(2).map((p) => p.granule)).toEqual([2880n, 3840n]);
  });

  it('is not given out when its comment header shares a page with sound, or another stream follows or is woven in', () => {
    const tags = opusTags();
    const shared = Buffer.concat([idPage, page({ seq: 1, lacing: [...lacingOf(tags.length), 120], body: Buffer.concat([tags, audio[0]]) })]);
    expect(withoutMetadata(shared)).toEqual({ ok: false });
    // A second voice note chained after the first, with comments of its own.
    const chained = Buffer.concat([voiceNote(), page({ seq: 0, serial: 7, flags: 0x02, lacing: [opusHead.length], body: opusHead }), page({ seq: 1, serial: 7, lacing: lacingOf(tags.length), body: tags })]);
    expect(withoutMetadata(chained)).toEqual({ ok: false });
    const woven = Buffer.concat([idPage, page({ seq: 0, serial: 7, flags: 0x02, lacing: [opusHead.length], body: opusHead }), page({ seq: 1, lacing: lacingOf(tags.length), body: tags }), ...audioPages(2)]);
    expect(withoutMetadata(woven)).toEqual({ ok: false });
    // Bytes after the stream's last page.
    expect(withoutMetadata(Buffer.concat([voiceNote(), text(`${NAME} ${PLACE}`)]))).toEqual({ ok: false });
  });

  it('goes without an encoder\'s "name" that an app filled with the reporter\'s, short or long', () => {
    for (const vendor of [`recorder of ${NAME}`, `recorder of ${NAME} `.repeat(20)]) {
      const out = cleaned(voiceNote(opusTags([], vendor)));
      expect(leaks(out)).toEqual([]);
      expect(packetsOf(readPages(out))).toEqual([opusHead, opusTags([], ''), ...audio]);
    }
  });

  it('is not given out, and nothing throws, when it is cut short anywhere or any byte of it is changed', () => {
    const file = voiceNote();
    for (let cut = 0; cut < file.length; cut++) expect(withoutMetadata(file.subarray(0, cut))).toEqual({ ok: false });
    for (let at = 0; at < file.length; at++) {
      const changed = Buffer.from(file);
      changed[at] ^= 0x41;
      expect(withoutMetadata(changed)).toEqual({ ok: false });
    }
  });
});

describe('a voice note in Ogg Vorbis', () => {
  it('goes without its comments, its codebooks as they were (even when they take more than a page)', () => {
    const id = Buffer.concat([text('\x01vorbis'), Buffer.alloc(23, 1)]);
    const comments = Buffer.concat([text('\x03vorbis'), commentList('Xiph.Org libVorbis I 20200704', TAGS), Buffer.from([1])]);
    for (const size of [600, 66000]) {
      const setup = Buffer.concat([text('\x05vorbis'), Buffer.alloc(size, 0x5e)]);
      const headers = headerPages([comments, setup], 1);
      const file = Buffer.concat([page({ seq: 0, flags: 0x02, lacing: [id.length], body: id }), ...headers, ...audioPages(1 + headers.length)]);
      const out = cleaned(file);
      expect(leaks(out)).toEqual([]);
      const pages = readPages(out);
      expect(pages).toHaveLength(1 + headers.length + 2);
      expect(packetsOf(pages)).toEqual([id, Buffer.concat([text('\x03vorbis'), commentList('', []), Buffer.from([1])]), setup, ...audio]);
    }
  });
});

describe('other audio', () => {
  it('is not given out: an MP3 with no frame after its ID3 tag, an M4A with no tracks, a FLAC, Speex in Ogg (MP3 and M4A: mp3-metadata.test.ts, m4a-metadata.test.ts)', () => {
    const speex = page({ seq: 0, flags: 0x02, lacing: [80], body: Buffer.concat([text('Speex   '), Buffer.alloc(72)]) });
    expect(withoutMetadata(Buffer.concat([text(`ID3\x04\0\0\0\0\0\x20TPE1${NAME}`), Buffer.alloc(50)]))).toEqual({ ok: false });
    expect(withoutMetadata(Buffer.concat([Buffer.from([0, 0, 0, 24]), text('ftypM4A \0\0\0\0M4A isom'), Buffer.alloc(50)]))).toEqual({ ok: false });
    expect(withoutMetadata(Buffer.concat([text('fLaC'), Buffer.alloc(50)]))).toEqual({ ok: false });
    expect(withoutMetadata(speex)).toEqual({ ok: false });
  });
});
