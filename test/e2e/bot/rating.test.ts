/**
 * Issue 16, "did we help?": a reporter (anonymous, or Swahili with a phone number) files a report
 * in the bot; an agent closes it; the closing notice and a one-tap question reach the chat
 * through the Bot API double in the reporter's language; the tap is stored once, the question is
 * edited to carry the answer (no new message), and a later tap is answered quietly.
 *
 * The replies queue is stood in for by `ticketsThroughBot` (test/support/bot-harness.ts).
 */
import { Types } from 'mongoose';
import { Translator } from '../../../src/i18n';
import { TicketService } from '../../../src/services/ticket-service';
import type { AgentRef } from '../../../src/services/ticket-actions';
import { startBotHarness, ticketsThroughBot, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import { callbackUpdate, lastText, referenceIn, SEND_ANONYMOUSLY, walkTo } from './helpers';

let h: BotHarness;
let tickets: TicketService;
const agent: AgentRef = { id: new Types.ObjectId().toString(), role: 'agent' };

beforeAll(async () => {
  h = await startBotHarness('bot-rating');
  const translator = await Translator.create();
  tickets = ticketsThroughBot(h, translator);
}, 60_000);

afterAll(async () => {
  await h?.close();
});

async function fileAnonymously(u: TelegramUser, lang: 'en' | 'sw') {
  await walkTo(u, 'review', lang);
  await u.press(SEND_ANONYMOUSLY[lang]);
  const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
  if (!report) throw new Error('report not stored');
  return report;
}

async function takeAndClose(reportId: Types.ObjectId, how: 'resolved' | 'spam' | 'duplicate') {
  await h.store.reports.transition(reportId, 'assigned', { kind: 'agent', agentId: agent.id }, { assignee: agent.id });
  const result =
    how === 'resolved' ? await tickets.changeStatus(reportId.toString(), agent, 'resolved') : await tickets.changeStatus(reportId.toString(), agent, 'rejected', { rejectReason: how });
  expect(result).toEqual({ ok: true });
}

it('an anonymous reporter rates with one tap: stored once, the question carries the answer, a second tap is quiet', async () => {
  const u = h.tg.user({ firstName: 'Anon', languageCode: 'en' });
  const report = await fileAnonymously(u, 'en');
  expect(report.anonymous).toBe(true);
  await takeAndClose(report._id, 'resolved');

  const [closing, question] = u.messages().slice(-2);
  expect(closing.text).toContain(`Your report ${report.reference} has been resolved and closed.`);
  expect(question.text).toBe(`About your report ${report.reference}: did Ripoti help you? One tap is enough.`);
  expect(u.buttons()).toEqual(['👍 Helped', '👎 Did not help']);
  const before = u.messages().length;
  const helpedData = question.raw.reply_markup!.inline_keyboard[0][0].callback_data!;

  await u.press('👍 Helped');

  // No new message: the question itself now says what was answered, and its buttons are gone.
  expect(u.messages()).toHaveLength(before);
  expect(lastText(u)).toBe(`About your report ${report.reference}: did Ripoti help you? One tap is enough.\n\nYou answered: it helped. Thank you.`);
  expect(u.lastMessage().raw.reply_markup).toBeUndefined();
  expect(u.callbackAnswers().at(-1)).toBe('');
  const stored = await h.store.models.Report.db.collection('ratings').find({ reportId: report._id }).toArray();
  expect(stored.map((r) => ({ category: r.category, rating: r.rating }))).toEqual([{ category: report.category, rating: 'helped' }]);
  // Nothing in the rating names the reporter.
  expect(Object.keys(stored[0]).filter((k) => !['_id', '__v', 'reportId', 'category', 'rating', 'at'].includes(k))).toEqual([]);

  // A second tap (an old copy of the buttons, another device): answered without a word, nothing changes.
  const answers = u.callbackAnswers().length;
  await u.sendRaw({ callback_query: callbackUpdate(h.tg, u, helpedData.replace(/:h$/, ':n'), 0).callback_query });
  expect(u.callbackAnswers()).toHaveLength(answers + 1);
  expect(u.callbackAnswers().at(-1)).toBe('');
  expect(u.messages()).toHaveLength(before);
  expect(await h.store.ratings.findByReport(report._id)).toMatchObject({ rating: 'helped' });
  const history = await h.store.reports.history(report._id);
  expect(history.filter((e) => e.type === 'rated').map((e) => ({ by: e.actor.kind, data: e.data }))).toEqual([{ by: 'reporter', data: { rating: 'helped' } }]);
});

it('a Swahili reporter is asked in Swahili after a duplicate close and answers "did not help"', async () => {
  const u = h.tg.user({ firstName: 'Wanjiru', languageCode: 'sw' });
  const report = await fileAnonymously(u, 'sw');
  await takeAndClose(report._id, 'duplicate');
  expect(lastText(u)).toBe(`Kuhusu ripoti yako ${report.reference}: je, Ripoti ilikusaidia? Bonyeza kitufe kimoja tu.`);
  expect(u.buttons()).toEqual(['👍 Ilisaidia', '👎 Haikusaidia']);
  await u.press('👎 Haikusaidia');
  expect(lastText(u)).toContain('Umejibu: haikusaidia. Asante kwa kutuambia');
  expect(await h.store.ratings.findByReport(report._id)).toMatchObject({ rating: 'not_helped', category: report.category });
});

it('is not asked for a report closed as spam; someone else tapping a rating button is refused and nothing is stored', async () => {
  const spammer = h.tg.user({ firstName: 'Spam', languageCode: 'en' });
  const spam = await fileAnonymously(spammer, 'en');
  await takeAndClose(spam._id, 'spam');
  expect(lastText(spammer)).toContain('has been closed');
  expect(spammer.buttons()).not.toContain('👍 Helped');

  const owner = h.tg.user({ firstName: 'Owner', languageCode: 'en' });
  const report = await fileAnonymously(owner, 'en');
  await takeAndClose(report._id, 'resolved');
  const stranger = h.tg.user({ firstName: 'Stranger', languageCode: 'en' });
  await stranger.sendText('/start');
  await stranger.sendRaw({ callback_query: callbackUpdate(h.tg, stranger, `rt:${report._id.toString()}:n`, 0).callback_query });
  expect(stranger.callbackAnswers().at(-1)).toBe('This question is no longer open.');
  expect(await h.store.ratings.findByReport(report._id)).toBeNull();
  expect(await h.store.ratings.findByReport(spam._id)).toBeNull();
});

describe('an answer typed instead of tapped', () => {
  it('(en) a number asks for a tap again with the buttons; "yes it helped" is stored as the tap would be; a thanks is welcomed, never offered a reopening; a protest still is', async () => {
    const u = h.tg.user({ firstName: 'Typist', languageCode: 'en' });
    const report = await fileAnonymously(u, 'en');
    await takeAndClose(report._id, 'resolved');

    await u.sendText('5');
    expect(lastText(u)).toBe(`Please answer with one of the two buttons. About your report ${report.reference}: did Ripoti help you? One tap is enough.`);
    expect(u.buttons()).toEqual(['👍 Helped', '👎 Did not help']);

    await u.sendText('Yes it helped, thank you');
    expect(lastText(u)).toBe('You answered: it helped. Thank you.');
    expect(await h.store.ratings.findByReport(report._id)).toMatchObject({ rating: 'helped' });

    const before = u.messages().length;
    await u.sendText('Thank you so much!');
    expect(u.messages()).toHaveLength(before + 1);
    expect(lastText(u)).toBe(`🙏 You are welcome. Your report ${report.reference} is closed. If something new happens, tap 📝 Report an incident.`);
    expect(u.buttons()).not.toContain('🔁 Ask staff to look at it again');
    expect(await h.store.messages.listForReport(report._id).then((ms) => ms.filter((m) => m.direction === 'from_reporter'))).toEqual([]);

    await u.sendText('But nothing was done!');
    expect(u.buttons()).toContain('🔁 Ask staff to look at it again');
  });

  it('(sw) "hapana" answers "did not help"; the button tapped after it changes nothing; "asante" is welcomed in Swahili', async () => {
    const u = h.tg.user({ firstName: 'Mwandishi', languageCode: 'sw' });
    const report = await fileAnonymously(u, 'sw');
    await takeAndClose(report._id, 'resolved');

    const question = u.lastMessage();
    await u.sendText('Hapana');
    expect(lastText(u)).toBe('Umejibu: haikusaidia. Asante kwa kutuambia; hilo linatusaidia kuboresha huduma.');
    expect(await h.store.ratings.findByReport(report._id)).toMatchObject({ rating: 'not_helped' });
    // Its buttons, still under the question, change nothing; the tap is not left doing nothing: the
    // question now says what was answered, and its buttons go.
    const count = u.messages().length;
    await u.press('👍 Ilisaidia');
    expect(await h.store.ratings.findByReport(report._id)).toMatchObject({ rating: 'not_helped' });
    const now = u.messages().find((m) => m.messageId === question.messageId)!;
    expect(now.text).toBe(`Kuhusu ripoti yako ${report.reference}: je, Ripoti ilikusaidia? Bonyeza kitufe kimoja tu.\n\nUmejibu: haikusaidia. Asante kwa kutuambia; hilo linatusaidia kuboresha huduma.`);
    expect(now.raw.reply_markup).toBeUndefined();
    expect(u.messages()).toHaveLength(count);

    await u.sendText('asante');
    expect(lastText(u)).toBe(`🙏 Karibu. Ripoti yako ${report.reference} imefungwa. Jambo jipya likitokea, bonyeza 📝 Ripoti tukio.`);
  });

  it('a report closed as spam was never asked: "yes" there is no rating', async () => {
    const u = h.tg.user({ firstName: 'Spam typist', languageCode: 'en' });
    const report = await fileAnonymously(u, 'en');
    await takeAndClose(report._id, 'spam');
    await u.sendText('yes');
    expect(await h.store.ratings.findByReport(report._id)).toBeNull();
    expect(lastText(u)).toContain('is closed');
  });
});
