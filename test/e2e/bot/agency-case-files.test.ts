/**
 * Issue 15 end to end: a police report with officer details and an election report with a
 * polling station are walked through the bot; an agent refers each; the reporter is asked through
 * the bot whether the agency may have their name and phone number (yes once, no once); the case files'
 * text, extracted from the PDF with pdftotext, holds exactly what may leave Ripoti. A screenshot
 * of one print view goes to test-artifacts/.
 *
 * The replies queue is stood in for by `ticketsThroughBot` (test/support/bot-harness.ts: the
 * calls the replies worker makes, without its pacing): the question reaches the reporter's chat
 * with its Yes / No buttons through the Bot API double.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Types } from 'mongoose';
import type { Agency } from '../../../src/domain';
import { Translator } from '../../../src/i18n';
import { CaseFileService } from '../../../src/services/case-file-service';
import { TicketService } from '../../../src/services/ticket-service';
import type { AgentRef } from '../../../src/services/ticket-actions';
import type { ReportDoc } from '../../../src/store';
import { artifactPath, launchChromium } from '../../support/browser';
import { startBotHarness, ticketsThroughBot, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import { lastText, referenceIn } from './helpers';

let h: BotHarness;
let translator: Translator;
let tickets: TicketService;
let caseFiles: CaseFileService;
const agent: AgentRef = { id: new Types.ObjectId().toString(), role: 'agent' };

beforeAll(async () => {
  h = await startBotHarness('agency-case-files');
  translator = await Translator.create();
  tickets = ticketsThroughBot(h, translator);
  caseFiles = new CaseFileService({ store: h.store, translator });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

/** `injuries`: the buttons tapped at "was anyone hurt?" (and the P3 question), asked after the story of violence. */
async function startReport(u: TelegramUser, kind: string, category: string, story: string, county: string, place: string, when?: string, injuries: string[] = []): Promise<void> {
  await u.sendText('/start');
  if (u.buttons().includes('☰ Menu in English')) await u.press('☰ Menu in English');
  await u.press('📝 Report an incident');
  await u.press(kind);
  await u.press(category);
  await u.press('No');
  await u.sendText(story);
  for (const answer of injuries) await u.press(answer);
  await u.sendText(county);
  await u.sendText(place);
  if (when) await u.sendText(when);
  else await u.press('Today');
}

/** The review offers the details for the agency (one line says why); its button opens the group. */
async function addDetails(u: TelegramUser): Promise<void> {
  expect(lastText(u)).toContain('Please check your report');
  expect(lastText(u)).toContain('Optional details help the agency act');
  await u.press('🕵️ Add details for the agency');
}

async function sendWithPhone(u: TelegramUser, phone: string): Promise<ReportDoc> {
  expect(lastText(u)).toContain('Please check your report');
  await u.press('📞 Send with my phone number');
  await u.press('📱 Send my phone number', { phoneNumber: phone });
  const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
  if (!report) throw new Error('report not stored');
  return report;
}

/** The agent takes the ticket, writes a note (never in a case file) and a reply greeting the reporter by name, and refers it. */
async function referAndAsk(u: TelegramUser, report: ReportDoc, agency: Agency, greet = 'there'): Promise<void> {
  await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent.id }, { assignee: agent.id });
  expect(await tickets.addNote(report._id.toString(), agent, 'INTERNAL NOTE the caller sounded drunk')).toEqual({ ok: true });
  expect((await tickets.reply(report._id.toString(), agent, `AGENT REPLY Hello ${greet}, thank you, we are on it`)).ok).toBe(true);
  expect(await tickets.refer(report._id.toString(), agent, agency)).toEqual({ ok: true });
  expect(await tickets.askConsent(report._id.toString(), agent)).toEqual({ ok: true });
  expect(lastText(u)).toContain(`About your report ${report.reference}: to follow it up, ${agency} (`);
  expect(lastText(u)).toContain('may need to contact you. May we give them your name and phone number?');
  expect(u.buttons()).toEqual(['Yes, give my name and number', 'No']);
}

async function pdfText(report: ReportDoc, language: 'en' | 'sw'): Promise<string> {
  const fresh = await h.store.reports.findById(report._id);
  const result = await caseFiles.produce(fresh!, agent, { format: 'pdf', language, viewerMaySeeIdentity: true });
  if (!result.ok || typeof result.body === 'string') throw new Error('no PDF');
  const file = join(mkdtempSync(join(tmpdir(), 'casefile-')), result.fileName);
  writeFileSync(file, result.body);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('referral case files from the bot to the agency', () => {
  it('police misconduct: officer details asked in the bot, consent yes: name and phone in the IPOA case file, never notes or replies', async () => {
    const u = h.tg.user({ firstName: 'Achieng', lastName: 'Odhiambo', username: 'achieng_o', languageCode: 'en' });
    await startReport(u, 'Police misconduct', 'Bribery or extortion by police', 'Officers at the roadblock took 2,000 shillings from our matatu.', 'Nakuru', 'Naivasha road junction', 'yesterday at 10pm');
    // The review shows the time of day kept.
    expect(lastText(u)).toMatch(/When:? .*, at 10pm/);
    await addDetails(u);
    expect(lastText(u)).toContain('Who did this happen to?');
    await u.press('I saw it happen');
    await u.sendText('Cpl Otieno, service number 84512');
    await u.press('GSU');
    expect(lastText(u)).toContain('What were they wearing?');
    expect(u.buttons()).toContain('Plain clothes (no uniform)');
    await u.press('Plain clothes (no uniform)');
    await u.sendText('Naivasha Police Station');
    expect(lastText(u)).toContain('Did you see their vehicle?');
    await u.sendText('a white probox kda 123a');
    // The review shows the plate and what else was seen, before Send.
    expect(lastText(u)).toContain('Vehicle: KDA 123A, white probox');
    expect(lastText(u)).toContain('Wearing: Plain clothes (no uniform)');
    const report = await sendWithPhone(u, '+254722000111');
    expect(report).toMatchObject({
      reporterRole: 'witness',
      when: 'yesterday',
      timeOfDay: 'at 10pm',
      officers: { answer: 'Cpl Otieno, service number 84512', names: 'Cpl Otieno', rank: 'Cpl', serviceNumbers: ['84512'], unit: 'gsu', attire: 'plain', station: 'Naivasha Police Station', vehiclePlates: ['KDA 123A'], vehicleDescription: 'white probox' },
    });
    await u.sendText('They were back at the same place this morning.');

    await referAndAsk(u, report, 'IPOA', 'Achieng');
    await u.press('Yes, give my name and number');
    expect(lastText(u)).toMatch(/^Thank you\. We will give IPOA .*your name and phone number for report R-/);

    const text = await pdfText(report, 'en');
    for (const allowed of [
      // The officer with the number the reporter wrote with them, and the answer as written.
      report.reference, 'Case file for', 'a witness', 'Cpl Otieno: service number 84512', 'as written Cpl Otieno, service number 84512', 'General Service Unit', 'What they wore Plain clothes', 'Naivasha Police Station', 'KDA 123A', 'Vehicle as described white probox', 'Rank Cpl',
      'Officers at the roadblock took 2,000 shillings', 'Nakuru', 'Naivasha road junction', 'They were back at the same place this morning.',
      'Achieng Odhiambo', '+254722000111',
      // The time of day typed with the day reaches the investigator on the clock, and as typed.
      '22:00 EAT (the reporter wrote "at 10pm")',
      // The staff's message is there as the reporter read it (the name is shared with consent).
      'Ripoti staff', 'AGENT REPLY Hello Achieng, thank you, we are on it',
    ]) expect([allowed, text.includes(allowed)]).toEqual([allowed, true]);
    for (const forbidden of ['INTERNAL NOTE', 'drunk', 'achieng_o', String(u.chatId)]) expect([forbidden, text.includes(forbidden)]).toEqual([forbidden, false]);

    // The print view says the same, in Swahili too.
    const sw = await caseFiles.produce((await h.store.reports.findById(report._id))!, agent, { format: 'html', language: 'sw', viewerMaySeeIdentity: true });
    expect(sw.ok && typeof sw.body === 'string' && sw.body).toContain('<dt>Walichokuwa wamevaa</dt><dd>Nguo za kiraia</dd>');

    const history = await h.store.reports.history(report._id);
    const q = history.find((e) => e.type === 'consent_asked')?.data?.q;
    expect(history.filter((e) => e.type === 'consent_answered').map((e) => e.data)).toEqual([{ agency: 'IPOA', answer: 'yes', covers: 'name_phone', q }]);
    expect(history.filter((e) => e.type === 'case_file').map((e) => ({ ...e.data, by: String(e.actor.agentId) }))).toEqual([
      { agency: 'IPOA', withIdentity: true, format: 'pdf', language: 'en', by: agent.id },
      { agency: 'IPOA', withIdentity: true, format: 'html', language: 'sw', by: agent.id },
    ]);
  });

  it('election incident: polling station, constituency and ward; consent no: the IEBC case file (in Swahili) says to reach the reporter through Ripoti', async () => {
    const u = h.tg.user({ firstName: 'Baraka', lastName: 'Ouma', languageCode: 'en' });
    await startReport(u, 'Election-related incident', 'Intimidation or violence', 'Youths chased voters away from the queue.', 'Kisumu', 'Kondele', undefined, ['Skip']);
    await addDetails(u);
    await u.press('To me');
    expect(lastText(u)).toContain('Who did it?');
    await u.press("Candidate's agents or supporters");
    await u.sendText('Kondele Primary School 04224011');
    await u.sendText('Kisumu Centrl');
    expect(lastText(u)).toContain('Did you mean');
    await u.press('Kisumu Central');
    await u.sendText('kondele');
    expect(lastText(u)).toContain("Who did it: Candidate's agents or supporters");
    const report = await sendWithPhone(u, '+254733000222');
    expect(report).toMatchObject({ reporterRole: 'victim', perpetrator: { kind: 'agents' }, pollingStation: { name: 'Kondele Primary School', code: '04224011' }, constituency: { code: 240, name: 'Kisumu Central' }, ward: { name: 'Kondele' } });

    await referAndAsk(u, report, 'IEBC', 'Baraka');
    await u.press('No');
    expect(lastText(u)).toMatch(/^Understood\. We will not give IEBC .*your name or number\. They can reach you through Ripoti/);

    const text = await pdfText(report, 'sw');
    for (const allowed of [report.reference, 'Kondele Primary School', '04224011', 'Kisumu Central', 'Kondele', 'Youths chased voters away', 'wasiliana na Ripoti ukitaja nambari ya kumbukumbu', 'Mawakala au wafuasi wa mgombea', 'Mhudumu wa Ripoti', 'AGENT REPLY Hello [jina limefichwa], thank you']) {
      expect([allowed, text.includes(allowed)]).toEqual([allowed, true]);
    }
    for (const forbidden of ['Baraka', 'Ouma', '+254733000222', '733000222', 'INTERNAL NOTE']) expect([forbidden, text.includes(forbidden)]).toEqual([forbidden, false]);
    const history = await h.store.reports.history(report._id);
    expect(history.filter((e) => e.type === 'case_file').map((e) => e.data)).toEqual([{ agency: 'IEBC', withIdentity: false, format: 'pdf', language: 'sw' }]);

    // The print view of the same file, as an agent prints it: one page in test-artifacts/.
    const fresh = await h.store.reports.findById(report._id);
    const html = await caseFiles.produce(fresh!, agent, { format: 'html', language: 'en', viewerMaySeeIdentity: true });
    if (!html.ok || typeof html.body !== 'string') throw new Error('no print view');
    expect(html.body).not.toContain('+254733000222');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      await page.setContent(html.body);
      await page.screenshot({ path: artifactPath('case-file-print.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('police brutality: who was hurt, treated, and the P3 form, asked after the story, are in the IPOA case file in English and Swahili', async () => {
    const u = h.tg.user({ firstName: 'Akinyi', languageCode: 'en' });
    await startReport(u, 'Police misconduct', 'Excessive force or brutality', 'Officers beat my son with batons at the stage.', 'Nakuru', 'Kenyatta Avenue stage', undefined, ['Yes, they got medical help', 'Yes']);
    const report = await sendWithPhone(u, '+254733000555');
    expect(report.injuries).toEqual({ hurt: 'treated', record: 'yes' });
    await referAndAsk(u, report, 'IPOA', 'Akinyi');
    await u.press('No');
    const en = await pdfText(report, 'en');
    for (const shown of ['Injuries and medical evidence', 'Anyone hurt Yes, got medical help', 'P3 form or medical report Yes']) expect([shown, en.includes(shown)]).toEqual([shown, true]);
    const sw = await pdfText(report, 'sw');
    for (const shown of ['Majeraha na ushahidi wa kitabibu', 'Kuna aliyeumia Ndio, amepata matibabu', 'Fomu ya P3 au ripoti ya daktari Ipo']) expect([shown, sw.includes(shown)]).toEqual([shown, true]);
  });

  it('the same question asked again: only its newest buttons answer it (an older Yes cannot undo a newer No)', async () => {
    const u = h.tg.user({ firstName: 'Otieno', lastName: 'Were', languageCode: 'en' });
    await startReport(u, 'Police misconduct', 'Threats or intimidation', 'An officer came to my shop and threatened me over my earlier complaint.', 'Kisumu', 'Kondele market');
    const report = await sendWithPhone(u, '+254722000555');
    const id = report._id.toString();
    await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent.id }, { assignee: agent.id });
    expect(await tickets.refer(id, agent, 'IPOA')).toEqual({ ok: true });
    expect(await tickets.askConsent(id, agent)).toEqual({ ok: true });
    const olderYes = u.lastMessage().raw.reply_markup?.inline_keyboard.flat()[0].callback_data as string;
    expect(await tickets.askConsent(id, agent)).toEqual({ ok: true });
    await u.press('No');
    expect(lastText(u)).toMatch(/^Understood\. We will not give IPOA/);
    // Scrolling up, the reporter taps Yes under the first asking.
    await u.press(olderYes);
    expect(lastText(u)).toBe('We have asked you again since this question. Please answer the latest question we sent about this report.');
    const history = await h.store.reports.history(report._id);
    expect(history.filter((e) => e.type === 'consent_answered').map((e) => e.data?.answer)).toEqual(['no']);
    const text = await pdfText(report, 'en');
    for (const identity of ['Otieno', '+254722000555']) expect([identity, text.includes(identity)]).toEqual([identity, false]);
  });

  it('a reporter whose name is also an everyday word (Were; Hawa, "these"): without consent the word is kept where it is no name, and the name is still withheld where it is', async () => {
    const u = h.tg.user({ firstName: 'Hawa', lastName: 'Were', languageCode: 'en' });
    await startReport(u, 'Police misconduct', 'Excessive force or brutality', 'Three officers were beating a boda boda rider. Polisi hawa walikuwa wamelewa.', 'Kisumu', 'Kondele roundabout', undefined, ['Skip']);
    const report = await sendWithPhone(u, '+254722000888');
    await u.sendText('They were from Kondele police post. I am Hawa Were, you can also ask for hawa were at the stage.');
    await referAndAsk(u, report, 'IPOA', 'Hawa');
    await u.press('No');
    const text = await pdfText(report, 'en');
    // The verb and the Swahili word stay: blanked, they garbled the account and showed which word the name was.
    for (const kept of ['Three officers were beating a boda boda rider', 'Polisi hawa walikuwa wamelewa', 'They were from Kondele police post']) expect([kept, text.includes(kept)]).toEqual([kept, true]);
    // Written as a name (capitalised), and both words of it together, the name is withheld.
    for (const withheld of ['I am [name withheld] [name withheld]', 'ask for [name withheld] [name withheld] at the stage', 'AGENT REPLY Hello [name withheld]']) expect([withheld, text.includes(withheld)]).toEqual([withheld, true]);
    expect(text).not.toMatch(/Hawa Were|hawa were|\+254722000888/);
  });

  it('a yes typed instead of tapped goes to the staff, and the question\'s buttons come again: only the tap records consent', async () => {
    const u = h.tg.user({ firstName: 'Akinyi', lastName: 'Ouma', languageCode: 'en' });
    await startReport(u, 'Police misconduct', 'Bribery or extortion by police', 'Officers at the roadblock took 500 shillings from every matatu driver.', 'Kisumu', 'Ahero junction');
    const report = await sendWithPhone(u, '+254722000777');
    const id = report._id.toString();
    await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent.id }, { assignee: agent.id });
    // Before any question, a yes is only a message to the staff.
    await u.sendText('Yes');
    expect(lastText(u)).toBe(`✅ Sent to the staff member handling ${report.reference}.`);
    expect(await tickets.refer(id, agent, 'IPOA')).toEqual({ ok: true });
    expect(await tickets.askConsent(id, agent)).toEqual({ ok: true });
    await u.sendText('yes!');
    const sent = u.messages().slice(-2).map((m) => (m.text ?? '').replace(/<[^>]+>/g, ''));
    expect(sent[0]).toBe(`✅ Sent to the staff member handling ${report.reference}.`);
    expect(sent[1]).toContain(`If you were answering our question about report ${report.reference}, whether we may give IPOA (`);
    expect(u.buttons()).toEqual(['Yes, give my name and number', 'No']);
    const messages = await h.store.messages.listForReport(report._id);
    expect(messages.filter((m) => m.direction === 'from_reporter').map((m) => m.text)).toEqual(['Yes', 'yes!']);
    let answers = (await h.store.reports.history(report._id)).filter((e) => e.type === 'consent_answered');
    expect(answers).toEqual([]);
    await u.press('Yes, give my name and number');
    expect(lastText(u)).toMatch(/^Thank you\. We will give IPOA/);
    answers = (await h.store.reports.history(report._id)).filter((e) => e.type === 'consent_answered');
    expect(answers.map((e) => e.data?.answer)).toEqual(['yes']);
    // Answered: a later "sawa" is a message only.
    await u.sendText('Sawa');
    expect(lastText(u)).toBe(`✅ Sent to the staff member handling ${report.reference}.`);
  });

  it('hate speech: who said it and where it was spread are asked, shown before Send, and in the NCIC case file', async () => {
    const u = h.tg.user({ firstName: 'Halima', languageCode: 'en' });
    await startReport(u, 'Election-related incident', 'Hate speech or incitement', 'A speaker told the crowd to chase away people of another community before the vote.', 'Nakuru', 'Afraha grounds');
    await addDetails(u);
    await u.press('I saw it happen');
    await u.press('A candidate or aspirant');
    expect(lastText(u)).toContain('Where was it said or shared?');
    await u.press('At a rally or public meeting');
    await u.press('⏭ Skip the rest');
    expect(lastText(u)).toContain('Who did it: A candidate or aspirant');
    expect(lastText(u)).toContain('Said or shared: At a rally or public meeting');
    const report = await sendWithPhone(u, '+254733000444');
    expect(report).toMatchObject({ perpetrator: { kind: 'candidate' }, hateChannel: 'rally' });
    await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent.id }, { assignee: agent.id });
    expect(await tickets.refer(report._id.toString(), agent, 'NCIC')).toEqual({ ok: true });
    const text = await pdfText(report, 'en');
    for (const allowed of ['Who did it (as the reporter says) A candidate or aspirant', 'Where it was said or shared At a rally or public meeting']) expect([allowed, text.includes(allowed)]).toEqual([allowed, true]);
  });

  it('a channel\'s post forwarded first is kept apart from the reporter\'s own account: shown before Send, stored, and in the NCIC case file as someone else\'s words', async () => {
    const u = h.tg.user({ firstName: 'Zawadi', languageCode: 'en' });
    const post = 'All people of that community must leave Molo before the vote. We will deal with anyone who stays.';
    await u.sendText(post, { forwardedFrom: { channel: 'Molo Voice', username: 'molovoice' } });
    expect(lastText(u)).toContain('I saved that forwarded message with your report');
    expect(lastText(u)).toContain('What do you want to report?');
    await u.press('Election-related incident');
    await u.press('Hate speech or incitement');
    await u.press('No');
    // Not taken as the story: the reporter's own account is asked for.
    expect(lastText(u)).toContain('Tell us what happened');
    const own = 'This post is shared in our estate WhatsApp groups and people are packing to leave.';
    await u.sendText(own);
    await u.sendText('Nakuru');
    await u.sendText('Molo town');
    await u.press('Today');
    expect(lastText(u)).toContain('Forwarded messages: 1');
    await u.press('🕶 Send anonymously');
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ description: { text: own }, passedOn: [{ text: post, from: 'Molo Voice (@molovoice)', sentAt: expect.any(Date) }] });
    await h.store.reports.transition(report!._id, 'assigned', { kind: 'agent', agentId: agent.id }, { assignee: agent.id });
    expect(await tickets.refer(report!._id.toString(), agent, 'NCIC')).toEqual({ ok: true });
    const text = await pdfText(report!, 'en');
    const story = text.indexOf("What happened, in the reporter's words");
    const forwarded = text.indexOf("Messages the reporter forwarded (someone else's words)");
    expect([story, forwarded].every((i) => i >= 0)).toBe(true);
    // The post sits under its own heading with its channel, after the reporter's own words.
    expect(text.slice(story, forwarded)).toContain(own);
    expect(text.slice(story, forwarded)).not.toContain('must leave Molo');
    expect(text.slice(forwarded)).toContain('Molo Voice (@molovoice)');
    expect(text.slice(forwarded)).toContain(post);
  });

  it('reporting for someone else: who it happened to is asked, shown before Send, and named in the IPOA case file', async () => {
    const u = h.tg.user({ firstName: 'Njoki', languageCode: 'en' });
    await startReport(u, 'Police misconduct', 'Unlawful arrest or detention', 'Police took my brother from our shop and he has not been charged.', 'Kiambu', 'Githurai 45');
    await addDetails(u);
    await u.press('Someone else (I report for them)');
    expect(lastText(u)).toContain('Tell us about the person it happened to');
    await u.sendText('My brother Kamau Njoroge, 24, held at Githurai police post');
    await u.press('⏭ Skip the rest');
    expect(lastText(u)).toContain('The person it happened to: My brother Kamau Njoroge, 24');
    const report = await sendWithPhone(u, '+254722000333');
    expect(report).toMatchObject({ reporterRole: 'on_behalf', victim: 'My brother Kamau Njoroge, 24, held at Githurai police post' });
    await referAndAsk(u, report, 'IPOA');
    const text = await pdfText(report, 'en');
    expect(text).toContain('The person it happened to My brother Kamau Njoroge, 24, held at Githurai police post');
  });

  it('a Yes tapped on an older question answers that one: asked for one organisation, then for another, it is no yes to the newer', async () => {
    const u = h.tg.user({ firstName: 'Njeri', lastName: 'Kamau', languageCode: 'en' });
    await startReport(u, 'Police misconduct', 'Unlawful arrest or detention', 'They took my brother from the stage without any reason.', 'Kiambu', 'Githurai stage');
    const report = await sendWithPhone(u, '+254722000333');
    const id = report._id.toString();
    await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent.id }, { assignee: agent.id });
    expect(await tickets.refer(id, agent, 'OTHER', undefined, 'Kenya National Commission on Human Rights')).toEqual({ ok: true });
    // "Another agency" is named to the reporter as the agent named it.
    expect(lastText(u)).toBe(`Your report ${report.reference} has been passed to Kenya National Commission on Human Rights, who handle such cases and decide how to follow them up. You can still write to Ripoti staff here.`);
    expect(await tickets.askConsent(id, agent)).toEqual({ ok: true });
    expect(lastText(u)).toContain('to follow it up, Kenya National Commission on Human Rights may need to contact you.');
    const firstYes = u.lastMessage().raw.reply_markup?.inline_keyboard.flat()[0].callback_data as string;

    // Sent on elsewhere before the reporter answered, and asked again; the reporter is told it was taken back.
    expect(await tickets.changeStatus(id, agent, 'in_progress')).toEqual({ ok: true });
    expect(lastText(u)).toBe(`About your report ${report.reference}: it is no longer with Kenya National Commission on Human Rights. Ripoti staff are handling it again, and you can write to them here.`);
    expect(await tickets.refer(id, agent, 'OTHER', undefined, 'Kenya Red Cross')).toEqual({ ok: true });
    expect(await tickets.askConsent(id, agent)).toEqual({ ok: true });
    expect(lastText(u)).toContain('to follow it up, Kenya Red Cross may need to contact you.');

    // The reporter scrolls up and taps Yes under the first question: a yes to the commission only.
    await u.press(firstYes);
    expect(lastText(u)).toBe(`Thank you. We will give Kenya National Commission on Human Rights your name and phone number for report ${report.reference}.`);
    const history = await h.store.reports.history(report._id);
    expect(history.filter((e) => e.type === 'consent_answered').map((e) => e.data)).toEqual([
      { agency: 'OTHER', answer: 'yes', covers: 'name_phone', name: 'Kenya National Commission on Human Rights', q: history.find((e) => e.type === 'consent_asked')?.data?.q },
    ]);
    const text = await pdfText(report, 'en');
    expect(text).toContain('Case file for Kenya Red Cross');
    for (const identity of ['Njeri', '+254722000333']) expect([identity, text.includes(identity)]).toEqual([identity, false]);

    // The newest question's own Yes is a yes to the Red Cross.
    await u.press('Yes, give my name and number');
    expect(lastText(u)).toBe(`Thank you. We will give Kenya Red Cross your name and phone number for report ${report.reference}.`);
    expect(await pdfText(report, 'en')).toContain('+254722000333');
  });
});
