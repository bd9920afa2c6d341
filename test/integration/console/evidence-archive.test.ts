/**
 * Every evidence file of a report as one ZIP, from the console over HTTP, the files coming from
 * Telegram (the Bot API double): the entries and their bytes, MANIFEST.txt (types, sizes, when
 * received, SHA-256; a file Telegram does not give is listed as not included rather than failing
 * the download), the reporter named only under the case file's consent rule, never notes or agent
 * replies, and every download in the audit trail. Then a download cut half-way by Telegram.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Types } from 'mongoose';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { createLogger } from '../../../src/logger';
import { EvidenceArchiveService } from '../../../src/services/evidence-archive';
import type { EvidenceFilePort } from '../../../src/services/ports';
import type { ReportDoc } from '../../../src/store';
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { opusVoiceNote } from '../../support/ogg';
import { m4aRecording } from '../../support/m4a';
import { reportInput, reporter } from '../../support/tickets-harness';
import { TelegramDouble } from '../../support/telegram';

let tg: TelegramDouble;
let h: ConsoleHarness;

beforeAll(async () => {
  tg = await TelegramDouble.start();
  h = await createConsoleHarness({ label: 'console-archive', env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot } });
  await h.account('wambui', 'agent');
  await h.account('otieno', 'agent');
});

afterAll(async () => {
  await h?.close();
  await tg?.stop();
});

/** Every entry of a ZIP with its bytes, read back with yauzl (which checks each entry's CRC). */
async function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<ZipFile>((resolve, reject) => fromBuffer(buf, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))));
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return out;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Where the photo was taken, as the phone wrote it into the file's EXIF block. */
const GPS = 'GPS -1.29210 36.82190 Galaxy A14 of Wanjiru';
function jpegWithGps(): Buffer {
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(GPS)]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), jpegSegment(0xe1, exif), jpegPicture(5000)]);
}

function jpegSegment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** A JPEG's tables, one scan of `coded` bytes and its end. */
function jpegPicture(coded: number): Buffer {
  const tables = [jpegSegment(0xdb, Buffer.alloc(65, 1)), jpegSegment(0xc0, Buffer.alloc(15, 2)), jpegSegment(0xc4, Buffer.alloc(30, 3)), jpegSegment(0xda, Buffer.alloc(10, 4))];
  return Buffer.concat([...tables, Buffer.alloc(coded, 0x55), Buffer.from([0xff, 0xd9])]);
}

/** The first `length` bytes of an MP4 of `total` bytes: its type box, then media data to the end. */
function mp4Start(total: number, length: number): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 16]), Buffer.from('ftypmp42', 'latin1'), Buffer.alloc(4)]);
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(total - ftyp.length);
  mdat.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp, mdat, Buffer.alloc(length - 24, 2)]);
}

const SOUND = Buffer.alloc(2800, 9);

async function takenReport(opts: { anonymous: boolean }): Promise<{ report: ReportDoc; id: string; photo: Buffer; pdf: Buffer; voice: Buffer; agent: ReturnType<ConsoleHarness['browser']> }> {
  const photo = jpegWithGps();
  const pdf = Buffer.from('%PDF-1.4\nreceipt from the roadblock\n');
  // Sent by an app that wrote who recorded it, and where, into its comments.
  const voice = opusVoiceNote(['ARTIST=Wanjiru', 'LOCATION=Kasarani roadblock'], [SOUND]);
  const p = tg.addFile(photo, { mimeType: 'image/jpeg', kind: 'photo' });
  const d = tg.addFile(pdf, { mimeType: 'application/pdf', fileName: '../../receipt.pdf', kind: 'document' });
  const v = tg.addFile(voice, { mimeType: 'audio/ogg', kind: 'voice' });
  const who = await reporter(h.store);
  await h.store.reporters.setPhone(who._id, '+254711222333');
  const { report } = await h.reports.submit({
    ...reportInput(who._id),
    anonymous: opts.anonymous,
    evidence: [
      { kind: 'photo', fileId: p.file_id, fileUniqueId: p.file_unique_id, size: photo.length, caption: 'the officer at the roadblock' },
      { kind: 'document', fileId: d.file_id, fileUniqueId: d.file_unique_id, mimeType: 'application/pdf', fileName: '../../receipt.pdf', size: pdf.length },
      { kind: 'photo', fileId: 'AgAC-no-such-file', fileUniqueId: 'gone' },
    ],
  });
  const id = report._id.toString();
  await h.store.messages.addIncoming(id, { media: { kind: 'voice', fileId: v.file_id, fileUniqueId: v.file_unique_id, mimeType: 'audio/ogg', size: voice.length } });
  const agent = h.browser();
  await agent.signIn('wambui');
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  return { report, id, photo, pdf, voice, agent };
}

async function download(agent: ReturnType<ConsoleHarness['browser']>, url: string): Promise<Response> {
  return fetch(`${h.base}${url}`, { headers: { cookie: `ripoti_session=${agent.cookies.get('ripoti_session')}` } });
}

it('downloads every file as one ZIP with a manifest; a file Telegram does not give is listed, not a failure; the download is in the history', async () => {
  const { report, id, photo, pdf, voice, agent } = await takenReport({ anonymous: false });
  const page = await agent.get(`/tickets/${id}`);
  expect(page.body).toContain(`/tickets/${id}/evidence-archive`);
  await agent.post(`/tickets/${id}/note`, { text: 'INTERNAL NOTE do not share' });
  await h.store.reports.addEvent(id, 'consent_answered', { kind: 'reporter' }, { agency: 'IPOA', answer: 'yes', covers: 'name_phone' });

  const res = await download(agent, `/tickets/${id}/evidence-archive?lang=en`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ripoti-${report.reference}-evidence.zip"`);
  const files = await unzip(Buffer.from(await res.arrayBuffer()));
  // Not referred, so no consent: the photo goes without what the phone wrote into it, and a PDF
  // (which can name its author) not at all.
  expect([...files.keys()]).toEqual(['evidence/01-photo.jpg', 'later-messages/01-voice.ogg', 'MANIFEST.txt']);
  const cleaned = files.get('evidence/01-photo.jpg')!;
  expect(cleaned.includes(Buffer.from(GPS))).toBe(false);
  expect(cleaned).toEqual(Buffer.concat([photo.subarray(0, 2), photo.subarray(photo.indexOf(Buffer.from([0xff, 0xdb])))]));
  // The voice note without its comments: the sound as it was.
  const heard = files.get('later-messages/01-voice.ogg')!;
  for (const tag of ['Wanjiru', 'Kasarani', 'ARTIST']) expect([tag, heard.includes(Buffer.from(tag))]).toEqual([tag, false]);
  expect(heard.subarray(heard.length - SOUND.length)).toEqual(SOUND);

  const manifest = files.get('MANIFEST.txt')!.toString('utf8');
  expect(manifest).toContain(`Ripoti: the evidence of report ${report.reference}`);
  expect(manifest).toContain('Files: 2 of 4 are in this archive.');
  expect(manifest).toMatch(/evidence\/01-photo\.jpg\r\n {2}Photo, .+; received with the report on .+\r\n {2}Caption: the officer at the roadblock\r\n {2}The details the phone wrote into this file \(where and when it was made, the device\) were removed.+\r\n {2}SHA-256: ([0-9a-f]{64})/);
  expect(manifest).toContain(`SHA-256: ${sha256(cleaned)}`);
  expect(manifest).toContain('Name as sent: ../../receipt.pdf');
  expect(manifest).toMatch(/02-receipt\.pdf\r\n.+\r\n.+\r\n {2}NOT INCLUDED: a file of this kind can carry details of the phone that made it/);
  expect(manifest).toMatch(/evidence\/03-photo\.jpg\r\n {2}Photo; received with the report on .+\r\n {2}NOT INCLUDED: Telegram did not give us this file/);
  expect(manifest).toMatch(/later-messages\/01-voice\.ogg\r\n {2}Voice note, audio\/ogg, 2\.9 KB; received in a later message on .+\r\n {2}The details the phone wrote into this file .+ were removed.+\r\n {2}SHA-256: ([0-9a-f]{64})/);
  expect(manifest).toContain(`SHA-256: ${sha256(heard)}`);
  // Not referred: no agency, so no identity; notes never.
  expect(manifest).toContain('To reach the reporter, contact Ripoti and quote reference number');
  for (const secret of ['Wanjiru', '+254711222333', 'INTERNAL NOTE', tg.token]) expect([secret, manifest.includes(secret)]).toEqual([secret, false]);

  // Referred to IPOA with the reporter's yes: the manifest names them, as the case file does.
  expect((await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' })).statusCode).toBe(303);
  const withYes = await unzip(Buffer.from(await (await download(agent, `/tickets/${id}/evidence-archive?lang=sw`)).arrayBuffer()));
  // With consent the files go as sent.
  expect(withYes.get('evidence/01-photo.jpg')!.equals(photo)).toBe(true);
  expect(withYes.get('evidence/02-receipt.pdf')!.equals(pdf)).toBe(true);
  expect(withYes.get('later-messages/01-voice.ogg')!.equals(voice)).toBe(true);
  const referred = withYes.get('MANIFEST.txt')!.toString('utf8');
  expect(referred).toContain(`SHA-256: ${sha256(photo)}`);
  expect(referred).not.toContain('Taarifa ambazo simu iliweka');
  expect(referred).toContain(`Ripoti: ushahidi wa ripoti ${report.reference}`);
  expect(referred).toContain('Imepelekwa kwa IPOA');
  expect(referred).toContain('Jina kwenye Telegram (halijathibitishwa): Wanjiru');
  expect(referred).toContain('Nambari ya simu: +254711222333');
  expect(referred).toContain('HALIMO: Telegram haikutupa faili hili');

  const history = await h.store.reports.history(id);
  expect(history.filter((e) => e.type === 'evidence_archive').map((e) => ({ ...e.data, by: String(e.actor.agentId) }))).toEqual([
    { agency: null, withIdentity: false, language: 'en', files: 4, missing: 2, complete: true, by: String((await h.store.agents.findByUsername('wambui'))!._id) },
    { agency: 'IPOA', withIdentity: true, language: 'sw', files: 4, missing: 1, complete: true, by: String((await h.store.agents.findByUsername('wambui'))!._id) },
  ]);
  expect((await agent.get(`/tickets/${id}`)).body).toContain('Evidence downloaded as one archive');

  // Only for whoever may open the ticket.
  const other = h.browser();
  await other.signIn('otieno');
  expect((await download(other, `/tickets/${id}/evidence-archive`)).status).toBe(403);
});

it('an anonymous report: the manifest never names the reporter, even referred with a yes on record', async () => {
  const { id, agent } = await takenReport({ anonymous: true });
  await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' });
  await h.store.reports.addEvent(id, 'consent_answered', { kind: 'reporter' }, { agency: 'IPOA', answer: 'yes', covers: 'name_phone' });
  const files = await unzip(Buffer.from(await (await download(agent, `/tickets/${id}/evidence-archive?lang=en`)).arrayBuffer()));
  const manifest = files.get('MANIFEST.txt')!.toString('utf8');
  expect(manifest).toContain('Referred to IPOA');
  // Nor what the phone wrote into the files.
  expect(files.get('evidence/01-photo.jpg')!.includes(Buffer.from(GPS))).toBe(false);
  expect(files.has('evidence/02-receipt.pdf')).toBe(false);
  for (const secret of ['Wanjiru', '+254711222333']) expect([secret, manifest.includes(secret)]).toEqual([secret, false]);
  expect((await h.store.reports.history(id)).filter((e) => e.type === 'evidence_archive').map((e) => e.data?.withIdentity)).toEqual([false]);
});

it('a download Telegram cuts half-way stays a readable ZIP; the manifest marks that file incomplete (or, without consent, not included)', async () => {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({
    ...reportInput(who._id),
    evidence: [
      { kind: 'video', fileId: 'cut', fileUniqueId: 'c', size: 4000 },
      { kind: 'photo', fileId: 'whole', fileUniqueId: 'w', size: 100 },
    ],
  });
  const whole = Buffer.concat([Buffer.from([0xff, 0xd8]), jpegPicture(100)]);
  // Referred, with the reporter's yes on record: the files go as they came.
  await h.store.reports.addEvent(report._id, 'consent_answered', { kind: 'reporter' }, { agency: 'IPOA', answer: 'yes', covers: 'name_phone' });
  const referred = { ...report, referral: { agency: 'IPOA' } } as ReportDoc;
  const files: EvidenceFilePort = {
    open: async (file) => {
      if (file.fileId === 'whole') return { ok: true, stream: Readable.from([whole]), size: whole.length };
      // 1000 of 4000 bytes, then the connection drops.
      const cut = new Readable({ read() {} });
      cut.push(mp4Start(4000, 1000));
      setImmediate(() => cut.destroy(new Error('socket hang up')));
      return { ok: true, stream: cut, size: 4000 };
    },
  };
  const service = new EvidenceArchiveService({ store: h.store, translator: h.translator, files, logger: createLogger({ level: 'silent', name: 'archive-test' }) });
  const archive = await service.open(referred, { id: new Types.ObjectId().toString(), role: 'agent' }, { language: 'en', viewerMaySeeIdentity: true, signal: new AbortController().signal });
  const chunks: Buffer[] = [];
  for await (const c of archive.stream) chunks.push(c as Buffer);
  expect(await archive.done).toEqual({ files: 2, missing: 1, complete: true });
  const entries = await unzip(Buffer.concat(chunks));
  expect(entries.get('evidence/01-video.mp4')!.length).toBe(1000);
  expect(entries.get('evidence/02-photo.jpg')!.equals(whole)).toBe(true);
  expect(entries.get('MANIFEST.txt')!.toString('utf8')).toMatch(/evidence\/01-video\.mp4\r\n.*\r\n {2}SHA-256: [0-9a-f]{64}\r\n {2}INCOMPLETE: the download stopped after 1000 B/);

  // Without consent a file goes cleaned whole or not at all: part of one cannot be cleaned for sure.
  const unconsented = await service.open(report, { id: new Types.ObjectId().toString(), role: 'agent' }, { language: 'en', viewerMaySeeIdentity: true, signal: new AbortController().signal });
  const parts: Buffer[] = [];
  for await (const c of unconsented.stream) parts.push(c as Buffer);
  expect(await unconsented.done).toEqual({ files: 2, missing: 1, complete: true });
  const cleaned = await unzip(Buffer.concat(parts));
  expect(cleaned.has('evidence/01-video.mp4')).toBe(false);
  expect(cleaned.get('evidence/02-photo.jpg')!.equals(whole)).toBe(true);
  expect(cleaned.get('MANIFEST.txt')!.toString('utf8')).toMatch(/evidence\/01-video\.mp4\r\n.*\r\n {2}NOT INCLUDED: Telegram could not be reached for this file/);
});

it.each([
  ['without consent, while the file is read whole to be cleaned', false],
  ['with consent, while the file streams into the ZIP', true],
])('when the person downloading goes away (%s), the file being fetched is dropped, nothing more is fetched, and the history says the archive was not finished', async (_when, consented) => {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({
    ...reportInput(who._id),
    evidence: [
      { kind: 'video', fileId: 'slow', fileUniqueId: 's', size: 10_000_000 },
      { kind: 'photo', fileId: 'never', fileUniqueId: 'n', size: 100 },
    ],
  });
  if (consented) await h.store.reports.addEvent(report._id, 'consent_answered', { kind: 'reporter' }, { agency: 'IPOA', answer: 'yes', covers: 'name_phone' });
  const opened: string[] = [];
  let slow: Readable | undefined;
  let fetching: () => void = () => undefined;
  const underWay = new Promise<void>((resolve) => (fetching = resolve));
  const files: EvidenceFilePort = {
    open: async (file) => {
      opened.push(file.fileId);
      fetching();
      // Sends one chunk and then nothing: a transfer still under way.
      slow = new Readable({ read() {} });
      slow.push(mp4Start(10_000_000, 1000));
      return { ok: true, stream: slow, size: 10_000_000 };
    },
  };
  const gone = new AbortController();
  const service = new EvidenceArchiveService({ store: h.store, translator: h.translator, files, logger: createLogger({ level: 'silent', name: 'archive-test' }) });
  const target = consented ? ({ ...report, referral: { agency: 'IPOA' } } as ReportDoc) : report;
  const archive = await service.open(target, { id: new Types.ObjectId().toString(), role: 'agent' }, { language: 'en', viewerMaySeeIdentity: true, signal: gone.signal });
  archive.stream.resume();
  // Streamed, its first bytes reach the ZIP; to be cleaned, nothing is written before the whole file.
  await (consented ? new Promise<void>((resolve) => archive.stream.once('data', () => resolve())) : underWay);
  gone.abort();
  archive.stream.destroy();
  expect(await archive.done).toEqual({ files: 2, missing: 2, complete: false });
  expect(opened).toEqual(['slow']);
  expect(slow?.destroyed).toBe(true);
  expect((await h.store.reports.history(report._id)).filter((e) => e.type === 'evidence_archive').map((e) => e.data)).toEqual([
    { agency: consented ? 'IPOA' : null, withIdentity: consented, language: 'en', files: 2, missing: 2, complete: false },
  ]);
});

it('without consent, audio files and documents that are recordings (Ogg, MP3, M4A) go without the tags an app wrote into them; one that cannot be cleaned is listed as not included', async () => {
  const tagged = opusVoiceNote(['ARTIST=Wanjiru', 'LOCATION=Kasarani roadblock'], [SOUND]);
  const artist = Buffer.from('\x03Wanjiru', 'latin1');
  const frame = Buffer.concat([Buffer.from('TPE1', 'latin1'), Buffer.from([0, 0, 0, artist.length, 0, 0]), artist]);
  // ID3v2.3 naming the artist, MPEG frames, an ID3v1 trailer naming the place.
  const id3v1 = Buffer.alloc(128);
  id3v1.write('TAGSauti', 0, 'latin1');
  id3v1.write('Kasarani roadblock', 63, 'latin1');
  const frames = [1, 2, 3].map(() => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), SOUND.subarray(0, 413)]));
  const mp3 = Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, frame.length]), frame, ...frames, id3v1]);
  const m4a = m4aRecording({ name: 'Wanjiru', place: 'Kasarani roadblock', sound: SOUND });
  // An M4A with no track: nothing to walk, so nothing to say it holds sound alone.
  const trackless = Buffer.concat([Buffer.from('\0\0\0\x18ftypM4A \0\0\0\0M4A isom', 'latin1'), Buffer.from('\0\0\0\x1dudta\0\0\0\x15\xa9ART Wanjiru', 'latin1')]);
  const sent: Array<[Buffer, 'audio' | 'document', string, string]> = [
    [tagged, 'audio', 'audio/ogg', 'recording.opus'],
    [tagged, 'document', 'application/octet-stream', 'rec-0412'],
    [mp3, 'audio', 'audio/mpeg', 'rec.mp3'],
    [m4a, 'audio', 'audio/mp4', 'rec.m4a'],
    [trackless, 'audio', 'audio/mp4', 'old.m4a'],
  ];
  const who = await reporter(h.store);
  const evidence = sent.map(([bytes, kind, mimeType, fileName]) => {
    const f = tg.addFile(bytes, { mimeType, fileName, kind });
    return { kind, fileId: f.file_id, fileUniqueId: f.file_unique_id, mimeType, fileName, size: bytes.length };
  });
  const { report } = await h.reports.submit({ ...reportInput(who._id), anonymous: true, evidence });
  const id = report._id.toString();
  const akinyi = await h.account('akinyi', 'agent');
  const agent = h.browser();
  await agent.signIn('akinyi');
  await h.store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'in_progress', assignee: akinyi._id } });
  const files = await unzip(Buffer.from(await (await download(agent, `/tickets/${id}/evidence-archive?lang=en`)).arrayBuffer()));
  const names = [...files.keys()];
  expect(names).toHaveLength(5);
  for (const name of names.filter((n) => n !== 'MANIFEST.txt')) {
    const got = files.get(name)!;
    expect([name, got.includes(Buffer.from('Wanjiru')), got.includes(Buffer.from('Kasarani'))]).toEqual([name, false, false]);
    expect([name, got.includes(SOUND.subarray(0, 413))]).toEqual([name, true]);
  }
  // The MP3's frames alone; the M4A as long as it was, its chunk offsets still pointing at its sound.
  expect(files.get('evidence/03-rec.mp3')).toEqual(Buffer.concat(frames));
  expect(files.get('evidence/04-rec.m4a')!.length).toBe(m4a.length);
  expect(files.get('evidence/04-rec.m4a')!.subarray(m4a.length - SOUND.length)).toEqual(SOUND);
  const manifest = files.get('MANIFEST.txt')!.toString('utf8');
  expect(manifest).toMatch(/03-rec\.mp3\r\n.+\r\n.+\r\n {2}The details the phone wrote into this file .+ were removed/);
  expect(manifest).toMatch(/04-rec\.m4a\r\n.+\r\n.+\r\n {2}The details the phone wrote into this file .+ were removed/);
  expect(manifest).toMatch(/05-old\.m4a\r\n.+\r\n.+\r\n {2}NOT INCLUDED: /);
});
