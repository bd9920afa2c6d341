/**
 * What an agency receives, and what staff see, of a reporter who asked us to delete their details
 * (/forget: ForgetService) after their ticket was referred with their yes: the case file (print
 * view and PDF) and the evidence archive say they asked to be forgotten, carry no identity and no
 * consent, and no field holds their name (in any case), their username or their number; the
 * ticket's agency section offers no consent question; their photo is served without what the
 * phone wrote into it. Other people's names and numbers stay.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agency, CategoryCode } from '../../../src/domain';
import type { SubmitInput } from '../../../src/services/report-service';
import { ForgetService } from '../../../src/services/forget-service';
import { withheldMarks } from '../../../src/services/withheld-marks';
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput } from '../../support/tickets-harness';
import { TelegramDouble } from '../../support/telegram';
import { zipEntryText } from '../../support/zip';

let tg: TelegramDouble;
let h: ConsoleHarness;
let tmp: string;

beforeAll(async () => {
  tg = await TelegramDouble.start();
  h = await createConsoleHarness({ label: 'forget-agency', env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot } });
  tmp = mkdtempSync(join(tmpdir(), 'forget-agency-'));
});

afterAll(async () => {
  await h?.close();
  await tg?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Their name in any case, their username, their number however spaced. */
const LEAK = /john|kamau|jkamau|7\D{0,3}1\D{0,3}2\D{0,3}3\D{0,3}4\D{0,3}5\D{0,3}6\D{0,3}7\D{0,3}8/i;
const leaks = (text: string) => LEAK.exec(text)?.[0] ?? null;

/** A JPEG whose EXIF holds where it was taken and its owner's name, as a phone writes it. */
function photoWithExif(): Buffer {
  const seg = (marker: number, body: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  const exif = Buffer.from('Exif\0\0MM\0*GPS -1.2921 36.8219 Owner John Kamau', 'latin1');
  return Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xe1, exif), seg(0xdb, Buffer.alloc(65, 1)), seg(0xc0, Buffer.alloc(15, 2)), seg(0xda, Buffer.alloc(10, 4)), Buffer.alloc(300, 0x55), Buffer.from([0xff, 0xd9])]);
}

function pdfText(pdf: Buffer, name: string): string {
  const file = join(tmp, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function download(agent: ReturnType<ConsoleHarness['browser']>, url: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(`${h.base}${url}`, { headers: { cookie: `ripoti_session=${agent.cookies.get('ripoti_session')}` } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

/** MANIFEST.txt of the ticket's evidence archive. */
async function manifest(agent: ReturnType<ConsoleHarness['browser']>, id: string): Promise<string> {
  return zipEntryText((await download(agent, `/tickets/${id}/evidence-archive?lang=en`)).body, 'MANIFEST.txt');
}

const STORY = 'my name is john kamau, call me on 0712 345 678 or @jkamau_254. Otieno (0733 111 222) saw it too.';

it('after /forget the case file, the evidence archive and the ticket carry no trace of who they are, in any field; their photo goes without its EXIF', async () => {
  const telegramUserId = 8_810_001;
  const { reporter: who } = await h.store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: 'John', lastName: 'Kamau', username: 'jkamau_254' }, 'en', { phone: '+254712345678' });
  const agent = await h.account('wairimu', 'agent');
  const browser = h.browser();
  await browser.signIn('wairimu');
  const photo = tg.addFile(photoWithExif(), { mimeType: 'image/jpeg', kind: 'photo' });
  const typed = {
    description: { text: STORY },
    place: "outside john kamau's shop, Kencom",
    timeOfDay: 'saa nne usiku, JOHN alikuwa pale',
    reporterRole: 'on_behalf' as const,
    victim: 'kamau junior, 0712345678',
    passedOn: [{ text: 'forwarded to john: pay or else', from: 'John Kamau (@jkamau_254)' }],
    evidence: [{ kind: 'photo' as const, fileId: photo.file_id, fileUniqueId: photo.file_unique_id, fileName: 'john-kamau-0712345678.jpg', caption: 'john kamau at the roadblock', forwardedFrom: 'jkamau_254' }],
  };
  const reports: string[] = [];
  const kinds: [CategoryCode, Agency, Partial<SubmitInput>][] = [
    ['p_bribery', 'IPOA', { officers: { names: 'Sgt Otieno and john kamau', serviceNumbers: ['0712 345 678', '84512'], rank: 'Cpl john', station: 'Kilimani, ask john', vehiclePlates: ['GK 123A'], vehicleDescription: 'white probox, kamau drove', uniform: 'green like kamau wears' } }],
    ['e_hate', 'NCIC', { perpetrator: { kind: 'agents', words: 'youths who know john kamau' }, hateChannel: 'online', pollingStation: { name: 'Kibra Primary, ask for kamau', code: '0712345678' } }],
  ];
  for (const [category, agency, details] of kinds) {
    const { report } = await h.reports.submit({ ...reportInput(who._id, { category }), ...typed, ...details });
    const id = report._id.toString();
    await h.store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'in_progress', assignee: agent._id } });
    await browser.get(`/tickets/${id}`);
    expect((await browser.post(`/tickets/${id}/refer`, { agency, note: 'john kamau agreed to be called on 0712345678' })).statusCode).toBe(303);
    await browser.post(`/tickets/${id}/note`, { text: 'Called JOHN KAMAU' });
    await h.store.reports.addEvent(report._id, 'consent_answered', { kind: 'reporter' }, { agency, answer: 'yes', covers: 'name_phone' });
    await h.store.messages.addIncoming(id, { text: 'JOHN here again, reach me on +254 712 345 678 or t.me/jkamau_254', media: { kind: 'document', fileId: `doc-${id}`, fileUniqueId: `u-${id}`, fileName: 'kamau-statement.pdf', caption: 'statement by john kamau' } });
    await h.store.messages.addIncoming(id, { text: 'they sent this', passedOn: { from: 'John Kamau' } });
    const answer = await h.store.messages.addOutgoing(id, { text: 'Thank you john, IPOA will call 0712345678', agentId: agent._id });
    await h.store.messages.markSent(answer._id, 9001, 'en');
    reports.push(id);
  }
  // Before: the consent given puts their name and number in the file, as it should.
  expect((await browser.get(`/tickets/${reports[0]}/case-file?format=html`)).body).toContain('John Kamau');

  const translator = h.translator;
  const forgetting = new ForgetService({ store: h.store, events: h.bus, logger: h.logger, marks: (language) => withheldMarks(translator, language), forget: async () => undefined });
  expect(await forgetting.forget({ telegramUserId, chatId: telegramUserId })).toEqual({ ok: true, reports: 2, open: 2 });

  for (const id of reports) {
    for (const lang of ['en', 'sw'] as const) {
      const print = (await browser.get(`/tickets/${id}/case-file?format=html&lang=${lang}`)).body;
      expect([id, lang, leaks(print)]).toEqual([id, lang, null]);
      // Someone else's name stays (every number goes from a file without identity); theirs are marked where they were, in the report's language.
      expect(print).toContain('Otieno');
      expect(print).toContain('my name is [name withheld] [name withheld], call me on [phone number withheld] or [name withheld].');
      expect(print).toContain('saa nne usiku, [name withheld] alikuwa pale');
      // Said instead of any identity or consent: neither the yes given before nor "ask Ripoti to reach them".
      expect(print).toContain(lang === 'en' ? 'The reporter asked Ripoti to delete their details (their right to erasure).' : 'Aliyeripoti aliomba Ripoti ifute maelezo yake, kama sheria ya ulinzi wa data inavyomruhusu.');
      expect(print).not.toMatch(/agreed that Ripoti may give|alikubali kwamba Ripoti|quote reference number|ukitaja nambari ya kumbukumbu [A-Z0-9-]+: wahudumu/);
    }
    const pdf = pdfText((await download(browser, `/tickets/${id}/case-file?format=pdf&lang=en`)).body, id);
    expect(pdf).toContain('The reporter asked Ripoti to delete their details');
    expect(leaks(pdf)).toBeNull();

    const files = await manifest(browser, id);
    expect(files).toContain('The reporter asked Ripoti to delete their details');
    expect(files).toContain('Caption: [name withheld] [name withheld] at the roadblock');
    expect(leaks(files)).toBeNull();

    // The ticket: its agency section says why nothing is asked, and offers no question.
    const page = (await browser.get(`/tickets/${id}`)).body;
    expect(leaks(page)).toBeNull();
    expect(page).toContain('data-testid="consent-state">The reporter asked us to delete their details: nothing about who they are goes to this agency, whatever they answered before, and they can no longer be asked.</p>');
    expect(page).not.toContain('data-testid="ask-consent"');
    expect(page).not.toContain('The reporter agreed on');
    const asked = (await h.store.reports.history(id)).filter((e) => e.type === 'consent_asked').length;
    expect((await browser.post(`/tickets/${id}/consent`)).headers.location).toBe(`/tickets/${id}?err=refused_reporter_forgotten`);
    expect((await h.store.reports.history(id)).filter((e) => e.type === 'consent_asked')).toHaveLength(asked);

    // The photo, without where it was taken and whose phone it was.
    const img = await download(browser, `/tickets/${id}/evidence/0`);
    expect(img.status).toBe(200);
    expect(img.body.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true);
    expect(img.body.includes('Exif')).toBe(false);
    expect(img.body.includes('36.8219')).toBe(false);
    expect(leaks(img.body.toString('latin1'))).toBeNull();
  }
});

it('a named reporter who gave no consent: the typed time of day is blanked in the case file as the story is', async () => {
  const telegramUserId = 8_810_002;
  const { reporter: who } = await h.store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: 'Achieng' }, 'en', { phone: '+254722555666' });
  const agent = await h.account('kiprop', 'agent');
  const browser = h.browser();
  await browser.signIn('kiprop');
  const { report } = await h.reports.submit({ ...reportInput(who._id), timeOfDay: 'saa nne, Achieng 0722 555 666' });
  const id = report._id.toString();
  await h.store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'in_progress', assignee: agent._id } });
  await browser.get(`/tickets/${id}`);
  await browser.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' });
  const print = (await browser.get(`/tickets/${id}/case-file?format=html`)).body;
  expect(print).toContain('saa nne, [name withheld] [phone number withheld]');
  expect(print).toContain('are withheld from the report itself');
  expect(print).not.toMatch(/Achieng|0722 555 666/);
});
