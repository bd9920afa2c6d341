/**
 * The ticket page's "Possibly the same incident" and incident sections and their forms, over
 * real HTTP (console harness): reasons in the agent's language, only the forms the rules allow,
 * refusals named in words, and no identity of an anonymous reporter anywhere on the page.
 */
import { TriageService } from '../../../src/services/triage-service';
import type { ReportDoc } from '../../../src/store';
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';

let h: ConsoleHarness;
let triage: TriageService;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-incident' });
  triage = new TriageService({ store: h.store, logger: h.logger });
});

afterAll(async () => {
  await h?.close();
});

const at = new Date(Date.now() - 3600_000);

async function seed(place: string, text: string, who: { firstName: string; language?: 'en' | 'sw' }, over: Partial<ReportDoc> = {}): Promise<ReportDoc> {
  const { report } = await seedReport(h.store, { place, description: { text }, when: 'now', incidentAt: at, county: 32, anonymous: true, language: who.language ?? 'en', ...over }, { firstName: who.firstName });
  await triage.link(report);
  return (await h.store.reports.findById(report._id))!;
}

const take = async (r: ReportDoc, agentId: string) => {
  const done = await h.store.reports.transition(r._id, 'assigned', { kind: 'agent', agentId }, { assignee: agentId });
  if (!done) throw new Error('could not take');
};

it('shows the links with why in the agent\'s language, offers join only where allowed, and refuses in words', async () => {
  const wanjiru = await h.account('wanjiru', 'agent');
  const otieno = await h.account('otieno', 'agent');
  await h.store.agents.setLanguage(wanjiru._id, 'sw');
  const a = await seed('Nakuru West polling centre', 'Men in a white car were handing out 200 shillings to voters in the queue at Nakuru West polling centre.', { firstName: 'Zawadi' }, { kind: 'election', category: 'e_bribery' });
  const b = await seed('Kituo cha kupigia kura Nakuru West', 'Wanaume kwenye gari jeupe wanagawa shilingi mia mbili kwa wapiga kura kwenye foleni Nakuru West.', { firstName: 'Baraka', language: 'sw' }, { kind: 'election', category: 'e_bribery' });
  const c = await seed('Nakuru West polling centre', 'Men handing out 200 shillings to voters at Nakuru West polling centre from a white car.', { firstName: 'Chebet' }, { kind: 'election', category: 'e_bribery' });
  await take(a, wanjiru._id.toString());
  await take(c, otieno._id.toString());

  const desk = h.browser();
  await desk.signIn('wanjiru', PASSWORD);
  const page = (await desk.get(`/tickets/${a._id.toString()}`)).body;
  const similar = page.slice(page.indexOf('data-testid="similar"'));
  expect(similar).toContain('Huenda ni tukio lilelile');
  expect(similar).toContain(b.reference);
  expect(similar).toContain('Aina moja ya tukio');
  expect(similar).toContain('Zote mbili ni za Nakuru');
  // The waiting report may be joined; the one another agent holds may not (for an agent).
  expect(similar).toContain(`name="member" value="${b._id.toString()}"`);
  expect(similar).toContain(c.reference);
  expect(similar).not.toContain(`name="member" value="${c._id.toString()}"`);
  expect(similar).toContain('Mhudumu mwingine anaishughulikia');
  // Anonymous reporters: no name on the page, only references.
  for (const name of ['Zawadi', 'Baraka', 'Chebet']) expect(page).not.toContain(name);

  const refused = await desk.post(`/tickets/${a._id.toString()}/incident/join`, { member: c._id.toString() });
  expect(refused.headers.location).toContain('err=refused_held_by_other');
  expect((await desk.get(refused.headers.location!)).body).toContain('Mhudumu mwingine anashughulikia ripoti hiyo');
  expect((await desk.post(`/tickets/${a._id.toString()}/incident/join`, {})).headers.location).toContain('err=choose_reports');
  expect((await desk.post(`/tickets/${a._id.toString()}/incident/reply`, { text_en: 'x' })).headers.location).toContain('err=refused_not_in_incident');

  const joined = await desk.post(`/tickets/${a._id.toString()}/incident/join`, { member: b._id.toString() });
  expect(joined.headers.location).toContain('ok=incident_joined');
  const after = (await desk.get(`/tickets/${a._id.toString()}`)).body;
  expect(after).toContain('Tukio: ripoti 2');
  expect(after).toContain('data-testid="reply-all"');
  // The queue badge: the agent's own list shows how many reports look alike.
  expect((await desk.get('/queue')).body).toMatch(/data-testid="similar-badge"[^>]*>2 zinazofanana</);

  // Another agent can neither open the ticket nor act on its incident.
  const other = h.browser();
  await other.signIn('otieno', PASSWORD);
  expect((await other.post(`/tickets/${a._id.toString()}/incident/split`, { member: b._id.toString() })).statusCode).toBe(403);

  const split = await desk.post(`/tickets/${a._id.toString()}/incident/split`, { member: b._id.toString() });
  expect(split.headers.location).toContain('ok=incident_split');
  expect((await h.store.reports.findById(a._id))?.incident).toBeNull();
});

it('an incident of a surge: someone in danger listed first, the rest counted, and one answer to all sent once however often the form goes', async () => {
  const kamau = await h.account('kamau', 'agent');
  const holder = kamau._id.toString();
  const seedHeld = async (over: Partial<ReportDoc> = {}) => {
    const { report } = await seedReport(h.store, { county: 32, place: 'Nakuru market', when: 'now', incidentAt: at, anonymous: true, ...over });
    await take(report, holder);
    return report;
  };
  const lead = await seedHeld();
  const incidentId = lead._id;
  const members = [];
  for (let i = 0; i < 101; i++) members.push(await seedHeld());
  const danger = await seedHeld({ dangerNow: true, priority: 1 });
  const closed = await seedHeld();
  for (const m of [lead, ...members, danger, closed]) expect(await h.store.incidents.setIncident(m._id, incidentId)).toBe(true);
  expect(await h.store.reports.transition(closed._id, 'resolved', { kind: 'agent', agentId: holder })).not.toBeNull();

  const desk = h.browser();
  await desk.signIn('kamau', PASSWORD);
  const page = (await desk.get(`/tickets/${lead._id.toString()}`)).body;
  const incident = page.slice(page.indexOf('data-testid="incident"'), page.indexOf('data-testid="similar"'));
  expect(incident).toContain('Incident: 104 reports');
  // Someone in danger comes first, marked; 100 listed, the other 3 counted.
  const listed = [...incident.matchAll(/<li data-reference="([^"]+)"/g)].map((m) => m[1]);
  expect(listed).toHaveLength(100);
  expect(listed[0]).toBe(danger.reference);
  expect(incident).toContain('data-testid="danger">Someone in danger</span>');
  expect(incident).toContain('And 3 more reports of this incident, not listed here.');
  // The button counts who the answer reaches: not the closed one.
  expect(incident).toContain('Send to all 103');

  const key = incident.match(/name="key" id="reply-all-key" value="([a-f0-9]{32})"/)![1];
  const form = { text_en: 'We have alerted the county commander. Stay safe.', key };
  const first = await desk.post(`/tickets/${lead._id.toString()}/incident/reply`, form);
  // A double click (or the browser's retry): the same form again.
  const again = await desk.post(`/tickets/${lead._id.toString()}/incident/reply`, form);
  expect(first.headers.location).toBe(`/tickets/${lead._id.toString()}?ok=incident_replied_some&sent=103&skipped=1#similar`);
  expect(again.headers.location).toBe(first.headers.location);
  for (const m of [lead, members[0], members[100], danger]) {
    const out = (await h.store.messages.listForReport(m._id)).filter((x) => x.text === form.text_en);
    expect(out).toHaveLength(1);
  }
  expect((await h.store.messages.listForReport(closed._id)).some((x) => x.text === form.text_en)).toBe(false);
  expect((await desk.get(first.headers.location!)).body).toContain('Answer sent to 103 reporters of the incident. Skipped, as closed or now held by another agent: 1.');
  // Back, a corrected text, Send: the browser kept the form's key, but this is a new answer.
  const corrected = { text_en: 'We have alerted the county commander. Please stay indoors.', key };
  expect((await desk.post(`/tickets/${lead._id.toString()}/incident/reply`, corrected)).headers.location).toBe(first.headers.location);
  expect((await h.store.messages.listForReport(members[0]._id)).filter((x) => x.text === corrected.text_en)).toHaveLength(1);
});

it('in a surge: waiting reports strongly linked to any report of the incident (not to the lead) are listed there to tick and join', async () => {
  const njeri = await h.account('njeri', 'agent');
  const kibet = await h.account('kibet', 'agent');
  const holder = njeri._id.toString();
  const seedOne = async (over: Partial<ReportDoc> = {}) => (await seedReport(h.store, { county: 30, place: 'Kabarnet stage', when: 'now', incidentAt: at, anonymous: true, ...over })).report;
  const lead = await seedOne();
  const member = await seedOne();
  for (const r of [lead, member]) {
    await take(r, holder);
    expect(await h.store.incidents.setIncident(r._id, lead._id, holder)).toBe(true);
  }
  // Each new report's own links point at the member, not at the lead (whose list is full in a surge).
  const linkTo = async (r: ReportDoc, to: ReportDoc, score: number) =>
    h.store.reports.setMarks(r._id, { links: { similar: [{ id: r._id, link: { reportId: to._id, score, reasons: [], at: new Date() } }], entries: [] } });
  const w1 = await seedOne();
  const w2 = await seedOne();
  const weak = await seedOne();
  const danger = await seedOne({ dangerNow: true, priority: 1 });
  const elsewhere = await seedOne();
  const unrelated = await seedOne();
  await linkTo(w1, member, 0.72);
  await linkTo(w2, member, 0.9);
  await linkTo(weak, member, 0.6);
  await linkTo(danger, member, 0.9);
  await linkTo(elsewhere, unrelated, 0.9);

  const desk = h.browser();
  await desk.signIn('njeri', PASSWORD);
  const page = (await desk.get(`/tickets/${lead._id.toString()}`)).body;
  const listed = page.slice(page.indexOf('data-testid="join-linked"'));
  expect(listed).toContain('2 waiting reports are strongly linked to reports of this incident.');
  for (const r of [w1, w2]) expect(listed).toContain(`name="member" value="${r._id.toString()}" id="linked-${r._id.toString()}" checked`);
  // A weak link, someone in danger (taken from the queue first) and another event are not offered.
  for (const r of [weak, danger, elsewhere]) expect(page).not.toContain(`id="linked-${r._id.toString()}"`);

  // Kibet takes w1 from the queue while Njeri looks at the list: w2 is still joined, w1 counted.
  await take(w1, kibet._id.toString());
  const joined = await desk.post(`/tickets/${lead._id.toString()}/incident/join`, { member: [w1._id.toString(), w2._id.toString()] });
  expect(joined.headers.location).toBe(`/tickets/${lead._id.toString()}?ok=incident_joined_some&joined=1&skipped=1#similar`);
  const now2 = (await h.store.reports.findById(w2._id))!;
  expect(now2.incident?.id.toString()).toBe(lead._id.toString());
  expect(now2.assignee?.toString()).toBe(holder);
  expect((await h.store.reports.findById(w1._id))!.incident ?? null).toBeNull();
  const after = (await desk.get(joined.headers.location!)).body;
  expect(after).toContain('Incident: 3 reports');
  expect(after).toContain('Joined into the incident: 1. Not joined, as someone else took or changed them a moment ago: 1.');
  expect(after).not.toContain('data-testid="join-linked"');
});

it('a waiting report where someone is in danger is not joined in a batch: no box to tick, refused in words, left first in the queue for one agent to open', async () => {
  const achieng = await h.account('achieng', 'agent');
  const text = 'Police shot at people at the rally at Kondele roundabout, a young man is down bleeding.';
  const lead = await seed('Kondele roundabout', text, { firstName: 'Akinyi' }, { county: 42, category: 'p_force' });
  const calm = await seed('Kondele roundabout', text, { firstName: 'Omondi' }, { county: 42, category: 'p_force' });
  const danger = await seed('Kondele roundabout', `${text} They are chasing us, we are hiding in a church.`, { firstName: 'Atieno' }, { county: 42, category: 'p_force', dangerNow: true, priority: 1 });
  await take(lead, achieng._id.toString());

  const desk = h.browser();
  await desk.signIn('achieng', PASSWORD);
  const page = (await desk.get(`/tickets/${lead._id.toString()}`)).body;
  const similar = page.slice(page.indexOf('data-testid="similar"'));
  expect(similar).toContain(danger.reference);
  expect(similar).toContain(`name="member" value="${calm._id.toString()}"`);
  expect(similar).not.toContain(`name="member" value="${danger._id.toString()}"`);

  const refused = await desk.post(`/tickets/${lead._id.toString()}/incident/join`, { member: danger._id.toString() });
  expect(refused.headers.location).toContain('err=refused_in_danger');
  expect((await desk.get(refused.headers.location!)).body).toContain('Someone is in danger in that report');
  const still = (await h.store.reports.findById(danger._id))!;
  expect(still.status).toBe('received');
  expect(still.incident ?? null).toBeNull();

  // Ticked with a calm one: the calm one is joined, the one in danger stays in the queue.
  const some = await desk.post(`/tickets/${lead._id.toString()}/incident/join`, { member: [calm._id.toString(), danger._id.toString()] });
  expect(some.headers.location).toContain('ok=incident_joined_some&joined=1&skipped=1');
  expect((await h.store.reports.findById(danger._id))!.status).toBe('received');

  // Once an agent has taken it (and so opened it), it may join the incident like any held report.
  await take(danger, achieng._id.toString());
  expect((await desk.post(`/tickets/${lead._id.toString()}/incident/join`, { member: danger._id.toString() })).headers.location).toContain('ok=incident_joined');
});

/** The answer-to-all form of a ticket page, as served. */
const replyAllForm = (page: string) => /<form[^>]*data-testid="reply-all"[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
const box = (form: string, lang: 'en' | 'sw') => new RegExp(`<textarea id="reply-all-${lang}"[^>]*>`).exec(form)?.[0] ?? '';
const readers = (form: string, lang: 'en' | 'sw') => new RegExp(`data-testid="readers-${lang}">([^<]*)<`).exec(form)?.[1] ?? '';

it('the answer to all says beside each box how many of the reporters will get it (counts only), each in the language they read now; neither box required when both are read', async () => {
  const mwangi = await h.account('mwangi', 'agent');
  await h.store.agents.setLanguage(mwangi._id, 'sw');
  const holder = mwangi._id.toString();
  const seedHeld = async (over: Partial<ReportDoc>, who: { firstName: string; reads?: 'en' | 'sw' }) => {
    const seeded = await seedReport(h.store, { county: 12, place: 'Meru town', when: 'now', incidentAt: at, ...over }, { firstName: who.firstName });
    if (who.reads) await h.store.reporters.setLanguageOf(seeded.telegramUserId, who.reads);
    await take(seeded.report, holder);
    return seeded.report;
  };
  // Named, wrote in English, reads Kiswahili now (/lugha): the answer goes out in Kiswahili.
  const lead = await seedHeld({ language: 'en', anonymous: false }, { firstName: 'Kawira', reads: 'sw' });
  // Anonymous: the report's own language, whatever their record says.
  const anonSw = await seedHeld({ language: 'sw', anonymous: true }, { firstName: 'Gatwiri', reads: 'en' });
  const anonEn = await seedHeld({ language: 'en', anonymous: true }, { firstName: 'Mugambi' });
  // Named, wrote in Kiswahili, reads English now.
  const namedEn = await seedHeld({ language: 'sw', anonymous: false }, { firstName: 'Kendi', reads: 'en' });
  // Nobody reads these: one closed, one whose reporter asked to be forgotten.
  const closed = await seedHeld({ language: 'sw', anonymous: true }, { firstName: 'Nkatha' });
  const forgotten = await seedHeld({ language: 'sw', anonymous: false }, { firstName: 'Murithi', reads: 'sw' });
  for (const m of [lead, anonSw, anonEn, namedEn, closed, forgotten]) expect(await h.store.incidents.setIncident(m._id, lead._id)).toBe(true);
  expect(await h.store.reports.transition(closed._id, 'resolved', { kind: 'agent', agentId: holder })).not.toBeNull();
  await h.store.models.Report.collection.updateOne({ _id: forgotten._id }, { $set: { reporterForgottenAt: new Date() } });

  const desk = h.browser();
  await desk.signIn('mwangi', PASSWORD);
  const page = (await desk.get(`/tickets/${lead._id.toString()}`)).body;
  const form = replyAllForm(page);
  expect(readers(form, 'en')).toBe('Waripoti 2 wanasoma Kiingereza');
  expect(readers(form, 'sw')).toBe('Waripoti 2 wanasoma Kiswahili');
  expect(form).toContain('Tuma kwa wote 4');
  expect(box(form, 'en')).not.toContain('required');
  expect(box(form, 'sw')).not.toContain('required');
  // Counts, never who: no other reporter's name or reference beside the boxes.
  for (const name of ['Gatwiri', 'Mugambi', 'Kendi', 'Nkatha', 'Murithi']) expect(page).not.toContain(name);
  for (const r of [anonSw, anonEn, namedEn]) expect(form).not.toContain(r.reference);
});

it('when every reporter of the incident reads one language, only that box is required, and the other says nobody reads it', async () => {
  const karimi = await h.account('karimi', 'agent');
  const holder = karimi._id.toString();
  const seedHeld = async (language: 'en' | 'sw') => {
    const { report } = await seedReport(h.store, { county: 13, place: 'Chuka market', when: 'now', incidentAt: at, anonymous: true, language });
    await take(report, holder);
    return report;
  };
  const lead = await seedHeld('sw');
  const other = await seedHeld('sw');
  for (const m of [lead, other]) expect(await h.store.incidents.setIncident(m._id, lead._id)).toBe(true);
  const desk = h.browser();
  await desk.signIn('karimi', PASSWORD);
  const form = replyAllForm((await desk.get(`/tickets/${lead._id.toString()}`)).body);
  expect(readers(form, 'sw')).toBe('2 reporters read Kiswahili');
  expect(readers(form, 'en')).toBe('No reporter reads English');
  expect(box(form, 'sw')).toContain(' required');
  expect(box(form, 'en')).not.toContain('required');

  // A named reporter joins who wrote in Kiswahili but reads English now (/language): both are read, neither box required.
  const named = await seedReport(h.store, { county: 13, place: 'Chuka market', when: 'now', incidentAt: at, anonymous: false, language: 'sw' });
  await h.store.reporters.setLanguageOf(named.telegramUserId, 'en');
  await take(named.report, holder);
  expect(await h.store.incidents.setIncident(named.report._id, lead._id)).toBe(true);
  const mixed = replyAllForm((await desk.get(`/tickets/${lead._id.toString()}`)).body);
  expect(readers(mixed, 'en')).toBe('1 reporter reads English');
  expect(box(mixed, 'sw')).not.toContain('required');
});

it('refers, then closes, every report of an incident from its page, in Swahili: a confirm step with the count, a result naming what was skipped, nothing twice', async () => {
  const zuberi = await h.account('zuberi', 'agent');
  const halima = await h.account('halima', 'agent');
  await h.store.agents.setLanguage(zuberi._id, 'sw');
  const holder = zuberi._id.toString();
  const incidentId = (await seedReport(h.store)).report._id;
  const all: ReportDoc[] = [];
  for (let i = 0; i < 12; i++) {
    const { report } = await seedReport(h.store, { county: 21, place: 'Soko la Kibuye', when: 'now', incidentAt: at, anonymous: true, language: i % 2 ? 'sw' : 'en' }, { firstName: `Msiri${i}` });
    await take(report, holder);
    expect(await h.store.incidents.setIncident(report._id, incidentId, holder)).toBe(true);
    all.push(report);
  }
  const [lead] = all;
  const [elsewhere, closed] = all.slice(10);
  expect(await h.store.incidents.reassign(elsewhere._id, holder, halima._id.toString())).toBe(true);
  expect(await h.store.reports.transition(closed._id, 'resolved', { kind: 'agent', agentId: holder })).not.toBeNull();

  const desk = h.browser();
  await desk.signIn('zuberi', PASSWORD);
  const url = `/tickets/${lead._id.toString()}`;
  const page = (await desk.get(url)).body;
  expect(page).toContain('Peleka kila ripoti ya tukio hili');
  expect(page).toContain('Funga kila ripoti ya tukio hili');
  expect((await desk.post(`${url}/incident/refer`, { note: 'x' })).headers.location).toContain('err=choose_agency');

  // First the count, nothing changed yet.
  const form = { agency: 'IPOA', note: 'Tukio lote la soko la Kibuye', other: '' };
  const confirm = await desk.post(`${url}/incident/refer`, form);
  expect(confirm.statusCode).toBe(200);
  expect(confirm.body).toContain('Upeleke ripoti 10 kati ya 12 za tukio hili kwa IPOA? Kila mripoti ataarifiwa papo hapo, kwa lugha yake.');
  expect(confirm.body).toContain('Ripoti 2 zinaachwa kama zilivyo');
  expect(confirm.body).toContain('Ndio, peleka ripoti 10');
  expect((await h.store.reports.findById(lead._id))?.status).toBe('assigned');

  const done = await desk.post(`${url}/incident/refer`, { ...form, confirm: '1' });
  expect(done.statusCode).toBe(200);
  expect(done.body).toContain('Umepeleka ripoti 10 kati ya 12 kwa IPOA; 2 hazikupelekwa:');
  expect(done.body).toContain(`${elsewhere.reference}</span> · iko kwa mhudumu mwingine`);
  expect(done.body).toContain(`${closed.reference}</span> · imefungwa`);
  // A referral leaves this ticket open: a reply let go on its page (ticket.js) is not let go for good.
  expect(done.body).not.toContain('data-let-go-done');
  for (const r of all.slice(0, 10)) expect((await h.store.reports.findById(r._id))?.status).toBe('referred');
  // Anonymous reporters: references only.
  for (let i = 0; i < 12; i++) expect(done.body).not.toContain(`Msiri${i}`);

  // Back, then Send again: nothing more, no second notice.
  const again = await desk.post(`${url}/incident/refer`, { ...form, confirm: '1' });
  expect(again.body).toContain('Hakuna ripoti iliyopelekwa kwa IPOA: kufikia ulipothibitisha, hakuna kati ya ripoti 12 za tukio hili iliyoweza kupelekwa.');
  expect(again.body).toContain(`${all[3].reference}</span> · iko kwa taasisi tayari`);
  for (const r of all.slice(0, 10)) expect((await h.store.messages.listForReport(r._id)).filter((m) => m.notice?.key === 'notices:referred')).toHaveLength(1);

  const closing = await desk.post(`${url}/incident/close`, { status: 'resolved', note: '' });
  expect(closing.body).toContain('Ufunge ripoti 10 kati ya 12 za tukio hili kwa kuwa zimetatuliwa?');
  const shut = await desk.post(`${url}/incident/close`, { status: 'resolved', note: '', confirm: '1' });
  expect(shut.body).toContain('Umefunga ripoti 10 kati ya 12 kwa kuwa zimetatuliwa; 2 hazikufungwa:');
  expect(shut.body).toContain(`${closed.reference}</span> · imeshafungwa`);
  // This ticket closed: the page says so to the browser, which lets go of a reply let go on its page.
  expect(shut.body).toContain(`data-let-go-done="${lead._id.toString()}:close-all-form"`);
  for (const r of all.slice(0, 10)) expect((await h.store.reports.findById(r._id))?.status).toBe('resolved');
  expect((await h.store.reports.findById(elsewhere._id))?.status).toBe('assigned');
});

it('closing every report of an incident as duplicates says so in plain words, not as the list\'s "Reject: duplicate" / "Kataa: imerudiwa", in English and Kiswahili', async () => {
  const makena = await h.account('makena', 'agent');
  const holder = makena._id.toString();
  const incidentId = (await seedReport(h.store)).report._id;
  const all: ReportDoc[] = [];
  for (let i = 0; i < 3; i++) {
    const { report } = await seedReport(h.store, { county: 30, place: 'Kabarnet', when: 'now', incidentAt: at, anonymous: true });
    await take(report, holder);
    expect(await h.store.incidents.setIncident(report._id, incidentId, holder)).toBe(true);
    all.push(report);
  }
  const desk = h.browser();
  await desk.signIn('makena', PASSWORD);
  const url = `/tickets/${all[0]._id.toString()}`;
  const form = { status: 'rejected_duplicate', note: '' };
  const confirm = (await desk.post(`${url}/incident/close`, form)).body;
  expect(confirm).toContain('Close 3 of this incident&#39;s 3 reports as duplicates of other reports?');
  expect(confirm).not.toContain('Reject:');

  await h.store.agents.setLanguage(makena._id, 'sw');
  const sw = (await desk.post(`${url}/incident/close`, { status: 'rejected_spam', note: '' })).body;
  expect(sw).toContain('Ufunge ripoti 3 kati ya 3 za tukio hili kwa kuwa ni taka (spam)?');
  expect(sw).not.toContain('Kataa:');
  const swDuplicate = (await desk.post(`${url}/incident/close`, form)).body;
  expect(swDuplicate).toContain('Ufunge ripoti 3 kati ya 3 za tukio hili kwa kuwa ni marudio ya ripoti nyingine?');
  expect(swDuplicate).not.toContain('Kataa:');

  const done = (await desk.post(`${url}/incident/close`, { ...form, confirm: '1' })).body;
  expect(done).toContain('Umefunga ripoti 3 kati ya 3 kwa kuwa ni marudio ya ripoti nyingine.');
  expect(done).not.toContain('Kataa:');
  for (const r of all) expect((await h.store.reports.findById(r._id))?.status).toBe('rejected');
});

it('closing one report of an incident in Kiswahili says one report was closed, the verb agreeing with the agent who closed it and the reason with the one report', async () => {
  const nafula = await h.account('nafula', 'agent');
  const holder = nafula._id.toString();
  await h.store.agents.setLanguage(nafula._id, 'sw');
  const incidentId = (await seedReport(h.store)).report._id;
  const all: ReportDoc[] = [];
  for (let i = 0; i < 3; i++) {
    const { report } = await seedReport(h.store, { county: 30, place: 'Eldama Ravine', when: 'now', incidentAt: at, anonymous: true });
    await take(report, holder);
    expect(await h.store.incidents.setIncident(report._id, incidentId, holder)).toBe(true);
    all.push(report);
  }
  for (const r of all.slice(1)) expect(await h.store.reports.transition(r._id, 'resolved', { kind: 'agent', agentId: holder })).not.toBeNull();
  const desk = h.browser();
  await desk.signIn('nafula', PASSWORD);
  const url = `/tickets/${all[0]._id.toString()}`;
  const form = { status: 'resolved', note: '' };
  expect((await desk.post(`${url}/incident/close`, form)).body).toContain('Ufunge ripoti 1 kati ya 3 za tukio hili kwa kuwa imetatuliwa?');
  const done = (await desk.post(`${url}/incident/close`, { ...form, confirm: '1' })).body;
  expect(done).toContain('Umefunga ripoti 1 kati ya 3 kwa kuwa imetatuliwa; 2 hazikufungwa:');
  expect(done).not.toContain('Zimefungwa 1');
  expect((await h.store.reports.findById(all[0]._id))?.status).toBe('resolved');
});

it('a close of every report where each was closed by someone else after the confirm step says plainly that none was closed and why, in English and Kiswahili (it read "Closed 0 of 3" / "Umefunga ripoti 0 kati ya 3")', async () => {
  const wanjala = await h.account('wanjala', 'agent');
  const holder = wanjala._id.toString();
  const incidentId = (await seedReport(h.store)).report._id;
  const all: ReportDoc[] = [];
  for (let i = 0; i < 3; i++) {
    const { report } = await seedReport(h.store, { county: 37, place: 'Kakamega stadium', when: 'now', incidentAt: at, anonymous: true });
    await take(report, holder);
    expect(await h.store.incidents.setIncident(report._id, incidentId, holder)).toBe(true);
    all.push(report);
  }
  const desk = h.browser();
  await desk.signIn('wanjala', PASSWORD);
  const url = `/tickets/${all[0]._id.toString()}`;
  const form = { status: 'resolved', note: '' };
  expect((await desk.post(`${url}/incident/close`, form)).body).toContain('Close 3 of this incident&#39;s 3 reports as resolved?');
  // Between the confirm step and Yes, every report is closed elsewhere.
  for (const r of all) expect(await h.store.reports.transition(r._id, 'resolved', { kind: 'agent', agentId: holder })).not.toBeNull();
  const en = (await desk.post(`${url}/incident/close`, { ...form, confirm: '1' })).body;
  expect(en).toContain('Nothing was closed: none of the incident&#39;s 3 reports could be closed by the time you confirmed. Each was left as it is; the reasons are below:');
  expect(en).not.toContain('Closed 0');
  for (const r of all) expect(en).toContain(`${r.reference}</span> · already closed`);
  // This ticket is closed (by someone else): a reply let go on its page goes too.
  expect(en).toContain(`data-let-go-done="${all[0]._id.toString()}:close-all-form"`);
  await h.store.agents.setLanguage(wanjala._id, 'sw');
  const sw = (await desk.post(`${url}/incident/close`, { ...form, confirm: '1' })).body;
  expect(sw).toContain('Hakuna ripoti iliyofungwa: kufikia ulipothibitisha, hakuna kati ya ripoti 3 za tukio hili iliyoweza kufungwa. Kila moja imeachwa kama ilivyo; sababu ziko hapa chini:');
  expect(sw).not.toContain('Umefunga ripoti 0');
  for (const r of all) expect(sw).toContain(`${r.reference}</span> · imeshafungwa`);
});

it('referring every report of an incident in Kiswahili says what the agent did in a sentence, as closing does: one report and many, with and without some left as they are (it read like a table: "Zimepelekwa kwa IPOA: 1 kati ya 3")', async () => {
  const chepkoech = await h.account('chepkoech', 'agent');
  const holder = chepkoech._id.toString();
  await h.store.agents.setLanguage(chepkoech._id, 'sw');
  const incident = async (n: number) => {
    const incidentId = (await seedReport(h.store)).report._id;
    const all: ReportDoc[] = [];
    for (let i = 0; i < n; i++) {
      const { report } = await seedReport(h.store, { category: 'p_force', county: 42, place: 'Kondele', when: 'now', incidentAt: at, anonymous: true });
      await take(report, holder);
      expect(await h.store.incidents.setIncident(report._id, incidentId, holder)).toBe(true);
      all.push(report);
    }
    return all;
  };
  const desk = h.browser();
  await desk.signIn('chepkoech', PASSWORD);
  const form = { agency: 'IPOA', note: '', other: '', confirm: '1' };
  // One referred, two closed before.
  const three = await incident(3);
  for (const r of three.slice(1)) expect(await h.store.reports.transition(r._id, 'resolved', { kind: 'agent', agentId: holder })).not.toBeNull();
  const one = (await desk.post(`/tickets/${three[0]._id.toString()}/incident/refer`, form)).body;
  expect(one).toContain('Umepeleka ripoti 1 kati ya 3 kwa IPOA; 2 hazikupelekwa:');
  // Two referred, one closed before.
  const again = await incident(3);
  expect(await h.store.reports.transition(again[2]._id, 'resolved', { kind: 'agent', agentId: holder })).not.toBeNull();
  const two = (await desk.post(`/tickets/${again[0]._id.toString()}/incident/refer`, form)).body;
  expect(two).toContain('Umepeleka ripoti 2 kati ya 3 kwa IPOA; 1 haikupelekwa:');
  // All of them.
  const all = await incident(2);
  const both = (await desk.post(`/tickets/${all[0]._id.toString()}/incident/refer`, form)).body;
  expect(both).toContain('Umepeleka ripoti 2 kati ya 2 kwa IPOA.');
  for (const body of [one, two, both]) expect(body).not.toContain('Zimepelekwa');
});
