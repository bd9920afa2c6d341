/**
 * A reply box left open on a staff message, while the reporter writes a new report: Telegram
 * sends what they type as a reply to that message. Their new report may go anonymously, so its
 * words must not land on the older ticket unasked; the bot asks whom the message is for. A report
 * begun before the staff message wrote is answered at once (danger-first.test.ts).
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
  en: { whom: 'Who is it for?', toReport: 'For my new report', toStaff: 'To the staff: ', sent: 'Sent to the staff member handling', storyAsk: 'Tell us what happened', countyAsk: 'In which county', expired: 'That choice has expired' },
  sw: { whom: 'Ni wa nani?', toReport: 'Kwa ripoti yangu mpya', toStaff: 'Kwa mhudumu: ', sent: 'Umetumwa kwa mhudumu anayeshughulikia', storyAsk: 'Tueleze kilichotokea', countyAsk: 'kaunti gani', expired: 'Chaguo hilo limepitwa na wakati' },
} as const;

/** A first report sent, taken by an agent who writes to the reporter: the agent's message id and the first report's id. */
async function ticketWithStaffMessage(u: TelegramUser, lang: 'en' | 'sw'): Promise<{ staffMessage: number; first: Types.ObjectId; reference: string }> {
  await walkTo(u, 'review', lang);
  await u.press(SEND_ANONYMOUSLY[lang]);
  const reference = referenceIn(lastText(u));
  const report = (await h.store.reports.findByReference(reference))!;
  await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent.id }, { assignee: agent.id });
  expect((await tickets.reply(report._id.toString(), agent, 'AGENT: can you tell me more?')).ok).toBe(true);
  expect(u.lastMessage().replyMarkup).toMatchObject({ force_reply: true });
  return { staffMessage: u.lastMessage().messageId, first: report._id, reference };
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
    // The question's buttons, pressed again, do nothing more.
    await u.press(b.toStaff + reference);
    expect(lastText(u)).toContain(b.expired);
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
    // Sent while the question waits: it waits with the first, asked once.
    await u.sendPhoto({ caption: 'the receipt', replyToMessageId: staffMessage });
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
}
