/**
 * Evidence streamed from Telegram (the Bot API double) through the console: the bytes arrive,
 * the bot token never does, and a reporter's upload can never render as a page on our origin.
 * Then "take next" at the ticket limit and with an empty queue.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';
import { TelegramDouble } from '../../support/telegram';
import { opusVoiceNote } from '../../support/ogg';
import { m4aRecording } from '../../support/m4a';

let tg: TelegramDouble;
let h: ConsoleHarness;

beforeAll(async () => {
  tg = await TelegramDouble.start();
  h = await createConsoleHarness({ label: 'console-evidence', env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, MAX_TICKETS_PER_AGENT: '2' } });
  await h.account('wambui', 'agent');
});

afterAll(async () => {
  await h?.close();
  await tg?.stop();
});

it('streams photos inline and documents as downloads, without the bot token, only to the agent holding the ticket', async () => {
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
  const photo = tg.addFile(jpeg, { mimeType: 'image/jpeg', kind: 'photo' });
  const html = tg.addFile(Buffer.from('<script>alert(document.cookie)</script>'), { mimeType: 'text/html', fileName: 'report.html', kind: 'document' });
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({
    ...reportInput(who._id),
    evidence: [
      { kind: 'photo', fileId: photo.file_id, fileUniqueId: photo.file_unique_id, size: jpeg.length },
      { kind: 'document', fileId: html.file_id, fileUniqueId: html.file_unique_id, mimeType: 'text/html', fileName: 'report.html' },
    ],
  });
  const id = report._id.toString();

  const outsider = h.browser();
  await outsider.signIn('wambui');
  // Not taken yet: an agent cannot pull its evidence.
  expect((await outsider.get(`/tickets/${id}/evidence/0`, { accept: '*/*' })).statusCode).toBe(403);

  expect((await outsider.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  const page = await outsider.get(`/tickets/${id}`);
  expect(page.body).toContain(`/tickets/${id}/evidence/0`);
  expect(page.body).not.toContain(tg.token);

  const img = await fetch(`${h.base}/tickets/${id}/evidence/0`, { headers: { cookie: `ripoti_session=${outsider.cookies.get('ripoti_session')}` } });
  expect(img.status).toBe(200);
  expect(img.headers.get('content-type')).toBe('image/jpeg');
  expect(img.headers.get('content-disposition')).toMatch(/^inline;/);
  // Not kept in the browser's cache, where the next person at a shared workstation could open it.
  expect(img.headers.get('cache-control')).toBe('no-store');
  expect(Buffer.from(await img.arrayBuffer()).equals(jpeg)).toBe(true);

  const doc = await outsider.get(`/tickets/${id}/evidence/1`, { accept: '*/*' });
  expect(doc.statusCode).toBe(200);
  expect(doc.headers['content-type']).toBe('application/octet-stream');
  expect(doc.headers['content-disposition']).toBe('attachment; filename="report.html"');
  expect(doc.headers['content-security-policy']).toContain('sandbox');
  expect(doc.headers['x-content-type-options']).toBe('nosniff');

  expect((await outsider.get(`/tickets/${id}/evidence/2`)).statusCode).toBe(404);
  // The console asked Telegram with the token server-side only.
  expect(tg.calls('getFile').map((c) => c.params.file_id)).toEqual([photo.file_id, html.file_id]);
});

it('says so plainly when Telegram cannot give the file', async () => {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({ ...reportInput(who._id), evidence: [{ kind: 'photo', fileId: 'AgAC-no-such-file', fileUniqueId: 'x' }] });
  const b = h.browser();
  await b.signIn('wambui');
  const took = await b.post('/queue/take');
  expect(took.headers.location).toBe(`/tickets/${report._id.toString()}`);
  const res = await b.get(`/tickets/${report._id.toString()}/evidence/0`, { accept: '*/*' });
  expect(res.statusCode).toBe(502);
  expect(res.body).toContain('Telegram did not give us this file');
  expect(res.body).not.toContain(tg.token);
});

it('tells the agent plainly when they are at their ticket limit, and when nothing is waiting', async () => {
  // wambui holds the two tickets taken above, the limit here.
  const who = await reporter(h.store);
  await h.reports.submit(reportInput(who._id));
  const full = h.browser();
  await full.signIn('wambui');
  const refused = await full.post('/queue/take');
  expect(refused.headers.location).toBe('/queue?err=ticket_limit');
  const page = await full.get(refused.headers.location!);
  expect(page.body).toContain('You already hold the most tickets allowed');
  expect(page.body).toMatch(/My tickets <span class="count">2\/2<\/span>/);

  await h.account('zawadi', 'agent');
  const fresh = h.browser();
  await fresh.signIn('zawadi');
  expect((await fresh.post('/queue/take')).statusCode).toBe(303);
  const empty = await fresh.post('/queue/take');
  expect(empty.headers.location).toBe('/queue?err=queue_empty');
  expect((await fresh.get(empty.headers.location!)).body).toContain('No tickets are waiting right now.');
});

it('changes status, releases and rejects from the ticket page, each recorded with its reason', async () => {
  await h.account('kip', 'agent');
  const who = await reporter(h.store);
  const { report } = await h.reports.submit(reportInput(who._id));
  const id = report._id.toString();
  const b = h.browser();
  await b.signIn('kip');
  expect((await b.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  await b.get(`/tickets/${id}`);

  const waiting = await b.post(`/tickets/${id}/status`, { status: 'waiting_reporter', note: 'Asked for the plate number' });
  expect(waiting.headers.location).toBe(`/tickets/${id}?ok=status_changed`);
  expect((await h.store.reports.findById(id))!.status).toBe('waiting_reporter');
  expect((await b.get(waiting.headers.location!)).body).toContain('Status updated.');
  // Not a status an agent may set by hand: refused, nothing changes.
  expect((await b.post(`/tickets/${id}/status`, { status: 'assigned' })).headers.location).toBe(`/tickets/${id}?err=choose_status`);

  expect((await b.post(`/tickets/${id}/release`)).headers.location).toBe('/queue?ok=released');
  expect((await h.store.reports.findById(id))!.status).toBe('received');
  expect((await b.get(`/tickets/${id}`)).statusCode).toBe(403); // no longer hers

  expect((await b.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  await b.get(`/tickets/${id}`);
  await b.post(`/tickets/${id}/status`, { status: 'rejected_duplicate' });
  expect((await h.store.reports.findById(id))!.status).toBe('rejected');
  const history = await h.store.reports.history(id);
  expect(history.find((e) => e.type === 'status_changed' && e.data?.to === 'rejected')?.data).toMatchObject({ rejectReason: 'duplicate' });
  expect(history.find((e) => e.type === 'status_changed' && e.data?.to === 'waiting_reporter')?.data).toMatchObject({ note: 'Asked for the plate number' });
  expect(history.filter((e) => e.type === 'released')).toHaveLength(1);
  // The trail says why it was rejected, not just that it was.
  expect((await b.get(`/tickets/${id}/activity`)).body).toMatch(/Status changed: Rejected \(duplicate\)/);
  // A closed ticket offers no actions any more, and a stale form is refused with the reason.
  expect((await b.get(`/tickets/${id}`)).body).not.toContain(`action="/tickets/${id}/status"`);
  const late = await b.post(`/tickets/${id}/status`, { status: 'in_progress' });
  expect(late.headers.location).toBe(`/tickets/${id}?err=refused_closed`);
  expect((await b.get(late.headers.location!)).body).toContain('This ticket is closed: you can only add notes to it now.');
  await b.post('/language', { lang: 'sw', back: `/tickets/${id}` });
  const lateSw = await b.post(`/tickets/${id}/refer`, { agency: 'IPOA' }, { headers: { 'x-requested-with': 'fetch' } });
  expect(lateSw.statusCode).toBe(409);
  expect(lateSw.json()).toEqual({ ok: false, message: 'Tiketi hii imefungwa: sasa unaweza kuongeza madokezo tu.' });
});

it('shows texts the reporter forwarded apart from their story, with sender and time, as text only', async () => {
  await h.account('amina', 'agent');
  const who = await reporter(h.store);
  const post = 'Tomorrow we chase them all out <script>alert(1)</script> before the vote';
  const input = reportInput(who._id);
  const { report } = await h.reports.submit({ ...input, passedOn: [{ text: post, from: 'Molo Voice (@molovoice)', sentAt: new Date('2026-11-28T06:00:00Z') }, { text: 'Bring your ID to Kamau' }] });
  const id = report._id.toString();
  // Forwarded later to the open ticket: marked in the conversation.
  await h.store.messages.addIncoming(id, { text: 'Wote watoke kesho', passedOn: { from: 'Kasarani Residents', sentAt: new Date('2026-11-28T07:00:00Z') } });
  await h.store.messages.addIncoming(id, { text: 'That was posted in our group' });
  const b = h.browser();
  await b.signIn('amina');
  expect((await b.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  const page = (await b.get(`/tickets/${id}`)).body;
  const card = page.slice(page.indexOf('data-testid="passed-on"'), page.indexOf('</article>', page.indexOf('data-testid="passed-on"')));
  expect(card).toContain('Forwarded by the reporter <span class="count">2</span>');
  expect(card).toContain('not the reporter&#39;s own account');
  expect(card).toContain('Molo Voice (@molovoice) · ');
  expect(card).toContain('Tomorrow we chase them all out &lt;script&gt;alert(1)&lt;/script&gt; before the vote');
  expect(card).toContain('Sender not shown');
  // The story card holds the reporter's own words only.
  const story = page.slice(page.indexOf('data-testid="story"'), page.indexOf('</p>', page.indexOf('data-testid="story"')));
  expect(story).toContain(input.description.text!);
  expect(story).not.toContain('chase them');
  const messages = page.split('data-testid="message"').slice(1);
  expect(messages[0]).toContain('data-testid="forwarded">↪ Forwarded from Kasarani Residents</span>');
  expect(messages[1]).not.toContain('forwarded');
});

it('shows an anonymous report\'s picture sent as a file without what the phone wrote into it; a named report\'s as sent', async () => {
  const seg = (marker: number, body: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  const owner = Buffer.from('Exif\0\0MM\0*GPS -1.2921 36.8219 Owner Achieng Otieno', 'latin1');
  const picture = Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xe1, owner), seg(0xdb, Buffer.alloc(65, 1)), seg(0xc0, Buffer.alloc(15, 2)), seg(0xda, Buffer.alloc(10, 4)), Buffer.alloc(300, 0x55), Buffer.from([0xff, 0xd9])]);
  const zuberi = await h.account('zuberi', 'agent');
  const browser = h.browser();
  await browser.signIn('zuberi');
  for (const anonymous of [true, false]) {
    const file = tg.addFile(picture, { mimeType: 'image/jpeg', fileName: 'IMG_2041.jpg', kind: 'document' });
    const who = await reporter(h.store);
    const { report } = await h.reports.submit({ ...reportInput(who._id), anonymous, evidence: [{ kind: 'document', fileId: file.file_id, fileUniqueId: file.file_unique_id, mimeType: 'image/jpeg', fileName: 'IMG_2041.jpg' }] });
    // Held by Zuberi (the last test here: what it files stays out of the others' queue order).
    await h.store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'in_progress', assignee: zuberi._id } });
    const res = await browser.get(`/tickets/${report._id.toString()}/evidence/0`, { accept: '*/*' });
    expect(res.statusCode).toBe(200);
    expect(res.body.includes('Achieng')).toBe(!anonymous);
    expect(res.body.includes('36.8219')).toBe(!anonymous);
  }
  // A picture it cannot read (a phone's HEIC under a JPEG name) is not shown for an anonymous report, and says why.
  const heic = tg.addFile(Buffer.concat([Buffer.from('\0\0\0\x18ftypheic', 'latin1'), owner]), { mimeType: 'image/jpeg', fileName: 'IMG_2042.jpg', kind: 'document' });
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({ ...reportInput(who._id), anonymous: true, evidence: [{ kind: 'document', fileId: heic.file_id, fileUniqueId: heic.file_unique_id, mimeType: 'image/jpeg', fileName: 'IMG_2042.jpg' }] });
  await h.store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'in_progress', assignee: zuberi._id } });
  const refused = await browser.get(`/tickets/${report._id.toString()}/evidence/0`);
  expect(refused.statusCode).toBe(502);
  expect(refused.body).toContain('This picture is not shown');
  expect(refused.body).not.toContain('Achieng');
});

it('an anonymous report\'s picture sent as a file is cleaned or withheld whatever type the phone gave it; a named one\'s and a PDF as sent', async () => {
  const seg = (marker: number, body: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  const owner = Buffer.from('Exif\0\0MM\0*GPS -1.2921 36.8219 Owner Achieng Otieno', 'latin1');
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xe1, owner), seg(0xdb, Buffer.alloc(65, 1)), seg(0xc0, Buffer.alloc(15, 2)), seg(0xda, Buffer.alloc(10, 4)), Buffer.alloc(300, 0x55), Buffer.from([0xff, 0xd9])]);
  // An iPhone's photo sent "as a file" arrives as it was taken: HEIC, with where and by whom.
  const heic = Buffer.concat([Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'), owner]);
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Author (Achieng Otieno) >> endobj\n%%EOF\n', 'latin1');
  const neema = await h.account('neema', 'agent');
  const browser = h.browser();
  await browser.signIn('neema');
  const evidenceOf = async (anonymous: boolean, bytes: Buffer, mimeType: string, fileName: string) => {
    const file = tg.addFile(bytes, { mimeType, fileName, kind: 'document' });
    const who = await reporter(h.store);
    const { report } = await h.reports.submit({ ...reportInput(who._id), anonymous, evidence: [{ kind: 'document', fileId: file.file_id, fileUniqueId: file.file_unique_id, mimeType, fileName }] });
    await h.store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'in_progress', assignee: neema._id } });
    return browser.get(`/tickets/${report._id.toString()}/evidence/0`, { accept: '*/*' });
  };

  // HEIC as the phone names it: it cannot be cleaned here, so it is not given.
  const heicAnon = await evidenceOf(true, heic, 'image/heic', 'IMG_3051.HEIC');
  expect(heicAnon.statusCode).toBe(502);
  expect(heicAnon.body).toContain('This picture is not shown');
  expect(heicAnon.body).not.toContain('Achieng');
  // A JPEG the phone gave no picture type (no extension either): recognised by what it is, and cleaned.
  const jpegUntyped = await evidenceOf(true, jpeg, 'application/octet-stream', 'IMG_3052');
  expect(jpegUntyped.statusCode).toBe(200);
  expect(jpegUntyped.body).not.toContain('Achieng');
  expect(jpegUntyped.body).not.toContain('36.8219');
  // A document that is no picture goes as sent, as before; and a named report's HEIC as sent.
  const pdfAnon = await evidenceOf(true, pdf, 'application/pdf', 'statement.pdf');
  expect(pdfAnon.statusCode).toBe(200);
  expect(pdfAnon.body).toBe(pdf.toString('latin1'));
  const heicNamed = await evidenceOf(false, heic, 'image/heic', 'IMG_3053.HEIC');
  expect(heicNamed.statusCode).toBe(200);
  expect(heicNamed.body).toContain('Achieng');
});

it('plays an anonymous report\'s voice notes without what the recording app wrote into them (a name, a place); a named one\'s as sent', async () => {
  // An app (or a bot) that sent the voice note wrote who recorded it and where into its comments.
  const tagged = opusVoiceNote(['ARTIST=Achieng Otieno', 'LOCATION=Kasarani roadblock'], [Buffer.alloc(900, 0x5a)]);
  const juma = await h.account('juma', 'agent');
  const browser = h.browser();
  await browser.signIn('juma');
  const voiceOf = () => {
    const f = tg.addFile(tagged, { mimeType: 'audio/ogg', kind: 'voice' });
    return { kind: 'voice' as const, fileId: f.file_id, fileUniqueId: f.file_unique_id, mimeType: 'audio/ogg', durationSec: 12, size: tagged.length };
  };
  for (const anonymous of [true, false]) {
    const who = await reporter(h.store);
    const { report } = await h.reports.submit({ ...reportInput(who._id), anonymous, description: { voice: voiceOf() } });
    const id = report._id.toString();
    const later = await h.store.messages.addIncoming(id, { media: voiceOf() });
    await h.store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'in_progress', assignee: juma._id } });
    for (const url of [`/tickets/${id}/voice`, `/tickets/${id}/messages/${later._id.toString()}/media`]) {
      const res = await browser.get(url, { accept: '*/*' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('audio/ogg');
      expect(res.body.includes('Achieng Otieno')).toBe(!anonymous);
      expect(res.body.includes('Kasarani')).toBe(!anonymous);
      // The sound itself is all there.
      expect(res.body.includes('Z'.repeat(900))).toBe(true);
    }
  }
  // One that cannot be cleaned for certain (cut short on the way) is not played for an anonymous report, and the page says why.
  const cut = tg.addFile(tagged.subarray(0, tagged.length - 40), { mimeType: 'audio/ogg', kind: 'voice' });
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({ ...reportInput(who._id), anonymous: true, description: { voice: { kind: 'voice', fileId: cut.file_id, fileUniqueId: cut.file_unique_id, mimeType: 'audio/ogg' } } });
  await h.store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'in_progress', assignee: juma._id } });
  const refused = await browser.get(`/tickets/${report._id.toString()}/voice`);
  expect(refused.statusCode).toBe(502);
  expect(refused.body).toContain('This voice note is not played');
  expect(refused.body).not.toContain('Achieng');
});

it('an anonymous report\'s audio files, and documents that are recordings, go without what an app wrote into them (Ogg, MP3, M4A) or not at all; a named one\'s as sent', async () => {
  // A music or recorder app's tags: who recorded it and where.
  const sound = Buffer.alloc(900, 0x5a);
  const tagged = opusVoiceNote(['ARTIST=Achieng Otieno', 'LOCATION=Kasarani roadblock'], [sound]);
  // ID3v2.3 with a TPE1 (artist) frame, then one MPEG frame, then an ID3v1 trailer naming the place.
  const artist = Buffer.from('\x03Achieng Otieno', 'latin1');
  const frame = Buffer.concat([Buffer.from('TPE1', 'latin1'), Buffer.from([0, 0, 0, artist.length, 0, 0]), artist]);
  const id3v1 = Buffer.alloc(128);
  id3v1.write('TAGSauti', 0, 'latin1');
  id3v1.write('Kasarani roadblock', 63, 'latin1');
  const mp3 = Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, frame.length]), frame, Buffer.from([0xff, 0xfb, 0x90, 0x64]), sound.subarray(0, 413), id3v1]);
  // An M4A with iTunes tags, and an Android recorder's, branded as videos are ('mp42', 'isom').
  const m4a = m4aRecording({ name: 'Achieng Otieno', place: 'Kasarani roadblock', sound });
  const android = m4aRecording({ name: 'Achieng Otieno', place: 'Kasarani roadblock', sound, brands: 'mp42\0\0\0\0isommp42' });
  const baraka = await h.account('baraka', 'agent');
  const browser = h.browser();
  await browser.signIn('baraka');
  const fileOf = async (anonymous: boolean, bytes: Buffer, kind: 'audio' | 'document', mimeType: string, fileName: string) => {
    const file = tg.addFile(bytes, { mimeType, fileName, kind });
    const who = await reporter(h.store);
    const { report } = await h.reports.submit({ ...reportInput(who._id), anonymous, evidence: [{ kind, fileId: file.file_id, fileUniqueId: file.file_unique_id, mimeType, fileName }] });
    await h.store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'in_progress', assignee: baraka._id } });
    return browser.get(`/tickets/${report._id.toString()}/evidence/0`, { accept: '*/*' });
  };
  const played = [
    [tagged, 'audio', 'audio/ogg', 'recording.opus'],
    [tagged, 'document', 'application/octet-stream', 'rec-0412'],
    [mp3, 'audio', 'audio/mpeg', 'rec.mp3'],
    [mp3, 'document', 'application/octet-stream', 'rec'],
    [m4a, 'audio', 'audio/mp4', 'rec.m4a'],
    [android, 'document', 'application/octet-stream', 'rec-0413'],
  ] as const;
  for (const [bytes, kind, mimeType, fileName] of played) {
    for (const anonymous of [true, false]) {
      const res = await fileOf(anonymous, bytes, kind, mimeType, fileName);
      expect([fileName, anonymous, res.statusCode]).toEqual([fileName, anonymous, 200]);
      expect([fileName, anonymous, res.body.includes('Achieng Otieno'), res.body.includes('Kasarani')]).toEqual([fileName, anonymous, !anonymous, !anonymous]);
      expect(res.body.includes('Z'.repeat(413))).toBe(true);
    }
  }
  // One that cannot be cleaned for certain (an M4A with no track, an MP3 cut inside its frame) is not played, and the page says why.
  const trackless = Buffer.concat([Buffer.from('\0\0\0\x18ftypM4A \0\0\0\0M4A isom', 'latin1'), Buffer.from('\0\0\0\x24udta\0\0\0\x1c\xa9ART Achieng Otieno', 'latin1')]);
  const cut = mp3.subarray(0, mp3.length - 200);
  for (const [bytes, kind, mimeType, fileName] of [[trackless, 'audio', 'audio/mp4', 'rec.m4a'], [cut, 'audio', 'audio/mpeg', 'rec.mp3'], [cut, 'document', 'application/octet-stream', 'rec']] as const) {
    const refused = await fileOf(true, bytes, kind, mimeType, fileName);
    expect(refused.statusCode).toBe(502);
    expect(refused.body).toContain('This audio file is not played');
    expect(refused.body).not.toContain('Achieng');
    const named = await fileOf(false, bytes, kind, mimeType, fileName);
    expect(named.statusCode).toBe(200);
    expect(named.body).toContain('Achieng Otieno');
  }
});
