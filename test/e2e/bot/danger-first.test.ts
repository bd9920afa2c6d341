/**
 * Issue 14, "yes makes the ticket priority 1 before anything else is typed", in English and in
 * Swahili through the Bot API double: the report is stored and queued at priority 1 the moment
 * the reporter says someone is in danger, an agent's message reaches them mid-report without
 * breaking it, and sending completes that same report (one report, one reference, one ticket).
 * Cancelling leaves the ticket, marked not finished.
 *
 * The replies queue is stood in for by `ticketsThroughBot` (test/support/bot-harness.ts): the
 * agent's message reaches the chat through the double.
 */
import { Types } from 'mongoose';
import { Translator } from '../../../src/i18n';
import { TicketService } from '../../../src/services/ticket-service';
import type { AgentRef } from '../../../src/services/ticket-actions';
import { startBotHarness, ticketsThroughBot, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import { allTexts, expectNoEnglish, lastText, referenceIn } from './helpers';

let h: BotHarness;
let tickets: TicketService;
/** How far ahead of the wall clock the bot's clock runs (a reporter coming back later). */
let later = 0;
const agent: AgentRef = { id: new Types.ObjectId().toString(), role: 'agent' };

beforeAll(async () => {
  h = await startBotHarness('bot_danger_first', { slaMinutes: [5, 15, 60, 240], now: () => new Date(Date.now() + later) });
  const translator = await Translator.create();
  tickets = ticketsThroughBot(h, translator);
}, 60_000);

afterAll(async () => {
  await h?.close();
});

const B = {
  en: {
    police: '🚓 Police misconduct', cat: 'Excessive force or brutality', yes: '🚨 Yes', alerted: 'A member of Ripoti staff (not the police) has been alerted now',
    story: 'Two officers are beating a young man outside the shop right now.', place: 'Kondele stage', today: 'Today', send: '🕶 Send anonymously',
    safe: 'I am safe for now.', sentToStaff: 'Sent to the staff member handling', received: 'Received. Your reference is', descAsk: 'Tell us what happened', countyAsk: 'In which county', hurtAsk: 'Was anyone hurt?', untreated: 'Yes, no medical help yet', skip: 'Skip', cancel: '✖ Cancel', kept: 'Ripoti staff still have your urgent alert',
  },
  sw: {
    police: '🚓 Makosa ya polisi', cat: 'Nguvu kupita kiasi au ukatili', yes: '🚨 Ndio', alerted: 'Mhudumu wa Ripoti (si polisi) amearifiwa sasa hivi',
    story: 'Polisi wawili wanampiga kijana nje ya duka sasa hivi.', place: 'Kondele stage', today: 'Leo', send: '🕶 Tuma bila kutaja jina langu',
    safe: 'Niko salama kwa sasa.', sentToStaff: 'Ujumbe wako umetumwa kwa mhudumu anayeshughulikia', received: 'Imepokelewa. Nambari yako ya kumbukumbu ni', descAsk: 'Tueleze kilichotokea', countyAsk: 'kaunti gani', hurtAsk: 'Je, kuna mtu aliyeumia?', untreated: 'Ndio, bado hajapata matibabu', skip: 'Ruka', cancel: '✖ Katisha', kept: 'Wahudumu wa Ripoti bado wana taarifa yako ya dharura',
  },
} as const;

async function untilDanger(u: TelegramUser, lang: 'en' | 'sw'): Promise<void> {
  await u.sendText('/start');
  await u.press(B[lang].police);
  await u.press(B[lang].cat);
}

async function reporterOf(u: TelegramUser) {
  const reporter = await h.store.reporters.findByTelegramUser(u.id);
  if (!reporter) throw new Error('no reporter stored');
  return reporter;
}

for (const lang of ['en', 'sw'] as const) {
  const b = B[lang];
  it(`(${lang}) the urgent report withdrawn with /status while it is still being written ends the report: its next question does not take the reporter's words`, async () => {
    const u = h.tg.user({ firstName: `Withdraw${lang}`, languageCode: lang });
    await untilDanger(u, lang);
    await u.press(b.yes);
    const reference = referenceIn(allTexts(u).find((t) => t.includes(b.alerted))!);
    await u.sendText(`${lang === 'en' ? '/status' : '/hali'} ${reference}`);
    // The category named as on the button tapped (was "Polisi kutumia nguvu kupita kiasi au ukatili").
    expect(allTexts(u).filter((t) => t.includes(`${reference}, `)).at(-1)).toContain(`\n${b.cat}\n`);
    await u.press(lang === 'en' ? 'Withdraw this report' : 'Ondoa ripoti hii');
    await u.press(lang === 'en' ? 'Yes, withdraw it' : 'Ndio, iondoe');
    expect(allTexts(u).at(-2)).toContain(reference);
    expect(u.buttons()).toContain(lang === 'en' ? '📝 Report an incident' : '📝 Ripoti tukio');
    // Nothing is asked any more: what is typed next is not taken as the story of the withdrawn report.
    await u.sendText(b.story);
    const report = (await h.store.reports.findByReference(reference))!;
    expect(report.status).toBe('withdrawn');
    expect(report.description?.text).toBeUndefined();
  });

  it(`(${lang}) yes puts a priority-1 ticket in the queue before the story; an agent's message arrives mid-report; sending completes the same report`, async () => {
    const u = h.tg.user({ firstName: `Danger${lang}`, lastName: 'Mwangi', languageCode: lang });
    await untilDanger(u, lang);
    const queuedBefore = h.enqueued.length;
    await u.press(b.yes);

    // Numbers, then "a staff member is alerted" with the reference, then the next question.
    const texts = allTexts(u);
    const alert = texts.find((t) => t.includes(b.alerted));
    expect(alert).toBeDefined();
    expect(texts.findIndex((t) => t.includes('999 · 112 · 911'))).toBeLessThan(texts.indexOf(alert!));
    expect(lastText(u)).toContain(b.descAsk);
    const reference = referenceIn(alert!);

    // Before anything else is typed: stored, priority 1, queued once, marked as being written.
    const early = await h.store.reports.findByReference(reference);
    expect(early).toMatchObject({ kind: 'police', category: 'p_force', dangerNow: true, priority: 1, anonymous: true, status: 'received', language: lang, unfinished: { state: 'writing' } });
    expect(h.enqueued.slice(queuedBefore)).toEqual([{ reportId: early!._id.toString(), priority: 1 }]);

    // An agent takes it and writes while the reporter is still at the story: it arrives, and the wizard carries on.
    await h.store.reports.transition(early!._id, 'assigned', { kind: 'agent', agentId: agent.id }, { assignee: agent.id });
    expect((await tickets.reply(early!._id.toString(), agent, 'AGENT: are you safe? Stay where you are.')).ok).toBe(true);
    expect(lastText(u)).toContain('AGENT: are you safe?');
    expect(lastText(u)).toContain(reference);
    // It opens the reporter's reply box on itself: what they type next is a reply, for the staff.
    expect(u.lastMessage().replyMarkup).toEqual({ force_reply: true, input_field_placeholder: lang === 'en' ? 'Your answer to Ripoti staff' : 'Jibu lako kwa mhudumu wa Ripoti' });
    // Answered as a Telegram reply to the agent's message: it reaches the agent, not the story.
    const agentMessage = u.lastMessage().messageId;
    await u.sendText(b.safe, { replyToMessageId: agentMessage });
    expect(allTexts(u).at(-2)).toContain(b.sentToStaff);
    // ... and the report's question is asked again under it (the reply box may have hidden its keyboard).
    expect(lastText(u)).toContain(b.descAsk);
    const answers = await h.store.models.Message.find({ reportId: early!._id, direction: 'from_reporter' }).lean();
    expect(answers.map((m) => m.text)).toEqual([b.safe]);
    // Replying to a question of the report itself is an answer to that question.
    await u.sendText(b.story, { replyToMessageId: u.messages().filter((m) => m.text?.includes(b.descAsk)).at(-1)!.messageId });
    // Someone beaten: "was anyone hurt?" after the story; someone hurt and untreated reaches the ticket
    // at once, and the county comes next (no P3 question while someone is in danger now).
    expect(lastText(u)).toContain(b.hurtAsk);
    await u.press(b.untreated);
    expect(await h.store.reports.findByReference(reference)).toMatchObject({ injuries: { hurt: 'untreated' }, unfinished: { state: 'writing' } });
    expect(lastText(u)).toContain(b.countyAsk);
    // Each answer reaches the stored report at once: staff read the story and the county before
    // Send, which may never come (a phone taken or dead). Still marked as being written.
    expect(await h.store.reports.findByReference(reference)).toMatchObject({ description: { text: b.story }, unfinished: { state: 'writing' } });
    await u.sendText('Kisumu');
    expect(await h.store.reports.findByReference(reference)).toMatchObject({ description: { text: b.story }, county: 42, unfinished: { state: 'writing' } });
    // At "where", the reply box still open on the agent's message: a location shared is the report's place, not an answer.
    await u.shareLocation(-0.0917, 34.768, { replyToMessageId: agentMessage });
    await u.press(b.today);
    const photo = await u.sendPhoto();
    // A photo of what is happening reaches the ticket before Send too.
    const writing = await h.store.reports.findByReference(reference);
    expect(writing).toMatchObject({ location: { lat: -0.0917, lon: 34.768 }, when: 'today', unfinished: { state: 'writing' } });
    expect(writing!.evidence.map((e) => e.fileId)).toEqual([photo]);
    await u.press(b.send);

    const received = lastText(u);
    expect(received).toContain(b.received);
    expect(referenceIn(received)).toBe(reference);
    // Taps again: the same reference, never a second report or ticket.
    await Promise.all([u.press(b.send), u.press(b.send)]);
    const reporter = await reporterOf(u);
    expect(await h.store.models.Report.countDocuments({ reporterId: reporter._id })).toBe(1);
    expect(h.enqueued.filter((e) => e.reportId === early!._id.toString())).toHaveLength(1);

    const done = await h.store.reports.findByReference(reference);
    expect(done).toMatchObject({ _id: early!._id, description: { text: b.story }, county: 42, location: { lat: -0.0917, lon: 34.768 }, when: 'today', dangerNow: true, priority: 1, anonymous: true, language: lang });
    expect(done!.evidence).toHaveLength(1);
    expect(done!.unfinished ?? null).toBeNull();
    // Still held by the agent who took it: sending the rest does not put it back in the queue.
    expect(done).toMatchObject({ status: 'assigned' });
    expect(done!.assignee?.toString()).toBe(agent.id);
    const history = (await h.store.reports.history(done!._id)).map((e) => e.type);
    expect(history.filter((t) => t === 'completed')).toHaveLength(1);
    expect(history.filter((t) => t === 'submitted')).toHaveLength(1);
    // After the bilingual first message, every word is Swahili (the agent's own words aside).
    if (lang === 'sw') expectNoEnglish(allTexts(u).slice(1).filter((t) => !t.includes('AGENT:')));
    const logs = h.logs.join('\n');
    for (const secret of [`Danger${lang}`, 'Mwangi', 'Kondele', b.story]) expect(logs).not.toContain(secret);
  });

  it(`(${lang}) cancelling after yes keeps the ticket, marked not finished, and says so; the reporter can still answer an agent`, async () => {
    const u = h.tg.user({ firstName: `Cancel${lang}`, languageCode: lang });
    await untilDanger(u, lang);
    await u.sendText(lang === 'en' ? 'yes' : 'ndiyo');
    const reference = referenceIn(allTexts(u).find((t) => t.includes(b.alerted))!);
    await u.sendText(b.story);
    await u.press(b.cancel);
    await u.press(lang === 'en' ? 'Yes, cancel it' : 'Ndio, katisha');
    expect(lastText(u)).toContain(b.kept);
    expect(lastText(u)).toContain(reference);

    const report = await h.store.reports.findByReference(reference);
    expect(report).toMatchObject({ status: 'received', priority: 1, unfinished: { state: 'cancelled' } });
    // With no report being written, a message goes to that ticket's conversation.
    await u.sendText('Tuko salama sasa.');
    const incoming = await h.store.models.Message.find({ reportId: report!._id, direction: 'from_reporter' }).lean();
    expect(incoming.map((m) => m.text)).toEqual(['Tuko salama sasa.']);
  });
}

it('yes, then changed to no before Send: the ticket stays priority 1, and "received" promises priority 1\'s answer time', async () => {
  const b = B.en;
  const u = h.tg.user({ firstName: 'Changed', languageCode: 'en' });
  await untilDanger(u, 'en');
  await u.press(b.yes);
  await u.sendText(b.story);
  await u.press(b.skip);
  await u.sendText('Kisumu');
  await u.sendText(b.place);
  await u.press(b.today);
  await u.press('✏️ Change');
  await u.press('Danger');
  await u.press('No');
  expect(lastText(u)).toMatch(/Someone in danger:\s*No/);
  await u.press(b.send);
  const received = lastText(u);
  expect(received).toContain(b.received);
  expect((await h.store.reports.findByReference(referenceIn(received)))).toMatchObject({ dangerNow: false, priority: 1 });
  // slaMinutes [5, 15, 60, 240]: priority 1 reads within 5 minutes (priority 2's 15 would be a broken promise).
  expect(received).toContain('usually within 5 minutes');
});

it('Yes tapped three times at once: one report, one ticket, one alert', async () => {
  const u = h.tg.user({ firstName: 'Triple', languageCode: 'en' });
  await untilDanger(u, 'en');
  const queuedBefore = h.enqueued.length;
  await Promise.all([u.press(B.en.yes), u.press(B.en.yes), u.press(B.en.yes)]);
  expect(allTexts(u).filter((t) => t.includes(B.en.alerted))).toHaveLength(1);
  const reporter = await reporterOf(u);
  expect(await h.store.models.Report.countDocuments({ reporterId: reporter._id })).toBe(1);
  expect(h.enqueued.slice(queuedBefore)).toHaveLength(1);
  // The wizard is at the story, ready to go on.
  expect(lastText(u)).toContain(B.en.descAsk);
});

it('a Yes pressed while the bot was behind, whose press Telegram no longer lets it answer, still gets the numbers, the alert and the next question', async () => {
  const u = h.tg.user({ firstName: 'Late', languageCode: 'en' });
  await untilDanger(u, 'en');
  const queuedBefore = h.enqueued.length;
  h.tg.failNext('answerCallbackQuery', { errorCode: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' });
  await u.press(B.en.yes);
  const texts = allTexts(u);
  expect(texts.some((t) => t.includes('999 · 112 · 911'))).toBe(true);
  expect(texts.filter((t) => t.includes(B.en.alerted))).toHaveLength(1);
  expect(texts.some((t) => /something went wrong/i.test(t))).toBe(false);
  expect(h.enqueued.slice(queuedBefore)).toHaveLength(1);
  expect(lastText(u)).toContain(B.en.descAsk);
});

describe('a first message that already said someone is in danger', () => {
  // The numbers come at once; "is someone in danger right now?" after them would ask what the reporter just told.
  it.each([
    ['sw', 'Msaada! Polisi wanampiga kaka yangu nje ya duka sasa hivi', 'Je, kuna mtu yuko hatarini sasa hivi?', 'Umetuambia kuna mtu yuko hatarini.'],
    ['en', 'Help us, police are beating my brother outside the shop right now', 'Is someone in danger right now?', 'You told us someone is in danger.'],
  ] as const)('(%s) %j: the numbers, the category, then the alert without the danger question', async (lang, first, ask, taken) => {
    const u = h.tg.user({ firstName: `Said ${lang}`, languageCode: lang });
    const queuedBefore = h.enqueued.length;
    await u.sendText(first);
    await u.press(B[lang].cat);
    const texts = allTexts(u);
    expect(texts.some((t) => t.includes('999 · 112 · 911'))).toBe(true);
    expect(texts.some((t) => t.includes(ask))).toBe(false);
    expect(texts.some((t) => t.includes(taken))).toBe(true);
    const alert = texts.find((t) => t.includes(B[lang].alerted));
    expect(alert).toBeDefined();
    const early = await h.store.reports.findByReference(referenceIn(alert!));
    expect(early).toMatchObject({ category: 'p_force', dangerNow: true, priority: 1 });
    expect(h.enqueued.slice(queuedBefore)).toHaveLength(1);
    // The story was told: a beating's "was anyone hurt?" is next.
    expect(lastText(u)).toContain(B[lang].hurtAsk);
  });

  it.each([
    ['sw', 'Msaada! Wanampiga kaka yangu', 'Ripoti yako itashughulikiwa kwa dharura'],
    ['en', 'Help, they are beating my brother right now', 'Your report will be marked urgent'],
  ] as const)('(%s) %j: the emergency numbers shown once, then "marked urgent" and the alert without them again', async (lang, first, urgent) => {
    const u = h.tg.user({ firstName: `Once ${lang}`, languageCode: lang });
    await u.sendText(first);
    await u.press(lang === 'en' ? 'Police misconduct' : 'Utovu wa nidhamu wa polisi');
    await u.press(B[lang].cat);
    const texts = allTexts(u);
    expect(texts.filter((t) => t.includes('999 · 112 · 911'))).toHaveLength(1);
    expect(texts.some((t) => t.includes(urgent))).toBe(true);
    expect(texts.some((t) => t.includes(B[lang].alerted))).toBe(true);
  });

  it('(en) a danger said first under sexual violence still shows the helplines for it, once', async () => {
    const u = h.tg.user({ firstName: 'Once sexual', languageCode: 'en' });
    await u.sendText('Help us, they are beating my sister right now');
    await u.press('Police misconduct');
    await u.press('Sexual harassment or abuse');
    const texts = allTexts(u);
    expect(texts.filter((t) => t.includes('999 · 112 · 911'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('1195'))).toHaveLength(1);
    // The category's own lines come as more help, not under "call for help now" a second time.
    expect(texts.filter((t) => t.includes('If someone is in danger, call for help now'))).toHaveLength(1);
    expect(texts.find((t) => t.includes('1195'))).toContain('Other help for this kind of case:');
  });

  it('(sw) "tuko hatarini" begins a report whose danger question is not asked again', async () => {
    const u = h.tg.user({ firstName: 'Hatarini', languageCode: 'sw' });
    await u.sendText('tuko hatarini');
    await u.press('Utovu wa nidhamu wa polisi');
    await u.press(B.sw.cat);
    expect(allTexts(u).some((t) => t.includes('Je, kuna mtu yuko hatarini sasa hivi?'))).toBe(false);
    expect(allTexts(u).some((t) => t.includes(B.sw.alerted))).toBe(true);
    expect(lastText(u)).toContain(B.sw.descAsk);
  });

  it.each([
    ['sw', 'saidieni wako hapa', 'Utovu wa nidhamu wa polisi'],
    ['en', 'help they are here', 'Police misconduct'],
  ] as const)('(%s) "%s", danger now with no act named, begins a report and alerts staff, not the menu', async (lang, words, police) => {
    const u = h.tg.user({ firstName: 'Here', languageCode: lang });
    await u.sendText(words);
    await u.press(police);
    await u.press(B[lang].cat);
    expect(allTexts(u).some((t) => t.includes(B[lang].alerted))).toBe(true);
    expect(lastText(u)).toContain(B[lang].descAsk);
  });

  it.each([
    ['sw', 'Msaada! Wanampiga kaka yangu', 'Utovu wa nidhamu wa polisi', 'Je, kuna mtu yuko hatarini sasa hivi?'],
    ['en', 'Help, they are beating my brother right now', 'Police misconduct', 'Is someone in danger right now?'],
  ] as const)('(%s) %j, then the category only hours later: the danger question is asked, and staff are alerted on its answer, not on the old words', async (lang, first, police, ask) => {
    const u = h.tg.user({ firstName: `Later ${lang}`, languageCode: lang });
    await u.sendText(first);
    await u.press(police);
    const queuedBefore = h.enqueued.length;
    later = 3 * 60 * 60 * 1000;
    try {
      await u.press(B[lang].cat);
      expect(lastText(u)).toContain(ask);
      expect(allTexts(u).some((t) => t.includes(B[lang].alerted))).toBe(false);
      expect(h.enqueued.slice(queuedBefore)).toHaveLength(0);
      // Still in danger: the yes alerts now, with the numbers again (the first ones were hours ago).
      await u.press(B[lang].yes);
      const texts = allTexts(u);
      expect(texts.filter((t) => t.includes('999 · 112 · 911'))).toHaveLength(2);
      expect(texts.some((t) => t.includes(B[lang].alerted))).toBe(true);
      expect(h.enqueued.slice(queuedBefore)).toHaveLength(1);
    } finally {
      later = 0;
    }
  });

  it.each([
    // Come and still there: danger now, beside a past verb; no story, so the story is asked next.
    ['sw', 'Msaada! walikuja na bado wako hapa', 'Utovu wa nidhamu wa polisi', 'Je, kuna mtu yuko hatarini sasa hivi?', 'descAsk'],
    ['en', 'help, they came and they are still here', 'Police misconduct', 'Is someone in danger right now?', 'descAsk'],
    // The cry for help at the end; the words were the story: a beating's "was anyone hurt?" is next.
    ['en', 'they came at night and they are still outside my house now pls help', 'Police misconduct', 'Is someone in danger right now?', 'hurtAsk'],
    ['sw', 'wako nje wanataka kuniua tafadhali tusaidieni', 'Utovu wa nidhamu wa polisi', 'Je, kuna mtu yuko hatarini sasa hivi?', 'hurtAsk'],
    // Hiding, or a threat to kill tonight, with no cry: danger now all the same.
    ['sw', 'wamesema watanimaliza usiku huu, niko nimejificha', 'Utovu wa nidhamu wa polisi', 'Je, kuna mtu yuko hatarini sasa hivi?', 'hurtAsk'],
    ['en', 'they said they will kill me tonight, I am hiding at my neighbours', 'Police misconduct', 'Is someone in danger right now?', 'hurtAsk'],
  ] as const)('(%s) %j is danger now: the numbers, then the alert without the danger question', async (lang, words, police, ask, next) => {
    const u = h.tg.user({ firstName: 'Still', languageCode: lang });
    await u.sendText(words);
    expect(allTexts(u).some((t) => t.includes('999 · 112 · 911'))).toBe(true);
    await u.press(police);
    await u.press(B[lang].cat);
    expect(allTexts(u).some((t) => t.includes(ask))).toBe(false);
    expect(allTexts(u).some((t) => t.includes(B[lang].alerted))).toBe(true);
    expect(lastText(u)).toContain(B[lang][next]);
  });

  it('(sw) police with guns outside the house, then "leo asubuhi" at the category list: the day kept, the list again, the alert on its tap', async () => {
    const u = h.tg.user({ firstName: 'Bunduki', languageCode: 'sw' });
    await u.sendText('msaada polisi wako nje ya nyumba yangu na bunduki wanataka kuniua');
    expect(allTexts(u).some((t) => t.includes('999 · 112 · 911'))).toBe(true);
    // Police named: their list at once, not "polisi au uchaguzi?".
    expect(u.buttons()).toContain(B.sw.cat);
    await u.sendText('leo asubuhi');
    expect(allTexts(u).at(-1)).toContain('Nimeandika: tukio lilitokea');
    expect(allTexts(u).some((t) => t.startsWith('Samahani'))).toBe(false);
    expect(u.buttons()).toContain(B.sw.cat);
    await u.press(B.sw.cat);
    expect(allTexts(u).some((t) => t.includes('Je, kuna mtu yuko hatarini sasa hivi?'))).toBe(false);
    expect(allTexts(u).some((t) => t.includes(B.sw.alerted))).toBe(true);
  });

  it('(sw) "Msaada! jana walikuja", come and gone, is asked the danger question: staff are not alerted on it', async () => {
    const u = h.tg.user({ firstName: 'Jana', languageCode: 'sw' });
    await u.sendText('Msaada! jana walikuja');
    // No act named and no danger now: the menu, as for any message that begins no report.
    await u.press('📝 Ripoti tukio');
    await u.press('Utovu wa nidhamu wa polisi');
    await u.press(B.sw.cat);
    expect(lastText(u)).toContain('Je, kuna mtu yuko hatarini sasa hivi?');
    expect(allTexts(u).some((t) => t.includes(B.sw.alerted))).toBe(false);
  });

  it('(sw) "naomba msaada" alone, often how a report begins, is asked the danger question: staff are not alerted on the cry alone', async () => {
    const u = h.tg.user({ firstName: 'Naomba', languageCode: 'sw' });
    await u.sendText('naomba msaada');
    await u.press('Utovu wa nidhamu wa polisi');
    await u.press(B.sw.cat);
    expect(lastText(u)).toContain('Je, kuna mtu yuko hatarini sasa hivi?');
    expect(allTexts(u).some((t) => t.includes(B.sw.alerted))).toBe(false);
  });

  it.each([
    'pls help supporters of the governor are beating people with rungus outside gatanga primary now',
    'a man was stabbed by rival supporters at the tallying centre he is bleeding',
  ])('(en) %j, election violence as it happens: the emergency numbers at once', async (words) => {
    const u = h.tg.user({ firstName: 'Rally', languageCode: 'en' });
    await u.sendText(words);
    expect(allTexts(u).some((t) => t.includes('999 · 112 · 911'))).toBe(true);
  });

  it('(en) the same told as past ("were beating people yesterday") gets no numbers before its question', async () => {
    const u = h.tg.user({ firstName: 'Past', languageCode: 'en' });
    await u.sendText('supporters of the governor were beating people at gatanga primary yesterday');
    expect(allTexts(u).some((t) => t.includes('999 · 112 · 911'))).toBe(false);
  });

  it('(en) a story that says nothing of danger still asks', async () => {
    const u = h.tg.user({ firstName: 'Calm', languageCode: 'en' });
    await u.sendText('Police officers beat my brother at the stage last week and took his phone');
    await u.press(B.en.cat);
    expect(lastText(u)).toContain('Is someone in danger right now?');
  });
});

describe('danger said after "no"', () => {
  const SAID = {
    en: { story: 'Police took 1000 bob from me at the stage.', now: 'they are coming back now they said they will kill him', no: 'No', county: 'Nakuru', place: 'Free area stage', today: 'Today', bribery: 'Bribery or extortion by police' },
    sw: { story: 'Polisi walichukua elfu moja kutoka kwangu pale stage.', now: 'wamerudi tena sasa hivi wanasema watamuua', no: 'Hapana', county: 'Nakuru', place: 'stage ya Free area', today: 'Leo', bribery: 'Polisi kuitisha hongo au pesa' },
  } as const;
  /** A police bribe begun with /start, "no" answered at the danger question: the story is asked next. */
  async function bribeAnsweredNo(u: ReturnType<typeof h.tg.user>, lang: 'en' | 'sw'): Promise<void> {
    await u.sendText('/start');
    await u.press(B[lang].police);
    await u.press(SAID[lang].bribery);
    await u.press(SAID[lang].no);
  }

  it.each(['en', 'sw'] as const)('(%s) someone in danger now, typed after "no" was answered, gets the numbers at once, staff alerted and the question asked again; the words kept in the story', async (lang) => {
    const s = SAID[lang];
    const u = h.tg.user({ firstName: `Later danger ${lang}`, languageCode: lang });
    await bribeAnsweredNo(u, lang);
    await u.sendText(s.story);
    const before = allTexts(u).length;
    await u.sendText(s.now);
    const after = allTexts(u).slice(before);
    expect(after.some((t) => t.includes('999 · 112 · 911'))).toBe(true);
    expect(after.some((t) => t.includes(B[lang].alerted))).toBe(true);
    expect(lastText(u)).toContain(B[lang].countyAsk);
    // The question comes once, under "alerted": not also above it, with "added to the story".
    expect([after.filter((t) => t.includes(B[lang].countyAsk)).length, after.findIndex((t) => t.includes(B[lang].countyAsk))]).toEqual([1, after.length - 1]);
    await u.sendText(s.county);
    await u.sendText(s.place);
    await u.press(s.today);
    await u.press(B[lang].send);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ dangerNow: true, category: 'p_bribery', county: 32 });
    expect(report?.description.text).toContain(s.now);
    expect(allTexts(u).filter((t) => t.includes(B[lang].received))).toHaveLength(1);
    if (lang === 'sw') expectNoEnglish(allTexts(u).slice(before));
  });

  it.each([
    ['en', 'Police took 1000 bob from me at the stage. Now they are coming back they said they will kill him'],
    ['sw', 'Polisi walichukua elfu moja kutoka kwangu pale stage. Wamerudi tena sasa hivi wanasema watamuua'],
  ] as const)('(%s) told with the story, after "no": the next question once, under "alerted"', async (lang, story) => {
    const u = h.tg.user({ firstName: `Story danger ${lang}`, languageCode: lang });
    await bribeAnsweredNo(u, lang);
    const before = allTexts(u).length;
    await u.sendText(story);
    const after = allTexts(u).slice(before);
    expect(after.some((t) => t.includes(B[lang].alerted))).toBe(true);
    expect([after.filter((t) => t.includes(B[lang].countyAsk)).length, after.findIndex((t) => t.includes(B[lang].countyAsk))]).toEqual([1, after.length - 1]);
  });
});

describe('still outside the house; relief food withheld unless they vote', () => {
  it('(sw) "bado wako nje ya nyumba yangu" (still outside my house) gets the emergency numbers at once', async () => {
    const u = h.tg.user({ firstName: 'Nje', languageCode: 'sw' });
    await u.sendText('bado wako nje ya nyumba yangu');
    expect(allTexts(u).some((t) => t.includes('999 · 112 · 911'))).toBe(true);
  });

  it("(en) a chief threatening that we will not get relief food unless we vote for X: offered as election intimidation, no emergency numbers; a threat to kill still gets them", async () => {
    const u = h.tg.user({ firstName: 'Relief', languageCode: 'en' });
    await u.sendText("chief is threatening us that we will not get relief food if we don't vote for X");
    expect(allTexts(u).some((t) => t.includes('999 · 112 · 911'))).toBe(false);
    expect(lastText(u)).toContain('It sounds like: Intimidation or violence.');
    await u.press('Intimidation or violence');
    // Not taken as danger: the danger question is asked, as for any report.
    expect(lastText(u)).toContain('Is someone in danger right now?');
    const kill = h.tg.user({ firstName: 'Kill', languageCode: 'en' });
    await kill.sendText('chief threatened to kill us');
    expect(allTexts(kill).some((t) => t.includes('999 · 112 · 911'))).toBe(true);
  });
});
