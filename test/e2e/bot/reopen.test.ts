/**
 * A reporter who disagrees with the closure of their report asks staff to look at it again, with
 * one tap under "your report is closed", over HTTP through the Bot API double.
 */
import { Types } from 'mongoose';
import type { TelegramUser } from '../../support/telegram';
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, lastText, pressTampered, referenceIn, SEND_ANONYMOUSLY, walkTo } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_reopen');
});

afterAll(async () => {
  await h?.close();
});

const ASK = { en: '🔁 Ask staff to look at it again', sw: '🔁 Omba wahudumu waiangalie tena' };

/** An agent takes the report and closes it: resolved, or rejected with the reason the console records. */
async function closeByAgent(reportId: Types.ObjectId, to: 'resolved' | 'rejected' = 'resolved', rejectReason?: 'spam' | 'duplicate'): Promise<void> {
  const agentId = new Types.ObjectId().toString();
  await h.store.reports.transition(reportId, 'assigned', { kind: 'agent', agentId }, { assignee: agentId });
  await h.store.reports.transition(reportId, to, { kind: 'agent', agentId }, { requireAssignee: agentId, ...(rejectReason ? { eventData: { rejectReason } } : {}) });
}

async function closedReport(u: TelegramUser, lang: 'en' | 'sw', to: 'resolved' | 'rejected' = 'resolved', rejectReason?: 'spam' | 'duplicate') {
  await walkTo(u, 'review', lang);
  await u.press(SEND_ANONYMOUSLY[lang]);
  const report = (await h.store.reports.findByReference(referenceIn(lastText(u))))!;
  await closeByAgent(report._id, to, rejectReason);
  return report;
}

const written = async (reportId: Types.ObjectId) => (await h.store.messages.listForReport(reportId)).filter((m) => m.direction === 'from_reporter').map((m) => m.text);

describe('asking staff to look at a closed report again', () => {
  it('(sw) an account about a closed report begins a new report with it, and no tap is offered: the same words never go to two tickets', async () => {
    const u = h.tg.user({ firstName: 'Wekesa', languageCode: 'sw' });
    const report = await closedReport(u, 'sw');
    await u.sendText('hakuna kitu kilifanyika, polisi bado wananitishia');
    const answers = allTexts(u).slice(-2);
    expect(answers[0]).toBe(`Ripoti yako ${report.reference} imefungwa, kwa hivyo ujumbe huu haukuongezwa kwenye ripoti hiyo.`);
    expect(answers[1]).toContain('Unataka kuripoti nini?');
    expect(u.buttons()).not.toContain(ASK.sw);
    expect(await written(report._id)).toEqual([]);
    expect((await h.store.reports.findById(report._id))?.status).toBe('resolved');
  });

  it('(sw) "hamjafanya kitu!": the closed answer offers the tap; it sends the words to staff, reopens the report into the queue, and the reporter is told so; their next message reaches it', async () => {
    const u = h.tg.user({ firstName: 'Akinyi', languageCode: 'sw' });
    const report = await closedReport(u, 'sw');
    const reference = report.reference;
    const logged = h.logs.length;
    const words = 'Hamjafanya kitu!';

    await u.sendText(words);
    expect(lastText(u)).toBe(`Ripoti yako ${reference} imefungwa, kwa hivyo ujumbe huu bado haujamfikia mtu yeyote. Kama haikupaswa kufungwa, au kuna habari mpya kuihusu, bonyeza 🔁 Omba wahudumu waiangalie tena na ujumbe wako utawafikia wahudumu. Kwa tukio tofauti, bonyeza 📝 Ripoti tukio.`);
    expect(await written(report._id)).toEqual([]);

    await u.press(ASK.sw);
    expect(lastText(u)).toBe(`✅ Ujumbe wako umetumwa kwa wahudumu wa Ripoti, na ripoti yako ${reference} imefunguliwa tena. Tutakujibu hapa.`);
    const now = (await h.store.reports.findById(report._id))!;
    expect(now).toMatchObject({ status: 'received', assignee: null });
    expect(h.enqueued.filter((e) => e.reportId === report._id.toString())).toHaveLength(2);
    expect(await written(report._id)).toEqual([words]);
    expect((await h.store.reports.history(report._id)).filter((e) => e.type === 'reopened').map((e) => e.data)).toEqual([{ from: 'resolved', reason: 'reporter_asked' }]);

    // What they write next reaches staff.
    await u.sendText('Wamekuja tena leo');
    expect(lastText(u)).toContain(reference);
    expect(await written(report._id)).toEqual([words, 'Wamekuja tena leo']);

    // The same button again: kindly said it is open with staff, nothing done twice.
    await u.press(ASK.sw);
    expect(lastText(u)).toBe(`Ripoti ${reference} imefunguliwa tena na iko mikononi mwa wahudumu wa Ripoti. Andika hapa na ujumbe wako utawafikia.`);
    expect((await h.store.reports.history(report._id)).filter((e) => e.type === 'reopened')).toHaveLength(1);

    // Closed again, a later protest is told they already asked, with no button to ask again.
    await closeByAgent(report._id);
    await u.sendText('Bado!');
    expect(lastText(u)).toBe(`Tayari uliomba wahudumu wa Ripoti waiangalie tena ripoti ${reference}, na waliiangalia. Ripoti hufunguliwa tena mara moja tu, kwa hivyo ujumbe huu haukumfikia mtu yeyote. Ili utueleze jambo jipya, bonyeza 📝 Ripoti tukio.`);
    expect(u.buttons()).not.toContain(ASK.sw);
    // The logs name the report, never the reporter's words or who they are.
    const lines = h.logs.slice(logged).join('\n');
    expect(lines).toContain(reference);
    for (const secret of [words, 'Wamekuja', 'Akinyi', String(u.id), String(u.chatId)]) expect(lines).not.toContain(secret);
  });

  it('(en) a short "but nothing was done!" gets the closed answer with the button beside the menu; the tap sends it', async () => {
    const u = h.tg.user({ firstName: 'Brian', languageCode: 'en' });
    const report = await closedReport(u, 'en', 'rejected');
    await u.sendText('But nothing was done!');
    expect(lastText(u)).toBe(`Your report ${report.reference} is closed, so this message has not reached anyone yet. If it should not have been closed, or there is news about it, tap 🔁 Ask staff to look at it again and your message will go to staff. For a different incident, tap 📝 Report an incident.`);
    expect(u.buttons()).toEqual(expect.arrayContaining([ASK.en, '📝 Report an incident']));
    await u.sendText('They still threaten me.');
    await u.press(ASK.en);
    expect(lastText(u)).toBe(`✅ Your message was sent to staff and report ${report.reference} is open again. We will reply here.`);
    expect(await written(report._id)).toEqual(['But nothing was done!', 'They still threaten me.']);
    expect((await h.store.reports.findById(report._id))?.status).toBe('received');
  });

  it('(en) no button for a report closed as spam; a duplicate is told why it was closed; a tap from someone else or a week too late changes nothing', async () => {
    const spammer = h.tg.user({ firstName: 'Spam', languageCode: 'en' });
    const spam = await closedReport(spammer, 'en', 'rejected', 'spam');
    await spammer.sendText('Why?');
    expect(lastText(spammer)).toBe(`Your report ${spam.reference} is closed, so this message reached no one. To tell us something new, tap 📝 Report an incident.`);
    expect(spammer.buttons()).not.toContain(ASK.en);

    const twice = h.tg.user({ firstName: 'Twice', languageCode: 'en' });
    const duplicate = await closedReport(twice, 'en', 'rejected', 'duplicate');
    await twice.sendText('Why?');
    expect(lastText(twice)).toBe(`Your report ${duplicate.reference} was closed because we already have a report of the same incident, so this message reached no one. If something new has happened, tap 📝 Report an incident.`);
    expect(twice.buttons()).not.toContain(ASK.en);

    // Someone else's report id in a tampered button: the usual "expired", nothing reopened.
    const other = h.tg.user({ firstName: 'Other', languageCode: 'en' });
    const theirs = await closedReport(other, 'en');
    await pressTampered(h.tg, twice, `ra:${theirs._id.toString()}`);
    expect(lastText(twice)).toBe('That choice has expired. Please send your message again.');
    expect((await h.store.reports.findById(theirs._id))?.status).toBe('resolved');

    // The button shown, then tapped after the week: said why, and the words reached no one.
    await other.sendText('Nothing happened.');
    await h.store.models.Report.updateOne({ _id: theirs._id }, { $set: { closedAt: new Date(Date.now() - 8 * 86_400_000) } });
    await other.press(ASK.en);
    expect(lastText(other)).toBe(`Report ${theirs.reference} was closed more than 7 days ago, so it can no longer be opened again, and your message reached no one. To tell us something new, tap 📝 Report an incident.`);
    expect((await h.store.reports.findById(theirs._id))?.status).toBe('resolved');
    expect(await written(theirs._id)).toEqual([]);
  });
});
