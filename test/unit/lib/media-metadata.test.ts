/**
 * Files sent "as a file" carry what the phone wrote into them (the place, the device). For a
 * reporter who did not agree to share who they are, the evidence archive sends them without it.
 */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { IsoBmffScrub, metadataPlan, metadataScrubber } from '../../../src/lib/media-metadata';

const box = (type: string, ...body: Buffer[]) => {
  const content = Buffer.concat(body);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + content.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, content]);
};
const text = (s: string) => Buffer.from(s, 'latin1');
/** The place as an iPhone writes it into a video (ISO 6709), and the phone's name. */
const PLACE = '+01.2921+036.8219+1700.000/';
const DEVICE = 'iPhone 15 of Wanjiru';

function video(moovFirst: boolean): { file: Buffer; media: Buffer } {
  const media = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 251));
  const moov = box(
    'moov',
    box('mvhd', Buffer.alloc(100, 1)),
    box('trak', box('tkhd', Buffer.alloc(84, 2)), box('mdia', box('mdhd', Buffer.alloc(24, 3)), box('minf', box('stbl', Buffer.alloc(64, 4))))),
    box('udta', box('\xa9xyz', text(PLACE))),
    box('meta', text(`keys com.apple.quicktime.location.ISO6709 ${PLACE} com.apple.quicktime.model ${DEVICE}`)),
  );
  const parts = [box('ftyp', text('mp42'), Buffer.alloc(4), text('isommp42')), ...(moovFirst ? [moov, box('mdat', media)] : [box('mdat', media), moov]), box('uuid', Buffer.alloc(16, 9), text(`<x:xmpmeta>${DEVICE}</x:xmpmeta>`))];
  return { file: Buffer.concat(parts), media };
}

/** Through the scrubber in pieces of `size` bytes, as a download arrives. */
async function through(t: NodeJS.ReadWriteStream, file: Buffer, size: number): Promise<Buffer> {
  const pieces = Array.from({ length: Math.ceil(file.length / size) }, (_, i) => file.subarray(i * size, (i + 1) * size));
  return buffer(Readable.from(pieces).pipe(t));
}

describe('a video without its metadata', () => {
  it.each([
    ['the movie box first, whole', true, 1 << 20],
    ['the movie box after the media, a byte at a time', false, 1],
    ['the movie box after the media, in pieces of 7 bytes', false, 7],
  ])('blanks the place, the device and XMP, and moves nothing: %s', async (_what, moovFirst, size) => {
    const { file, media } = video(moovFirst);
    const out = await through(new IsoBmffScrub(), file, size);
    expect(out.length).toBe(file.length);
    for (const secret of [PLACE, DEVICE, '+01.2921']) expect(out.includes(text(secret))).toBe(false);
    // The media data is where it was, byte for byte: the video's offsets still point at it.
    expect(out.indexOf(media)).toBe(file.indexOf(media));
    // What plays it is untouched; the metadata boxes are free space of the same size.
    for (const kept of ['mvhd', 'tkhd', 'mdhd', 'stbl', 'ftyp']) expect(out.indexOf(text(kept))).toBe(file.indexOf(text(kept)));
    expect(out.indexOf(text('udta'))).toBe(-1);
    expect(out.readUInt32BE(file.indexOf(text('udta')) - 4)).toBe(file.readUInt32BE(file.indexOf(text('udta')) - 4));
    expect(out.toString('latin1', file.indexOf(text('udta')), file.indexOf(text('udta')) + 4)).toBe('free');
  });

  it('drops the part of a movie box cut short rather than send it unblanked', async () => {
    const { file } = video(false);
    const cut = file.subarray(0, file.indexOf(text('udta')) + 10);
    const out = await through(new IsoBmffScrub(), cut, 64);
    expect(out.includes(text(PLACE.slice(0, 5)))).toBe(false);
    expect(out.length).toBeLessThan(cut.length);
  });
});

describe('a photo without its metadata', () => {
  it('removes the EXIF block (GPS, device) and keeps the picture', async () => {
    const exif = Buffer.concat([text('Exif\0\0'), text(`GPS ${PLACE} ${DEVICE}`)]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([0, exif.length + 2]), exif]);
    const picture = Buffer.concat([Buffer.from([0xff, 0xdb, 0x00, 0x05, 1, 2, 3]), Buffer.from([0xff, 0xda, 0x00, 0x04, 9, 9]), Buffer.alloc(500, 0x55), Buffer.from([0xff, 0xd9])]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), app1, picture]);
    expect(metadataPlan(jpeg.subarray(0, 12), 'document')).toEqual({ action: 'scrub', as: 'image' });
    const out = await through(metadataScrubber('image'), jpeg, 5);
    expect(out.includes(text(DEVICE))).toBe(false);
    expect(out.includes(text('Exif'))).toBe(false);
    expect(out).toEqual(Buffer.concat([Buffer.from([0xff, 0xd8]), picture]));
  });
});

describe('which files can be sent without what identifies the phone', () => {
  const head = (s: string) => Buffer.concat([text(s), Buffer.alloc(12)]).subarray(0, 12);
  it('cleans images and videos, keeps a voice note as recorded, and holds back the rest', () => {
    expect(metadataPlan(head('\0\0\0\x18ftypmp42'), 'video')).toEqual({ action: 'scrub', as: 'video' });
    expect(metadataPlan(head('\0\0\0\x14ftypqt  '), 'document')).toEqual({ action: 'scrub', as: 'video' });
    expect(metadataPlan(head('\x89PNG\r\n\x1a\n'), 'document')).toEqual({ action: 'scrub', as: 'image' });
    expect(metadataPlan(head('RIFF\0\0\0\0WEBP'), 'document')).toEqual({ action: 'scrub', as: 'image' });
    expect(metadataPlan(head('OggS\0\x02'), 'voice')).toEqual({ action: 'keep' });
    // An iPhone photo (HEIC): its picture is described in the box that holds the EXIF.
    expect(metadataPlan(head('\0\0\0\x18ftypheic'), 'document')).toEqual({ action: 'withhold' });
    // A PDF names its author; a music file its artist; an Ogg file not recorded by Telegram, anything.
    expect(metadataPlan(head('%PDF-1.7'), 'document')).toEqual({ action: 'withhold' });
    expect(metadataPlan(head('ID3\x04'), 'audio')).toEqual({ action: 'withhold' });
    expect(metadataPlan(head('OggS\0\x02'), 'audio')).toEqual({ action: 'withhold' });
  });
});
