/**
 * A staff message opens the reporter's reply box, so while they write a new report, what they
 * type may go out as a reply to it. The new report may go anonymously: its words must not land on
 * the older ticket unasked, so the bot asks where the message should go. An answer about the
 * report's own urgent ticket goes at once (danger-first.test.ts).
 */
import { Types } from 'mongoose';
import { Translator } from '../../../src/i18n';
import { TicketService } from '../../../src/services/ticket-service';
import type { AgentRef } from '../../../src/services/ticket-actions';
import { startBotHarness, ticketsThroughBot, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import { allTexts, expectNoEnglish, lastText, referenceIn, SEND_ANONYMOUSLY, walkTo } from './helpers';

let h: BotHarness;
let tickets: TicketService;
const agent: AgentRef = { id: new Types.ObjectId().toString(), role: 'agent' };

beforeAll(async () => {
  h = await startBotHarness('bot_staff_reply_box');
  tickets = ticketsThroughBot(h, await Translator.create());
}, 60_000);

afterAll(async () => {
  await h?.close();
});

const B = {
  en: { whom: 'Where should it go?', toReport: 'Into my new report', toStaff: 'To staff about ', sent: 'Sent to the staff member handling', storyAsk: 'Tell us what happened', countyAsk: 'In which county', expired: 'That choice has expired' },
  sw: { whom: 'Ungependa ujumbe huu uende wapi?', toReport: 'Kwenye ripoti yangu mpya', toStaff: 'Kwa mhudumu kuhusu ', sent: 'Ujumbe wako umetumwa kwa mhudumu anayeshughulikia', storyAsk: 'Tueleze kilichotokea', countyAsk: 'kaunti gani', expired: 'Chaguo hilo limepitwa na wakati' },
} as const;

/** "Ask staff to look at it again", the closed answer that offers it, and what the tap answers. */
const ASK = { en: '🔁 Ask staff to look at it again', sw: '🔁 Omba wahudumu waiangalie tena' } as const;
const closedOffer = {
  en: (ref: string) => `Your report ${ref} is closed, so this message has not reached anyone yet. If it should not have been closed, or there is news about it, tap ${ASK.en} and your message will go to staff. For a different incident, tap 📝 Report an incident.`,
  sw: (ref: string) => `Ripoti yako ${ref} imefungwa, kwa hivyo ujumbe huu bado haujamfikia mtu yeyote. Kama haikupaswa kufungwa, au kuna habari mpya kuihusu, bonyeza ${ASK.sw} na ujumbe wako utawafikia wahudumu. Kwa tukio tofauti, bonyeza 📝 Ripoti tukio.`,
} as const;
const reopened = {
  en: (ref: string) => `✅ Your message was sent to staff and report ${ref} is open again. We will reply here.`,
  sw: (ref: string) => `✅ Ujumbe wako umetumwa kwa wahudumu wa Ripoti, na ripoti yako ${ref} imefunguliwa tena. Tutakujibu hapa.`,
} as const;

/** A first report sent, taken by an agent who writes to the reporter: the agent's message id and the first report's id. */
async function ticketWithStaffMessage(u: TelegramUser, lang: 'en' | 'sw'): Promise<{ staffMessage: number; first: Types.ObjectId; reference: string }> {
  await walkTo(u, 'review', lang);
  await u.press(SEND_ANONYMOUSLY[lang]);
  const reference = referenceIn(lastText(u));
  const report = (await h.store.reports.findByReference(reference))!;
  await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent.id }, { assignee: agent.id });
  return { staffMessage: await staffWrites(u, report._id), first: report._id, reference };
}

/** The agent writes on the ticket; the message opens the reporter's reply box. Its Telegram message id. */
async function staffWrites(u: TelegramUser, reportId: Types.ObjectId): Promise<number> {
  expect((await tickets.reply(reportId.toString(), agent, 'AGENT: can you tell me more?')).ok).toBe(true);
  expect(u.lastMessage().replyMarkup).toMatchObject({ force_reply: true });
  return u.lastMessage().messageId;
}

/** The reporter's messages on a ticket, in chat order (as the console lists them). */
const fromReporter = async (reportId: Types.ObjectId) => (await h.store.messages.listForReport(reportId)).filter((m) => m.direction === 'from_reporter');

for (const lang of ['en', 'sw'] as const) {
  const b = B[lang];
  const story = lang === 'en' ? 'An officer took money from the matatu driver at the roadblock today.' : 'Afisa alichukua pesa kutoka kwa dereva wa matatu kwenye kizuizi leo.';

  it(`(${lang}) the new report's story typed into a reply box left open on an older staff message waits; "for my new report" makes it the story, and the older ticket never gets it`, async () => {
    const u = h.tg.user({ firstName: `Box${lang}`, languageCode: lang });
    const { staffMessage, first, reference } = await ticketWithStaffMessage(u, lang);

    // A new report, begun after the staff message: the story goes out as a reply to it.
    await walkTo(u, 'desc', lang);
    await u.sendText(story, { replyToMessageId: staffMessage });
    expect(lastText(u)).toContain(b.whom);
    expect(lastText(u)).toContain(reference);
    expect(await fromReporter(first)).toEqual([]);

    await u.press(b.toReport);
    expect(lastText(u)).toContain(b.countyAsk);
    // The rest of the report as usual: the story is the one typed into the reply box.
    await u.sendText('Nakuru');
    await u.sendText('Naivasha road junction');
    await u.press(lang === 'en' ? 'Today' : 'Leo');
    await u.press(SEND_ANONYMOUSLY[lang]);
    const second = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(second).toMatchObject({ description: { text: story }, anonymous: true });
    expect(second!._id.equals(first)).toBe(false);
    expect(await fromReporter(first)).toEqual([]);
    // The question's buttons, pressed again, do nothing more (and do not ask for the message again).
    const said = u.messages().length;
    await u.press(b.toStaff + reference);
    expect(u.messages()).toHaveLength(said);
    expect(await fromReporter(first)).toEqual([]);
    if (lang === 'sw') expectNoEnglish(allTexts(u).slice(1).filter((t) => !t.includes('AGENT:')));
  });

  it(`(${lang}) "to the staff" sends the held messages (a photo too) to the older ticket and asks the report's question again`, async () => {
    const u = h.tg.user({ firstName: `Staff${lang}`, languageCode: lang });
    const { staffMessage, first, reference } = await ticketWithStaffMessage(u, lang);
    await walkTo(u, 'desc', lang);
    const answer = lang === 'en' ? 'Yes, I can meet tomorrow.' : 'Ndio, naweza kukutana kesho.';
    await u.sendText(answer, { replyToMessageId: staffMessage });
    expect(lastText(u)).toContain(b.whom);
    // Sent while the question waits (one photo as an album, so it is not asked again whatever the machine's speed): it waits with the first.
    await u.sendPhoto({ caption: 'the receipt', replyToMessageId: staffMessage, mediaGroupId: 'receipt' });
    expect(allTexts(u).filter((t) => t.includes(b.whom))).toHaveLength(1);

    await u.press(b.toStaff + reference);
    expect(allTexts(u).at(-2)).toContain(b.sent);
    expect(lastText(u)).toContain(b.storyAsk);
    const stored = await fromReporter(first);
    expect(stored.map((m) => m.text)).toEqual([answer, 'the receipt']);
    expect(stored[1].media).toBeDefined();
    // The report in progress is untouched: its story is still to be told.
    await u.sendText(story);
    expect(lastText(u)).toContain(b.countyAsk);
    expect((await fromReporter(first)).map((m) => m.text)).toEqual([answer, 'the receipt']);
  });

  it(`(${lang}) "to the staff" sends only the replies: what was typed after them without replying goes into the new report`, async () => {
    const u = h.tg.user({ firstName: `Split${lang}`, languageCode: lang });
    const { staffMessage, first, reference } = await ticketWithStaffMessage(u, lang);
    await walkTo(u, 'desc', lang);
    const answer = lang === 'en' ? 'Yes, I can meet tomorrow.' : 'Ndio, naweza kukutana kesho.';
    await u.sendText(answer, { replyToMessageId: staffMessage });
    await u.sendText(story);
    await u.press(b.toStaff + reference);
    expect((await fromReporter(first)).map((m) => m.text)).toEqual([answer]);
    // The story is the report's: the county is asked next, under "sent to the staff".
    expect(allTexts(u).at(-2)).toContain(b.sent);
    expect(lastText(u)).toContain(b.countyAsk);
  });

  it(`(${lang}) a long reply that Telegram split is one reply: its tail goes to the staff with it`, async () => {
    const u = h.tg.user({ firstName: `Long${lang}`, languageCode: lang });
    const { staffMessage, first, reference } = await ticketWithStaffMessage(u, lang);
    await walkTo(u, 'desc', lang);
    // A client cuts a long paste at 4,096 characters; only the first part carries the reply.
    const head = `${'Nilikuwa pale na niliona kila kitu. '.repeat(110)}`.slice(0, 3990);
    await u.sendText(head, { replyToMessageId: staffMessage });
    await u.sendText('and that is all I saw.');
    await u.press(b.toStaff + reference);
    expect((await fromReporter(first)).map((m) => m.text)).toEqual([head, 'and that is all I saw.']);
    expect(lastText(u)).toContain(b.storyAsk);
  });

  it(`(${lang}) a staff message that arrives while the report is being written catches nothing: the reply and what follows it wait for the choice`, async () => {
    const u = h.tg.user({ firstName: `During${lang}`, languageCode: lang });
    const { first, reference } = await ticketWithStaffMessage(u, lang);
    await walkTo(u, 'desc', lang);
    // The agent writes about the older ticket now, while the reporter is at the story.
    const staffMessage = await staffWrites(u, first);
    await u.sendText(story, { replyToMessageId: staffMessage });
    expect(lastText(u)).toContain(b.whom);
    // The county, typed straight after without waiting, waits behind it (asked once).
    await u.sendText('Nakuru');
    expect(allTexts(u).filter((t) => t.includes(b.whom))).toHaveLength(1);
    await u.press(b.toReport);
    // Read in the order sent: the story, then the county; the place is asked next.
    expect(lastText(u)).toContain(lang === 'en' ? 'Where in Nakuru?' : 'Ni wapi hasa ndani ya Nakuru?');
    expect(await fromReporter(first)).toEqual([]);
    await u.sendText('Naivasha road junction');
    await u.press(lang === 'en' ? 'Today' : 'Leo');
    await u.press(SEND_ANONYMOUSLY[lang]);
    const second = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(second).toMatchObject({ description: { text: story }, county: 32, anonymous: true });
    expect(second!.reference).not.toBe(reference);
  });

  it(`(${lang}) while a reply about another ticket waits, an answer to the report's own urgent ticket goes to staff at once`, async () => {
    const u = h.tg.user({ firstName: `Urgent${lang}`, languageCode: lang });
    const { staffMessage, first } = await ticketWithStaffMessage(u, lang);
    await walkTo(u, 'danger', lang);
    await u.press(lang === 'en' ? '🚨 Yes' : '🚨 Ndio');
    const urgent = (await h.store.reports.findByReference(referenceIn(allTexts(u).find((t) => t.includes(lang === 'en' ? 'has been alerted' : 'amearifiwa'))!)))!;
    await h.store.reports.transition(urgent._id, 'assigned', { kind: 'agent', agentId: agent.id }, { assignee: agent.id });
    const aboutUrgent = await staffWrites(u, urgent._id);
    // A reply about the older ticket waits...
    await u.sendText(story, { replyToMessageId: staffMessage });
    expect(lastText(u)).toContain(b.whom);
    // ...but the answer about this very report reaches its staff now.
    const safe = lang === 'en' ? 'I am safe for now.' : 'Niko salama kwa sasa.';
    await u.sendText(safe, { replyToMessageId: aboutUrgent });
    expect(allTexts(u).at(-2)).toContain(b.sent);
    expect((await fromReporter(urgent._id)).map((m) => m.text)).toEqual([safe]);
    await u.press(b.toReport);
    expect(lastText(u)).toContain(b.countyAsk);
    expect(await fromReporter(first)).toEqual([]);
  });

  it(`(${lang}) a reply to staff waiting on "where should it go?" reaches them when the report is cancelled; the report's own words go with it`, async () => {
    const u = h.tg.user({ firstName: `Gone${lang}`, languageCode: lang });
    const { staffMessage, first, reference } = await ticketWithStaffMessage(u, lang);
    await walkTo(u, 'desc', lang);
    const answer = lang === 'en' ? 'Yes I am safe, I am at my aunt\'s house now.' : 'Ndio niko salama, niko kwa shangazi yangu sasa.';
    await u.sendText(answer, { replyToMessageId: staffMessage });
    await u.sendText(story);
    expect(lastText(u)).toContain(b.whom);
    await u.sendText(lang === 'en' ? '/cancel' : '/ghairi');
    expect(lastText(u)).toContain(b.sent);
    expect(lastText(u)).toContain(reference);
    expect((await fromReporter(first)).map((m) => m.text)).toEqual([answer]);
    // Nothing waits any more: the next message goes to the ticket as usual, once.
    await u.sendText(lang === 'en' ? 'Thank you for checking on me.' : 'Asante kwa kunijulia hali.');
    expect((await fromReporter(first)).map((m) => m.text)).toEqual([answer, lang === 'en' ? 'Thank you for checking on me.' : 'Asante kwa kunijulia hali.']);
  });

  it(`(${lang}) "into my new report" keeps the replies out of the older ticket even when the words replayed cancel the report; Back out of an empty report sends a held reply to staff`, async () => {
    const u = h.tg.user({ firstName: `Replay${lang}`, languageCode: lang });
    const { staffMessage, first } = await ticketWithStaffMessage(u, lang);
    await walkTo(u, 'desc', lang);
    await u.sendText(story, { replyToMessageId: staffMessage });
    await u.sendText(lang === 'en' ? 'cancel' : 'katisha');
    await u.sendText(lang === 'en' ? 'yes' : 'ndio');
    await u.sendText(lang === 'en' ? 'My name is Achieng Otieno.' : 'Jina langu ni Achieng Otieno.', { replyToMessageId: staffMessage });
    await u.press(b.toReport);
    expect(await fromReporter(first)).toEqual([]);

    // A new report, left with Back at its first question while a reply to staff waits.
    await u.press(lang === 'en' ? '📝 Report an incident' : '📝 Ripoti tukio');
    const answer = lang === 'en' ? 'I will come to the office tomorrow.' : 'Nitakuja ofisini kesho.';
    await u.sendText(answer, { replyToMessageId: staffMessage });
    expect(lastText(u)).toContain(b.whom);
    await u.press(lang === 'en' ? '‹ Back' : '‹ Nyuma');
    expect((await fromReporter(first)).map((m) => m.text)).toEqual([answer]);
  });

  it(`(${lang}) the report is not sent while a reply waits for "where should it go?": the reporter is asked first`, async () => {
    const u = h.tg.user({ firstName: `Send${lang}`, languageCode: lang });
    const { first, reference } = await ticketWithStaffMessage(u, lang);
    await walkTo(u, 'review', lang);
    // The agent writes about the older ticket while the reporter is at the review; they reply.
    const staffMessage = await staffWrites(u, first);
    const answer = lang === 'en' ? 'Yes, call me after six.' : 'Ndio, nipigie baada ya saa kumi na mbili.';
    await u.sendText(answer, { replyToMessageId: staffMessage });
    const before = await h.store.models.Report.countDocuments();
    await u.press(SEND_ANONYMOUSLY[lang]);
    expect(lastText(u)).toContain(lang === 'en' ? 'Your report has not been sent yet' : 'Ripoti yako bado haijatumwa');
    expect(await h.store.models.Report.countDocuments()).toBe(before);
    await u.press(b.toStaff + reference);
    expect((await fromReporter(first)).map((m) => m.text)).toEqual([answer]);
    await u.press(SEND_ANONYMOUSLY[lang]);
    expect(await h.store.models.Report.countDocuments()).toBe(before + 1);
  });

  it(`(${lang}) a reply to a staff message about a closed ticket reaches no one and is said so: it is not passed to the reporter's other open ticket`, async () => {
    const u = h.tg.user({ firstName: `Closed${lang}`, languageCode: lang });
    const { staffMessage, first, reference } = await ticketWithStaffMessage(u, lang);
    await h.store.reports.transition(first, 'resolved', { kind: 'agent', agentId: agent.id });
    // A second report, still open: the only one a message without a reply would go to.
    await walkTo(u, 'review', lang);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const open = (await h.store.reports.findByReference(referenceIn(lastText(u))))!;

    await u.sendText(lang === 'en' ? 'I have the photo of the plate.' : 'Nina picha ya nambari ya gari.', { replyToMessageId: staffMessage });
    expect(lastText(u)).toContain(lang === 'en' ? `Your report ${reference} is closed, so this message has not reached anyone yet` : `Ripoti yako ${reference} imefungwa, kwa hivyo ujumbe huu bado haujamfikia mtu yeyote`);
    expect(await fromReporter(open._id)).toEqual([]);
    expect(await fromReporter(first)).toEqual([]);
  });

  it(`(${lang}) replies waiting on "where should it go?" whose ticket closed meanwhile: "to the staff" says it is closed once, with the tap, which sends them all; the report's question comes back`, async () => {
    const u = h.tg.user({ firstName: `HeldClosed${lang}`, languageCode: lang });
    const { staffMessage, first, reference } = await ticketWithStaffMessage(u, lang);
    await walkTo(u, 'desc', lang);
    const replies = lang === 'en' ? ['Yes, I can meet tomorrow.', 'At the chief\'s office.'] : ['Ndio, naweza kukutana kesho.', 'Kwa ofisi ya chifu.'];
    await u.sendText(replies[0], { replyToMessageId: staffMessage });
    await u.sendText(replies[1], { replyToMessageId: staffMessage });
    await h.store.reports.transition(first, 'resolved', { kind: 'agent', agentId: agent.id });
    const since = u.messages().length;

    await u.press(b.toStaff + reference);
    const texts = allTexts(u).slice(since);
    expect(texts.filter((t) => t.includes(reference))).toEqual([closedOffer[lang](reference)]);
    expect(lastText(u)).toContain(b.storyAsk);
    expect(await fromReporter(first)).toEqual([]);

    await u.press(ASK[lang]);
    expect(allTexts(u).at(-2)).toBe(reopened[lang](reference));
    expect(lastText(u)).toContain(b.storyAsk);
    expect((await fromReporter(first)).map((m) => m.text)).toEqual(replies);
    expect((await h.store.reports.findById(first))?.status).toBe('received');
  });

  it(`(${lang}) a reply waiting on "where should it go?" whose ticket closed meanwhile, left by cancelling the report: said closed with the tap and the menu, and the tap sends it`, async () => {
    const u = h.tg.user({ firstName: `CancelClosed${lang}`, languageCode: lang });
    const { staffMessage, first, reference } = await ticketWithStaffMessage(u, lang);
    await walkTo(u, 'desc', lang);
    const answer = lang === 'en' ? 'I am at my aunt\'s house now.' : 'Niko kwa shangazi yangu sasa.';
    await u.sendText(answer, { replyToMessageId: staffMessage });
    await h.store.reports.transition(first, 'resolved', { kind: 'agent', agentId: agent.id });

    await u.sendText(lang === 'en' ? '/cancel' : '/ghairi');
    expect(lastText(u)).toBe(closedOffer[lang](reference));
    expect(u.buttons()).toEqual(expect.arrayContaining([ASK[lang], lang === 'en' ? '📝 Report an incident' : '📝 Ripoti tukio']));
    await u.press(ASK[lang]);
    expect(lastText(u)).toBe(reopened[lang](reference));
    expect((await fromReporter(first)).map((m) => m.text)).toEqual([answer]);
  });

  it(`(${lang}) an account written in reply to a closed ticket's staff message starts a new report with it as the story; the open ticket never gets it`, async () => {
    const u = h.tg.user({ firstName: `ClosedStory${lang}`, languageCode: lang });
    const { staffMessage, first, reference } = await ticketWithStaffMessage(u, lang);
    await h.store.reports.transition(first, 'resolved', { kind: 'agent', agentId: agent.id });
    await walkTo(u, 'review', lang);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const open = (await h.store.reports.findByReference(referenceIn(lastText(u))))!;

    const story = lang === 'en' ? 'They came back tonight and took my brother to Kilimani police station without a reason.' : 'Walirudi usiku huu wakamchukua kaka yangu hadi kituo cha polisi cha Kilimani bila sababu.';
    await u.sendText(story, { replyToMessageId: staffMessage });
    const texts = allTexts(u);
    expect(texts.at(-2)).toContain(lang === 'en' ? `Your report ${reference} is closed, so this message was not added to it.` : `Ripoti yako ${reference} imefungwa, kwa hivyo ujumbe huu haukuongezwa kwenye ripoti hiyo.`);
    expect(lastText(u)).toContain(lang === 'en' ? 'I have kept what you sent' : 'Nimehifadhi');
    // "Took my brother", "wakamchukua kaka yangu" name an arrest: offered at once.
    expect(lastText(u)).toContain(lang === 'en' ? 'It sounds like: Unlawful arrest or detention' : 'Inaonekana ni: Kukamatwa kinyume cha sheria');
    expect(await fromReporter(open._id)).toEqual([]);
    expect(await fromReporter(first)).toEqual([]);
    await u.sendText('/cancel');
    // A photo whose caption tells the same is not taken as a story without it: the reporter is told it reached no one.
    await u.sendPhoto({ caption: story, replyToMessageId: staffMessage });
    expect(lastText(u)).toContain(lang === 'en' ? `Your report ${reference} is closed, so this message has not reached anyone yet` : `Ripoti yako ${reference} imefungwa, kwa hivyo ujumbe huu bado haujamfikia mtu yeyote`);
  });
}
