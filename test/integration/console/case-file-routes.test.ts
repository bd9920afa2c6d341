/**
 * The console's case file and consent question over HTTP: only on a referred ticket, only for
 * whoever may open it; the PDF is a download, the print view a page with its own strict CSP; the
 * ticket page shows the details for the agency; asking an anonymous reporter is refused.
 */
import { execFileSync } from 'node:child_process';
import { Types } from 'mongoose';
import { ConversationService } from '../../../src/services/conversation-service';
import { DeliveryService } from '../../../src/services/delivery-service';
import { CONSENT_NOTICE } from '../../../src/services/ticket-actions';
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { namedAs, seedReport } from '../../support/report-fixtures';
import { reportInput, reporter } from '../../support/tickets-harness';
import { zipEntryText } from '../../support/zip';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-casefile', env: { AGENCY_CONTACT: 'cases@ripoti.example, +254 20 765 4321' } });
  await h.account('wambui', 'agent');
  await h.account('otieno', 'agent');
});

afterAll(async () => {
  await h?.close();
});

async function referredTicket(anonymous: boolean, agentName = 'wambui') {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({
    ...reportInput(who._id),
    anonymous,
    reporterRole: 'witness',
    officers: { names: 'Sgt Kamau', station: 'Kilimani Police Station', vehiclePlates: ['GK 123A'], vehicleDescription: 'white Probox', attire: 'traffic', uniform: 'white shirts' },
  });
  const id = report._id.toString();
  const agent = h.browser();
  await agent.signIn(agentName);
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  return { id, agent };
}

it('a referred ticket gives a PDF download and a print view; every one is in the history; others get 403', async () => {
  const { id, agent } = await referredTicket(false);
  const page = await agent.get(`/tickets/${id}`);
  expect(page.body).toContain('Sgt Kamau');
  expect(page.body).toContain('GK 123A');
  expect(page.body).toContain('<dt>Vehicle as described</dt><dd>white Probox</dd>');
  expect(page.body).toContain('<dt>What they wore</dt><dd>Traffic police uniform · white shirts</dd>');
  expect(page.body).not.toContain(`/tickets/${id}/case-file`);
  // A bribery report: IPOA, the usual agency for it, comes chosen and marked as such.
  expect(page.body).toMatch(/<input type="radio" name="agency" value="IPOA" data-name="[^"]+" required checked> <span>IPOA \([^<]+\) <span class="muted">· usual for this type of case<\/span>/);
  expect(page.body.match(/name="agency" [^>]* checked>/g)).toHaveLength(1);
  expect((await agent.get(`/tickets/${id}/case-file?format=pdf`)).statusCode).toBe(404);

  expect((await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' })).statusCode).toBe(303);
  const referred = (await agent.get(`/tickets/${id}`)).body;
  expect(referred).toContain(`/tickets/${id}/case-file`);
  expect(referred).toContain('The reporter has not been asked about sharing their name and phone number with this agency.');

  const pdf = await fetch(`${h.base}/tickets/${id}/case-file?format=pdf&lang=sw`, { headers: { cookie: `ripoti_session=${agent.cookies.get('ripoti_session')}` } });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="ripoti-R-[A-Z0-9-]+-IPOA\.pdf"$/);
  expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

  const print = await agent.get(`/tickets/${id}/case-file?format=html`);
  expect(print.statusCode).toBe(200);
  expect(print.body).toContain('Kilimani Police Station');
  expect(print.body).toContain('<dt>What they wore</dt><dd>Traffic police uniform; white shirts</dd>');
  expect(referred).toContain(`/tickets/${id}/evidence-archive`);
  expect(print.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; /);
  // No consent asked yet: no identity, the reference line instead.
  expect(print.body).not.toContain('Wanjiru');

  const history = await h.store.reports.history(id);
  expect(history.filter((e) => e.type === 'case_file').map((e) => e.data)).toEqual([
    { agency: 'IPOA', withIdentity: false, format: 'pdf', language: 'sw' },
    { agency: 'IPOA', withIdentity: false, format: 'html', language: 'en' },
  ]);
  expect((await agent.get(`/tickets/${id}`)).body).toContain('Case file produced');

  const other = h.browser();
  await other.signIn('otieno');
  expect((await other.get(`/tickets/${id}/case-file?format=html`)).statusCode).toBe(403);
});

it('the consent question is sent for a named reporter and refused for an anonymous one', async () => {
  const named = await referredTicket(false);
  await named.agent.post(`/tickets/${named.id}/refer`, { agency: 'IPOA', note: '' });
  const asked = await named.agent.post(`/tickets/${named.id}/consent`);
  expect(asked.headers.location).toBe(`/tickets/${named.id}?ok=consent_asked`);
  expect((await named.agent.get(`/tickets/${named.id}`)).body).toContain('The reporter has been asked; no answer yet.');
  const notices = (await h.store.messages.listForReport(named.id)).filter((m) => m.notice?.key === 'notices:consentAsk');
  // The question carries its own mark, the same as in the history: its buttons answer this question.
  const q = (await h.store.reports.history(named.id)).find((e) => e.type === 'consent_asked')?.data?.q;
  expect(q).toMatch(/^[0-9a-f]{8}$/);
  expect(notices.map((m) => m.notice?.vars)).toEqual([{ agency: 'IPOA', reportId: named.id, q }]);

  const anon = await referredTicket(true);
  await anon.agent.post(`/tickets/${anon.id}/refer`, { agency: 'IPOA', note: '' });
  expect((await anon.agent.get(`/tickets/${anon.id}`)).body).not.toContain(`/tickets/${anon.id}/consent`);
  const refused = await anon.agent.post(`/tickets/${anon.id}/consent`);
  expect(refused.headers.location).toBe(`/tickets/${anon.id}?err=refused_anonymous`);
  expect((await h.store.messages.listForReport(anon.id)).some((m) => m.notice?.key === 'notices:consentAsk')).toBe(false);
  // The case file says the reporter is anonymous: an agency reading only "not shared in this file" would ask Ripoti for who they are.
  expect((await anon.agent.get(`/tickets/${anon.id}/case-file?format=html`)).body).toContain('The reporter chose to report anonymously: their name and phone number are not shared with anyone, this agency included.');
  expect((await named.agent.get(`/tickets/${named.id}/case-file?format=html`)).body).not.toContain('anonymously');
});

it('an election ticket shows who did it and, for hate speech, where it was spread, on the agency card and in the print view', async () => {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({ ...reportInput(who._id, { category: 'e_hate' }), perpetrator: { kind: 'agents', words: 'youths in orange shirts' }, hateChannel: 'online' });
  const id = report._id.toString();
  const agent = h.browser();
  await h.account('hate1', 'agent');
  await agent.signIn('hate1');
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page).toContain("<dt>Who did it</dt><dd>A candidate&#39;s agents or supporters · youths in orange shirts</dd>");
  expect(page).toContain('<dt>Where it was said or shared</dt><dd>On social media or WhatsApp</dd>');
  await agent.post(`/tickets/${id}/refer`, { agency: 'NCIC', note: '' });
  const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
  expect(print).toContain('youths in orange shirts');
  expect(print).toContain('On social media or WhatsApp');
});

it('a named reporter who answered no detail question is not said to have given "no identifying details": the card says which details are missing', async () => {
  const who = await reporter(h.store);
  await h.store.reporters.setPhone(who._id, '+254733000222');
  const { report } = await h.reports.submit({ ...reportInput(who._id), anonymous: false });
  const id = report._id.toString();
  const agent = h.browser();
  await h.account('nodetails1', 'agent');
  await agent.signIn('nodetails1');
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  const page = (await agent.get(`/tickets/${id}`)).body;
  // The reporter card below shows their name and phone; "no identifying details" above it read as
  // if the reporter were anonymous, when it means no details of who did it.
  expect(page).toContain('+254733000222');
  expect(page).not.toContain('identifying details');
  // The details its kind asks for (the bot's own list), not a polling station on a police report.
  expect(page).toContain("No further details given: who it happened to, the officers' names, unit, station or vehicle.".replace("'", '&#39;'));
  expect(page).not.toContain('polling station');
  // An election report (taken, so the next tests find the queue as they left it): its own list.
  const election = await h.reports.submit({ ...reportInput(who._id, { category: 'e_bribery' }), anonymous: false });
  const other = h.browser();
  await h.account('nodetails2', 'agent');
  await other.signIn('nodetails2');
  expect((await other.post('/queue/take')).headers.location).toBe(`/tickets/${election.report._id.toString()}`);
  const electionPage = (await other.get(`/tickets/${election.report._id.toString()}`)).body;
  expect(electionPage).toContain('No further details given: who it happened to, who did it, the polling station, constituency or ward.');
  expect(electionPage).not.toContain('officers&#39; names');
});

it('a story told in a voice note, in Swahili, is pointed to; a ticket taken back from the agency says so', async () => {
  const who = await reporter(h.store, { language: 'sw' });
  const voice = { kind: 'voice' as const, fileId: 'v1', fileUniqueId: 'uv1', mimeType: 'audio/ogg', durationSec: 95 };
  const { report } = await h.reports.submit({ ...reportInput(who._id, { language: 'sw' }), description: { voice } });
  const id = report._id.toString();
  const agent = h.browser();
  await agent.signIn('wambui');
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' });

  const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
  expect(print).toContain('The reporter told it in a voice note (1:35): file 1 of the evidence list.');
  expect(print).not.toContain('Not given</p>');
  expect(print).toContain("<dt>Reporter&#39;s language</dt><dd>Swahili</dd>");
  expect(print).not.toContain('Status at Ripoti');

  // The agency sent it back: a file made now does not pass for a live referral.
  await agent.post(`/tickets/${id}/status`, { status: 'in_progress' });
  expect((await agent.get(`/tickets/${id}/case-file?format=html`)).body).toContain('<dt>Status at Ripoti</dt><dd>back with Ripoti staff: no longer referred</dd>');
});

it('a case file says the reporter said no one was in danger, and when a later message of theirs said someone was', async () => {
  const who = await reporter(h.store);
  const { report } = await h.reports.submit({ ...reportInput(who._id), dangerNow: false });
  const id = report._id.toString();
  const agent = h.browser();
  await agent.signIn('wambui');
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' });
  expect((await agent.get(`/tickets/${id}/case-file?format=html`)).body).toContain('<dt>Danger</dt><dd>The reporter said no one was in danger at the time of the report</dd>');

  // A message from the reporter while it waited said someone was in danger now: the ticket was raised to urgent.
  const later = await h.reports.submit({ ...reportInput(who._id), dangerNow: false });
  await h.store.reports.raiseToUrgent(later.report._id, 'm1');
  const laterId = later.report._id.toString();
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${laterId}`);
  await agent.post(`/tickets/${laterId}/refer`, { agency: 'IPOA', note: '' });
  const sw = (await agent.get(`/tickets/${laterId}/case-file?format=html&lang=sw`)).body;
  expect(sw).toMatch(/<dt>Hatari<\/dt><dd>Aliyeripoti alisema hakuna mtu aliyekuwa hatarini wakati wa kuripoti<br>Baadaye, tarehe \d+ \S+ 2026 saa \d\d:\d\d EAT, aliyeripoti aliandika kwamba kuna mtu aliye hatarini: tazama ujumbe baada ya ripoti<\/dd>/);
});

it('a case file says when Ripoti referred the case to the agency', async () => {
  const { id, agent } = await referredTicket(true);
  await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' });
  expect((await agent.get(`/tickets/${id}/case-file?format=html`)).body).toMatch(/<dt>Referred by Ripoti on<\/dt><dd>\d+ \w+ 20\d\d at \d\d:\d\d EAT<\/dd>/);
  expect((await agent.get(`/tickets/${id}/case-file?format=html&lang=sw`)).body).toMatch(/<dt>Ilipelekwa na Ripoti tarehe<\/dt><dd>\d+ \w+ 20\d\d saa \d\d:\d\d EAT<\/dd>/);
});

it('a case file does not promise to pass questions to a reporter the hotline can no longer reach, and says so', async () => {
  const { id, agent } = await referredTicket(true);
  await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' });
  const reach = 'At present Ripoti&#39;s messages do not reach the reporter';
  expect((await agent.get(`/tickets/${id}/case-file?format=html`)).body).not.toContain(reach);
  // The reporter blocked the bot: a message to them failed as such.
  expect(await h.store.reports.setReporterUnreachable(id, true)).toBe(true);
  const en = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
  expect(en).toContain("<p>At present Ripoti&#39;s messages do not reach the reporter: they blocked the hotline on Telegram, or Telegram no longer finds their chat. Ripoti can put your questions to them only once they write to the hotline again.</p>");
  const sw = (await agent.get(`/tickets/${id}/case-file?format=html&lang=sw`)).body;
  expect(sw).toContain('<p>Kwa sasa jumbe za Ripoti hazimfikii aliyeripoti: amezuia huduma hii kwenye Telegram, au Telegram haipati tena mazungumzo yake. Ripoti itaweza kumfikishia maswali yenu pale tu atakapoandika tena kwenye huduma hii.</p>');
});

it('a case file names the other reports of its incident by reference, never who made them', async () => {
  const { id, agent } = await referredTicket(false);
  const me = (await h.store.reports.findById(id))!;
  const others = [];
  for (let i = 0; i < 2; i++) others.push((await seedReport(h.store, {}, { firstName: `Other${i}`, phone: `+25471100000${i}` })).report);
  for (const r of [me, ...others]) expect(await h.store.incidents.setIncident(r._id, me._id)).toBe(true);
  await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' });
  const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
  // Each reference kept on one line of the printed page.
  const ref = (r: string) => `<span class="ref">${r}</span>`;
  expect(print).toContain(`<dt>Same incident</dt><dd>2 other reports to Ripoti are about the same incident: ${ref(others[0].reference)}, ${ref(others[1].reference)}. Ask Ripoti about them by reference.</dd>`);
  for (const secret of ['Other0', 'Other1', '+254711000000', '+254711000001']) expect(print).not.toContain(secret);
});

it('a referral to an agency not on the list needs its name, and the case file is addressed to it', async () => {
  await h.account('achieng', 'agent');
  const { id, agent } = await referredTicket(false, 'achieng');
  const refused = await agent.post(`/tickets/${id}/refer`, { agency: 'OTHER', note: '', other: '  ' });
  expect(refused.headers.location).toBe(`/tickets/${id}?err=refused_agency_name`);
  expect((await agent.get(refused.headers.location!)).body).toContain('Write the name of the agency you refer the case to (at most 120 characters).');
  expect((await agent.post(`/tickets/${id}/refer`, { agency: 'OTHER', note: '', other: 'x'.repeat(121) })).headers.location).toBe(`/tickets/${id}?err=refused_agency_name`);
  expect((await h.store.reports.findById(id))!.status).not.toBe('referred');

  const name = 'Kenya National Commission on Human Rights';
  expect((await agent.post(`/tickets/${id}/refer`, { agency: 'OTHER', note: '', other: name })).statusCode).toBe(303);
  expect((await h.store.reports.findById(id))!.referral).toMatchObject({ agency: 'OTHER', name });
  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page).toContain(`Referred to ${name}`);
  // The case-file form on the ticket names it as well: "Case file for another agency" left the
  // agent unsure which agency the file was addressed to.
  expect(page).toContain(`<h3>Case file for ${name}</h3>`);
  // The history names it too, not "another agency".
  expect((await agent.get(`/tickets/${id}/activity`, { accept: '*/*' })).body).toMatch(new RegExp(`<span>Referred: ${name} <span class="muted">`));
  const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
  expect(print).toContain(`<h1>Case file for ${name}</h1>`);
  expect(print).toContain(`<dt>Referred to</dt><dd>${name}</dd>`);
  // The history says which agency each case file and evidence archive was made for, by its name:
  // "another agency" twice could not tell a file for this agency from one for the next.
  await agent.get(`/tickets/${id}/evidence-archive`, { accept: '*/*' });
  const activity = (await agent.get(`/tickets/${id}/activity`, { accept: '*/*' })).body;
  expect(activity).toMatch(new RegExp(`<span>Case file produced: ${name} \\(without identity\\)`));
  expect(activity).toMatch(new RegExp(`<span>Evidence downloaded as one archive: ${name} \\(without identity\\)`));
  expect(activity).not.toContain('another agency');
});

describe('consent is to the question as it was asked', () => {
  async function referred(opts: { agency: string; other?: string; tg: number }) {
    const who = await reporter(h.store, { telegramUserId: opts.tg });
    await h.store.reporters.setPhone(who._id, '+254733000111');
    const { report } = await h.reports.submit({ ...reportInput(who._id), anonymous: false });
    const id = report._id.toString();
    const agent = h.browser();
    await h.account(`c${opts.tg}`, 'agent');
    await agent.signIn(`c${opts.tg}`);
    expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
    await agent.post(`/tickets/${id}/refer`, { agency: opts.agency, note: '', other: opts.other ?? '' });
    return { id, agent };
  }
  const conversations = () => new ConversationService({ store: h.store, events: h.bus, logger: h.logger });

  it('a yes tapped now on a question sent when it asked only for the number gives only the number', async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_001 });
    // The question as it was sent before 2026-12-01 (its history entry says nothing of the name).
    await h.store.reports.addEvent(id, 'consent_asked', { kind: 'agent', agentId: (await h.store.agents.findByUsername('c61000001'))!._id }, { agency: 'IPOA' });
    expect(await conversations().answerConsent(61_000_001, id, 'IPOA', 'yes')).toMatchObject({ ok: true });
    const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    expect(print).toContain('+254733000111');
    expect(print).not.toContain('Wanjiru');
  });

  it('"another agency" is asked about by its name, and a yes to it is no yes to the next one', async () => {
    const { id, agent } = await referred({ agency: 'OTHER', other: 'Kenya National Commission on Human Rights', tg: 61_000_002 });
    expect((await agent.get(`/tickets/${id}`)).body).toContain('Ask the reporter: may Kenya National Commission on Human Rights have their name and phone number?');
    expect((await agent.post(`/tickets/${id}/consent`)).headers.location).toBe(`/tickets/${id}?ok=consent_asked`);
    expect((await agent.get(`/tickets/${id}/conversation`)).body).toContain('Kenya National Commission on Human Rights may need to contact you. May we give them your name and phone number?');
    expect(await conversations().answerConsent(61_000_002, id, 'OTHER', 'yes')).toMatchObject({ ok: true });
    expect((await agent.get(`/tickets/${id}/case-file?format=html`)).body).toContain('Wanjiru');
    // Referred on to another organisation: the reporter said yes to the first, not to this one.
    await agent.post(`/tickets/${id}/status`, { status: 'in_progress' });
    await agent.post(`/tickets/${id}/refer`, { agency: 'OTHER', note: '', other: 'Kenya Red Cross' });
    const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    expect(print).toContain('<h1>Case file for Kenya Red Cross</h1>');
    expect(print).not.toContain('Wanjiru');
    expect(print).not.toContain('+254733000111');
    expect((await agent.get(`/tickets/${id}`)).body).toContain('The reporter has not been asked about sharing their name and phone number with this agency.');
  });

  it("a no is in the case file with its day, for that agency only; a yes after it is the answer that holds", async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_020 });
    const print = async () => (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    // Not asked yet: nothing said of an answer.
    expect(await print()).not.toContain('said no when asked');
    await agent.post(`/tickets/${id}/consent`);
    const q = (await h.store.reports.history(id)).find((e) => e.type === 'consent_asked')?.data?.q as string;
    expect(await conversations().answerConsent(61_000_020, id, 'IPOA', 'no', q)).toMatchObject({ ok: true });
    const declined = await print();
    expect(declined).toMatch(/On \d{1,2} \w+ \d{4} the reporter said no when asked whether Ripoti may give their name and phone number to IPOA \(Independent Policing Oversight Authority\), so they are not in this file\./);
    expect(declined).not.toContain('+254733000111');
    // Referred on to another agency: the no was to IPOA, not to it.
    await agent.post(`/tickets/${id}/status`, { status: 'in_progress' });
    await agent.post(`/tickets/${id}/refer`, { agency: 'ODPP', note: '' });
    expect(await print()).not.toContain('said no when asked');
    // Back to IPOA and asked again: the yes holds.
    await agent.post(`/tickets/${id}/status`, { status: 'in_progress' });
    await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' });
    await agent.post(`/tickets/${id}/consent`);
    const q2 = (await h.store.reports.history(id)).filter((e) => e.type === 'consent_asked').at(-1)?.data?.q as string;
    expect(await conversations().answerConsent(61_000_020, id, 'IPOA', 'yes', q2)).toMatchObject({ ok: true });
    const agreed = await print();
    expect(agreed).not.toContain('said no when asked');
    expect(agreed).toContain('+254733000111');
  });

  it('a button without a question mark (sent before marks) answers only when every question asked was alike', async () => {
    const { id, agent } = await referred({ agency: 'OTHER', other: 'Kenya National Commission on Human Rights', tg: 61_000_003 });
    await agent.post(`/tickets/${id}/consent`);
    await agent.post(`/tickets/${id}/consent`);
    // Asked twice alike: the old button answers it.
    expect(await conversations().answerConsent(61_000_003, id, 'OTHER', 'no')).toMatchObject({ ok: true, name: 'Kenya National Commission on Human Rights' });
    await agent.post(`/tickets/${id}/status`, { status: 'in_progress' });
    await agent.post(`/tickets/${id}/refer`, { agency: 'OTHER', note: '', other: 'Kenya Red Cross' });
    await agent.post(`/tickets/${id}/consent`);
    // Now the questions differ: an unmarked Yes could be to either, so it is to neither.
    expect(await conversations().answerConsent(61_000_003, id, 'OTHER', 'yes')).toEqual({ ok: false, reason: 'replaced' });
    expect(await conversations().answerConsent(61_000_003, id, 'OTHER', 'yes', 'deadbeef')).toEqual({ ok: false, reason: 'not_asked' });
    expect((await agent.get(`/tickets/${id}/case-file?format=html`)).body).not.toContain('+254733000111');
  });

  it('a question stored by an older release\'s outbox relay (a rolling deploy) without its "asked" line is still answered by its buttons: a yes gives name and number', async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_014 });
    // What that relay left of an owed question: its message, with the question's mark among its variables, and no line in the trail.
    const q = 'c0ffee08';
    await h.store.messages.addNoticeOnce(new Types.ObjectId(), id, { key: CONSENT_NOTICE, vars: { agency: 'IPOA', reportId: id, q } });
    expect((await h.store.reports.history(id)).filter((e) => e.type === 'consent_asked')).toEqual([]);
    expect(await conversations().answerConsent(61_000_014, id, 'IPOA', 'yes', q)).toMatchObject({ ok: true, agency: 'IPOA' });
    const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    expect(print).toContain('+254733000111');
    expect(print).toContain('Wanjiru');
    // A mark no question to this report carried answers nothing; nor does the question's mark for another agency.
    expect(await conversations().answerConsent(61_000_014, id, 'IPOA', 'yes', 'deadbeef')).toEqual({ ok: false, reason: 'not_asked' });
    expect(await conversations().answerConsent(61_000_014, id, 'ODPP', 'yes', q)).toEqual({ ok: false, reason: 'not_asked' });
  });

  it('a double tap on an answer records it once; a different answer after it is recorded and decides', async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_006 });
    await agent.post(`/tickets/${id}/consent`);
    const q = (await h.store.reports.history(id)).find((e) => e.type === 'consent_asked')?.data?.q as string;
    expect(await conversations().answerConsent(61_000_006, id, 'IPOA', 'yes', q)).toMatchObject({ ok: true });
    expect(await conversations().answerConsent(61_000_006, id, 'IPOA', 'yes', q)).toMatchObject({ ok: true, repeated: true });
    const answers = async () => (await h.store.reports.history(id)).filter((e) => e.type === 'consent_answered').map((e) => e.data?.answer);
    expect(await answers()).toEqual(['yes']);
    expect(await conversations().answerConsent(61_000_006, id, 'IPOA', 'no', q)).not.toHaveProperty('repeated');
    expect(await answers()).toEqual(['yes', 'no']);
    expect((await agent.get(`/tickets/${id}/case-file?format=html`)).body).not.toContain('+254733000111');
  });

  it("the staff's questions are there with the answers, and what the reporter did not agree to share is blanked in both", async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_004 });
    const agentId = (await h.store.agents.findByUsername('c61000004'))!._id;
    const asked = await h.store.messages.addOutgoing(id, { text: 'Wanjiru, how many officers were there?', agentId });
    await h.store.messages.markSent(asked._id, 501);
    await h.store.messages.addIncoming(id, { text: 'Three. Call me on 0733 000 111, ask for Wanjiru.' });
    // Their own number written without its 0 (the Kenyan pattern alone would miss it).
    await h.store.messages.addIncoming(id, { text: 'Or 733-000-111 if that fails.' });
    // An email address reaches them as surely as a number, whatever it says.
    await h.store.messages.addIncoming(id, { text: 'Or email me: brianfan2000@yahoo.com' });
    // Someone else's message passed on: said to be so, with its sender blanked like the words.
    await h.store.messages.addIncoming(id, { text: 'Tutawapata wote kesho', passedOn: { from: 'Wanjiru 0733000111' } });
    // A status notice, and a question that never reached the reporter: not part of the file.
    await h.store.messages.addOutgoing(id, { notice: { key: 'notices:status.in_progress' } });
    const lost = await h.store.messages.addOutgoing(id, { text: 'Did they take your phone?', agentId });
    await h.store.messages.markFailed(lost._id);

    const without = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    expect(without).toMatch(/Ripoti staff<\/b><p>\[name withheld\], how many officers were there\?<\/p>[\s\S]*The reporter<\/b><p>Three\. Call me on \[phone number withheld\], ask for \[name withheld\]\.<\/p>/);
    expect(without).toContain('Phone numbers, email addresses and the reporter&#39;s name are withheld from these messages');
    expect(without).toContain('<p>Or email me: [email address withheld]</p>');
    expect(without).not.toContain('brianfan2000');
    expect(without).not.toMatch(/Wanjiru|0733 000 111|Did they take your phone/);
    expect(without).toContain('<p>Or [phone number withheld] if that fails.</p>');
    expect(without).toContain('(Forwarded from [name withheld] [phone number withheld]: not the reporter&#39;s own words)<br>Tutawapata wote kesho');
    const sw = (await agent.get(`/tickets/${id}/case-file?format=html&lang=sw`)).body;
    expect(sw).toContain('Mhudumu wa Ripoti</b><p>[jina limefichwa], how many officers were there?</p>');
    expect(sw).toContain('<p>Or email me: [barua pepe imefichwa]</p>');

    await agent.post(`/tickets/${id}/consent`);
    expect(await conversations().answerConsent(61_000_004, id, 'IPOA', 'yes')).toMatchObject({ ok: true });
    const shared = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    expect(shared).toContain('<p>Three. Call me on 0733 000 111, ask for Wanjiru.</p>');
    expect(shared).toContain('<p>Or email me: brianfan2000@yahoo.com</p>');
    expect(shared).not.toContain('withheld');
  });

  it("the reporter's Telegram username is withheld with their name, whole, in the story and the messages", async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_009 });
    // Telegram gives a username with the next update, and her next named report brings it: it is kept with the name.
    await namedAs(h.store, { telegramUserId: 61_000_009, chatId: 61_000_009, firstName: 'Wanjiru', username: 'wanjiru_w254' });
    await h.store.models.Report.updateOne({ _id: id }, { $set: { 'description.text': 'They beat my cousin at the stage. Reach me on Telegram @wanjiru_w254.' } });
    await h.store.messages.addIncoming(id, { text: 'Or here: t.me/Wanjiru_W254' });
    const without = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    expect(without).toContain('Reach me on Telegram [name withheld].');
    expect(without).toContain('Or here: t.me/[name withheld]');
    expect(without).not.toMatch(/w254/i);
    expect(await archiveManifest(agent, id)).not.toMatch(/w254/i);
  });

  it("the report's own story, place, files and the phone's location are blanked the same way until the reporter says yes", async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_005 });
    await h.store.models.Report.updateOne(
      { _id: id },
      {
        $set: {
          'description.text': 'They took my phone money. Nipigie 0733 000 111, mimi ni Wanjiru.',
          place: 'Near Wanjiru salon, Kencom stage',
          location: { lat: -1.28412, lon: 36.82345 },
          evidence: [{ kind: 'document', fileId: 'doc-1', fileUniqueId: 'u-doc-1', fileName: 'wanjiru-mpesa-0733000111.pdf', caption: 'M-Pesa message to 0733000111' }],
        },
      },
    );
    // And a file sent later in the conversation, named by the reporter.
    await h.store.messages.addIncoming(id, { media: { kind: 'document', fileId: 'doc-2', fileUniqueId: 'u-doc-2', fileName: 'wanjiru-0733000111.pdf' } });
    const without = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    expect(without).toContain('Nipigie [phone number withheld], mimi ni [name withheld].');
    expect(without).toContain('Sent a file: Document [name withheld]-[phone number withheld].pdf');
    expect(without).toContain('Near [name withheld] salon, Kencom stage');
    expect(without).toContain('M-Pesa message to [phone number withheld]');
    expect(without).toMatch(/Location shared from the reporter&#39;s phone[^<]*<\/dt><dd>\[location withheld\]/);
    expect(without).toContain('are withheld from the report itself (the story, the place, the files&#39; names and captions)');
    expect(without).not.toMatch(/Wanjiru|0733 ?000 ?111|-1\.28412/i);
    const manifest = await archiveManifest(agent, id);
    expect(manifest).toContain('Caption: M-Pesa message to [phone number withheld]');
    expect(manifest).not.toMatch(/Wanjiru|0733 ?000 ?111/i);

    await agent.post(`/tickets/${id}/consent`);
    expect(await conversations().answerConsent(61_000_005, id, 'IPOA', 'yes')).toMatchObject({ ok: true });
    const shared = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    expect(shared).toContain('Nipigie 0733 000 111, mimi ni Wanjiru.');
    expect(shared).toContain('Sent a file: Document wanjiru-0733000111.pdf');
    expect(shared).toContain('-1.28412, 36.82345');
    expect(shared).not.toContain('withheld');
    expect(await archiveManifest(agent, id)).toContain('Caption: M-Pesa message to 0733000111');
  });

  it("an officer who shares the reporter's name, named by title in the story and the messages as in the officers' answer, is named there too", async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_010 });
    const agentId = (await h.store.agents.findByUsername('c61000010'))!._id;
    await h.store.models.Report.updateOne({ _id: id }, { $set: { officers: { names: 'Cpl Wanjiru, PC Kamau' }, 'description.text': 'Cpl Wanjiru and PC Kamau slapped me at the stage. I am Wanjiru too.',
      evidence: [{ kind: 'photo', fileId: 'ph-1', fileUniqueId: 'u-ph-1', caption: 'Cpl Wanjiru at the stage' }] } });
    const asked = await h.store.messages.addOutgoing(id, { text: 'Did Cpl Wanjiru give a service number?', agentId });
    await h.store.messages.markSent(asked._id, 502);
    const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    // "Cpl [name withheld]" beside "Cpl Wanjiru" in the officers' section lost the story its officer and told whose name was withheld.
    expect(print).toContain('<dt>Names</dt><dd>Cpl Wanjiru, PC Kamau</dd>');
    expect(print).toContain('<p>Cpl Wanjiru and PC Kamau slapped me at the stage. I am [name withheld] too.</p>');
    expect(print).toContain('<p>Did Cpl Wanjiru give a service number?</p>');
    // The archive's list says it alike: the two documents side by side tell nothing either.
    expect(print).toContain('Cpl Wanjiru at the stage');
    expect(await archiveManifest(agent, id)).toContain('Caption: Cpl Wanjiru at the stage');
  });

  it("a victim who shares the reporter's family name keeps their name as the reporter gave it for them; the reporter's own stays withheld", async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_011 });
    await namedAs(h.store, { telegramUserId: 61_000_011, chatId: 61_000_011, firstName: 'Grace', lastName: 'Kamau' });
    await h.store.models.Report.updateOne({ _id: id }, { $set: { category: 'p_disappear', reporterRole: 'on_behalf', victim: 'My son Brian Kamau, 19, student at Githurai Technical',
      'description.text': 'Men who said they were police took my son Brian Kamau at Githurai market. I am Grace Kamau, his mother. Kamau is our family name.',
      evidence: [{ kind: 'photo', fileId: 'ph-2', fileUniqueId: 'u-ph-2', caption: 'Brian Kamau the week before' }] } });
    await h.store.messages.addIncoming(id, { text: 'Brian Kamau is still missing. Grace' });
    const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    // "My son Brian [name withheld]" left the agency without the name of the person to look for.
    expect(print).toContain('<dt>The person it happened to</dt><dd>My son Brian Kamau, 19, student at Githurai Technical</dd>');
    expect(print).toContain('<p>Men who said they were police took my son Brian Kamau at Githurai market. I am [name withheld] [name withheld], his mother. [name withheld] is our family name.</p>');
    expect(print).toContain('<p>Brian Kamau is still missing. [name withheld]</p>');
    expect(print).toContain('Brian Kamau the week before');
    expect(print).not.toContain('Grace');
    const manifest = await archiveManifest(agent, id);
    expect(manifest).toContain('Caption: Brian Kamau the week before');
    expect(manifest).not.toContain('Grace');
  });

  it("gives each officer with the service number written with them and the answer as written, blanked as the reporter did not consent", async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_013 });
    await namedAs(h.store, { telegramUserId: 61_000_013, chatId: 61_000_013, firstName: 'Njoki', lastName: 'Mutua' });
    await h.store.models.Report.updateOne({ _id: id }, { $set: { officers: { answer: 'Koplo Mutua 78123, Sajini Wekesa 0733 000 111', names: 'Koplo Mutua, Sajini Wekesa', rank: 'Koplo, Sajini', serviceNumbers: ['78123', '0733 000 111'] } } });
    const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    // "Names: Koplo Mutua, Sajini Wekesa" and "Service numbers: 78123" did not say whose number it was.
    expect(print).toContain('<dt>Officers and their service numbers</dt><dd>Koplo Mutua: service number 78123<br>Sajini Wekesa [phone number withheld]: no service number given</dd>');
    expect(print).toContain('<dt>The reporter&#39;s answer, as written</dt><dd>Koplo Mutua 78123, Sajini Wekesa [phone number withheld]</dd>');
    expect(print).not.toMatch(/0733|Njoki/);
  });

  it('a file sent in a later message is named as the evidence archive names it, so the investigator finds the photo the message is about', async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_012 });
    await h.store.messages.addIncoming(id, { text: 'His name tag', media: { kind: 'photo', fileId: 'later-1', fileUniqueId: 'u-later-1', mimeType: 'image/jpeg' } });
    await h.store.messages.addIncoming(id, { text: 'The OB abstract', media: { kind: 'document', fileId: 'later-2', fileUniqueId: 'u-later-2', mimeType: 'application/pdf', fileName: 'wanjiru-ob-abstract.pdf' } });
    const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    const paths = [...print.matchAll(/in the evidence archive as (later-messages\/[^<)]+)\)/g)].map((m) => m[1]);
    // Named as the case file blanks the name, as the archive does.
    expect(paths).toEqual(['later-messages/01-photo.jpg', 'later-messages/02-name withheld_-ob-abstract.pdf']);
    expect(print).toContain('His name tag<br>Sent a file: Photo (in the evidence archive as later-messages/01-photo.jpg)');
    const manifest = await archiveManifest(agent, id);
    for (const path of paths) expect(manifest).toContain(`\r\n${path}\r\n`);
  });

  it('a number or name typed into the officers, who did it or the polling station is blanked there too, as in the CSV', async () => {
    const { id, agent } = await referred({ agency: 'IPOA', tg: 61_000_008 });
    await h.store.models.Report.updateOne({ _id: id }, {
      $set: { officers: { names: 'Sgt Otieno, call Wanjiru 0733 000 111', serviceNumbers: ['0722 555 666', '84512'], rank: 'Corporal', station: 'Kilimani, nipigie 0733000111', vehiclePlates: ['GK 123A'], uniform: 'black jackets' },
        // A chat the reporter forwarded can name them too.
        passedOn: [{ text: 'Wanjiru 0733 000 111 is the one talking to those people', from: 'Kilimani Estate Group' }] },
    });
    const without = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
    expect(without).toContain('Sgt Otieno, call [name withheld] [phone number withheld]');
    expect(without).toMatch(/\[phone number withheld\][^<]*84512/);
    expect(without).toContain('Kilimani, nipigie [phone number withheld]');
    expect(without).toContain('[name withheld] [phone number withheld] is the one talking to those people');
    expect(without).toContain('Kilimani Estate Group');
    expect(without).toContain('GK 123A');
    expect(without).toContain('are withheld from the report itself');
    expect(without).not.toMatch(/Wanjiru|0733 ?000 ?111|0722 555 666/i);

    const anonymousVoter = await reporter(h.store, { telegramUserId: 61_000_007 });
    const { report } = await h.reports.submit({
      ...reportInput(anonymousVoter._id, { category: 'e_hate' }),
      anonymous: true,
      perpetrator: { kind: 'agents', words: 'youths in orange, ask me on 0711 222 333' },
      pollingStation: { name: 'Kibra Primary, my number 0711222333', code: '047-281-1234-01' },
    });
    const election = report._id.toString();
    await h.account('c61000007', 'agent');
    const other = h.browser();
    await other.signIn('c61000007');
    expect((await other.post('/queue/take')).headers.location).toBe(`/tickets/${election}`);
    await other.post(`/tickets/${election}/refer`, { agency: 'NCIC', note: '' });
    const print = (await other.get(`/tickets/${election}/case-file?format=html`)).body;
    expect(print).toContain('youths in orange, ask me on [phone number withheld]');
    expect(print).toContain('Kibra Primary, my number [phone number withheld]');
    expect(print).not.toMatch(/0711 ?222 ?333/);
  });
});

it('the case file and the archive\'s manifest say how the agency reaches Ripoti (the contact the operators set), which every "contact Ripoti" in them relies on', async () => {
  const { id, agent } = await referredTicket(false);
  await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' });
  const reference = (await h.store.reports.findById(id))!.reference;
  const pdf = await fetch(`${h.base}/tickets/${id}/case-file?format=pdf&lang=en`, { headers: { cookie: `ripoti_session=${agent.cookies.get('ripoti_session')}` } });
  const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(await pdf.arrayBuffer()), encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(`How to reach Ripoti To ask about this case, to put questions to the reporter or to ask for the evidence files, contact Ripoti at cases@ripoti.example, +254 20 765 4321 and quote reference number ${reference}.`);
  const sw = (await agent.get(`/tickets/${id}/case-file?format=html&lang=sw`)).body;
  expect(sw).toContain('wasiliana na Ripoti kupitia cases@ripoti.example, +254 20 765 4321');
  expect(await archiveManifest(agent, id)).toContain(`contact Ripoti at cases@ripoti.example, +254 20 765 4321 and quote reference number ${reference}.`);
});

/** MANIFEST.txt of the ticket's evidence archive (its files are not fetched here: the manifest lists them as missing). */
async function archiveManifest(agent: ReturnType<ConsoleHarness['browser']>, id: string): Promise<string> {
  const res = await fetch(`${h.base}/tickets/${id}/evidence-archive?lang=en`, { headers: { cookie: `ripoti_session=${agent.cookies.get('ripoti_session')}` } });
  return zipEntryText(Buffer.from(await res.arrayBuffer()), 'MANIFEST.txt');
}

it('a reporter who switched language: each staff message is shown, and quoted in the case file, in the language it went out in', async () => {
  const { id, agent } = await referredTicket(false, 'otieno');
  const report = (await h.store.reports.findById(id))!;
  // Written in English, then the reporter chose Kiswahili (/lugha): what staff send goes out in Kiswahili.
  const agentId = (await h.store.agents.findByUsername('otieno'))!._id;
  const both = (en: string, sw: string) => ({ text: en, texts: { en, sw }, agentId });
  // An answer in both languages went out in English; then the reporter chose Kiswahili (/lugha).
  const before = await h.store.messages.addOutgoing(id, both('We are looking into it.', 'Tunalishughulikia.'));
  await h.store.messages.markSent(before._id, 776, 'en');
  await h.store.models.Reporter.updateOne({ _id: report.reporterId }, { $set: { language: 'sw' } });
  const after = await h.store.messages.addOutgoing(id, both('We have told IPOA.', 'Tumeiarifu IPOA.'));
  await h.store.messages.markSent(after._id, 777, 'sw');
  await h.store.messages.addOutgoing(id, both('IPOA will call you.', 'IPOA watakupigia simu.'));
  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page).toContain('Wrote the report in English; now reads and writes in Swahili');
  // Each as the reporter read it (or will): the first in English, the later ones in Kiswahili.
  for (const read of ['We are looking into it.', 'Tumeiarifu IPOA.', 'IPOA watakupigia simu.']) expect([read, page.includes(read)]).toEqual([read, true]);
  for (const unread of ['Tunalishughulikia.', 'We have told IPOA.', 'IPOA will call you.']) expect([unread, page.includes(unread)]).toEqual([unread, false]);
  await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' });
  const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
  expect(print).toContain('We are looking into it.');
  expect(print).toContain('Tumeiarifu IPOA.');
  expect(print).not.toContain('We have told IPOA.');
});

it("an anonymous report speaks the language it was written in, not the one its reporter reads now (the same switch on their named tickets paired them)", async () => {
  const { id, agent } = await referredTicket(true, 'otieno');
  const report = (await h.store.reports.findById(id))!;
  const agentId = (await h.store.agents.findByUsername('otieno'))!._id;
  const supervisor = h.browser();
  await h.account('nyokabi', 'supervisor');
  await supervisor.signIn('nyokabi');
  await supervisor.post('/supervisor/saved-replies', { title: 'Told IPOA', en: 'We have passed it to IPOA.', sw: 'Tumeipeleka kwa IPOA.' });
  // Written in English; then the reporter chose Kiswahili (/lugha), as every named ticket of theirs shows.
  await h.store.models.Reporter.updateOne({ _id: report.reporterId }, { $set: { language: 'sw' } });
  const pending = await h.store.messages.addOutgoing(id, { text: 'IPOA will call you.', texts: { en: 'IPOA will call you.', sw: 'IPOA watakupigia simu.' }, agentId });
  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page).toContain('data-testid="reporter-language">Writes in English.</p>');
  expect(page).toContain('Saved reply (goes out in English)');
  expect(page).toContain('IPOA will call you.');
  expect(page).not.toContain('IPOA watakupigia simu.');
  // What goes out to them about it is in the report's language too, and a saved reply is chosen so.
  const delivery = new DeliveryService({ store: h.store, translator: h.translator, events: h.bus, logger: h.logger });
  const plan = await delivery.prepare(pending._id.toString());
  if (!plan.due) throw new Error(`not due: ${plan.outcome}`);
  expect(await delivery.composeIfReachable(plan.message)).toMatchObject({ language: 'en', text: expect.stringContaining('IPOA will call you.') });
  const saved = (await h.store.savedReplies.list())[0];
  await agent.post(`/tickets/${id}/saved-reply`, { savedReply: saved._id.toString() });
  expect((await h.store.messages.listForReport(id)).map((m) => m.text)).toContain('We have passed it to IPOA.');
});

it('a file forwarded from a channel names the channel on the ticket page, in the case file and in the archive list', async () => {
  await h.account('njambi', 'agent');
  const who = await reporter(h.store);
  const video = { kind: 'video' as const, fileId: 'BAACAgQ-missing', fileUniqueId: 'fwd1', size: 4000, caption: 'Watch what he said at the rally', forwardedFrom: 'Molo Voice (@molovoice)' };
  const { report } = await h.reports.submit({ ...reportInput(who._id, { category: 'e_hate' }), evidence: [video] });
  const id = report._id.toString();
  const agent = h.browser();
  await agent.signIn('njambi');
  expect((await agent.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
  expect((await agent.get(`/tickets/${id}`)).body).toContain('↪ Forwarded from Molo Voice (@molovoice) · Watch what he said at the rally');
  // Another, forwarded later to the open ticket.
  await h.store.messages.addIncoming(id, { media: { kind: 'photo', fileId: 'AgAC-later', fileUniqueId: 'fwd2', size: 900 }, passedOn: { from: 'Kericho Updates' } });
  await agent.post(`/tickets/${id}/refer`, { agency: 'NCIC', note: '' });
  const print = (await agent.get(`/tickets/${id}/case-file?format=html`)).body;
  expect(print).toContain('Forwarded from Molo Voice (@molovoice) (not the reporter&#39;s own)');
  const manifest = await archiveManifest(agent, id);
  expect(manifest).toContain("Forwarded from: Molo Voice (@molovoice) (not the reporter's own)");
  expect(manifest).toContain("Forwarded from: Kericho Updates (not the reporter's own)");
});

it('after a referral every button on the ticket page is a console button (the case file and consent ones were the browser\'s small grey default)', async () => {
  const { id, agent } = await referredTicket(false);
  expect((await agent.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: '' })).statusCode).toBe(303);
  const page = (await agent.get(`/tickets/${id}`)).body;
  expect(page).toContain('data-testid="case-file"');
  expect(page).toContain('data-testid="ask-consent"');
  const bare = [...page.matchAll(/<button\b[^>]*>[^<]*/g)].map((m) => m[0]).filter((b) => !/class="[^"]*\b(btn|link)\b/.test(b));
  expect(bare).toEqual([]);
});

/** The words of the ticket page's actions card, as read (tags and their attributes left out). */
const actionsText = (html: string) => html.slice(html.indexOf('<article class="card" id="actions">')).split('</article>')[0].replace(/<[^>]*>/g, ' ');

it('the actions card says the usual agency once, beside its choice, in English and Kiswahili (a line under the choices said it again)', async () => {
  const njeri = await h.account('njeri', 'agent');
  const { id, agent } = await referredTicket(false, 'njeri');
  const en = actionsText((await agent.get(`/tickets/${id}`)).body);
  expect(en).toContain('IPOA');
  expect(en.match(/usual/gi)).toEqual(['usual']);
  await h.store.agents.setLanguage(njeri._id, 'sw');
  const sw = actionsText((await agent.get(`/tickets/${id}`)).body);
  expect(sw.match(/kwa kawaida/gi)).toEqual(['kwa kawaida']);
});
