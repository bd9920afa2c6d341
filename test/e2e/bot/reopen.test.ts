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
    // The one category the words name is offered (police threats).
    expect(answers[1]).toContain('Inaonekana ni: Vitisho au kutishwa na polisi.');
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

describe('after /forget', () => {
  it.each([
    ['en', '/forget', '🗑 Delete my details', 'They still threaten me.', 'Your details were deleted when you asked us to forget you, so that report is no longer linked to you and your message reached no one. To tell us something new, tap 📝 Report an incident.'],
    ['sw', '/nisahau', '🗑 Futa maelezo yangu', 'Bado wananitishia.', 'Maelezo yako yalifutwa ulipotuomba tukusahau, kwa hivyo ripoti hiyo haihusiani nawe tena na ujumbe wako haukumfikia mtu yeyote. Ili utueleze jambo jipya, bonyeza 📝 Ripoti tukio.'],
  ] as const)('(%s) the tap offered before it reopens nothing and says why, never "send your message again" (it would reach no one)', async (lang, command, yes, words, answer) => {
    const u = h.tg.user({ firstName: `Forgot ${lang}`, languageCode: lang });
    const report = await closedReport(u, lang);
    await u.sendText(words);
    await u.sendText(command);
    await u.press(yes);
    await u.press(ASK[lang]);
    expect(lastText(u)).toBe(answer);
    expect((await h.store.reports.findById(report._id))?.status).toBe('resolved');
    expect(await written(report._id)).toEqual([]);
  });
});

/** A report sent anonymously and left open: its document. */
async function openReport(u: TelegramUser, lang: 'en' | 'sw') {
  await walkTo(u, 'review', lang);
  await u.press(SEND_ANONYMOUSLY[lang]);
  return (await h.store.reports.findByReference(referenceIn(lastText(u))))!;
}

/**
 * One file of an album as Telegram sends it: an update of its own, its own message id, the
 * album's media_group_id. `date` is fixed by the caller: the stored message's id is made from the
 * message id and date, so a retried update must carry the same one.
 */
function albumPhoto(u: TelegramUser, m: { id: number; album: string; date: number; caption?: string }): Parameters<TelegramUser['sendRaw']>[0] {
  const photo = [{ file_id: `AgACAgQAAlbum${m.id}`, file_unique_id: `AQADalbum${m.id}`, width: 1280, height: 960, file_size: 120_000 }];
  const message = { message_id: m.id, date: m.date, chat: { id: u.chatId, type: 'private', first_name: u.info.first_name }, from: u.info, photo, media_group_id: m.album, ...(m.caption ? { caption: m.caption } : {}) };
  return { message } as unknown as Parameters<TelegramUser['sendRaw']>[0];
}

/** The next time the store writes a reporter's message, `first` runs just before (a ticket closing meanwhile). */
function beforeNextMessageWrite(first: () => Promise<void>): void {
  const messages = h.store.messages;
  const real = messages.addIncomingOnce.bind(messages);
  messages.addIncomingOnce = async (...args: Parameters<typeof real>) => {
    messages.addIncomingOnce = real;
    await first();
    return real(...args);
  };
}

const stored = async (reportId: Types.ObjectId) => (await h.store.messages.listForReport(reportId)).filter((m) => m.direction === 'from_reporter');

describe('an album about a closed report, and reports that close while a message is on its way', () => {
  it('(en) an album gets one closed answer and one button, whatever the order its files come in and across a restart; the tap sends every photo, in the order sent', async () => {
    const u = h.tg.user({ firstName: 'Album', languageCode: 'en' });
    const report = await closedReport(u, 'en');
    const since = u.messages().length;
    const date = Math.floor(Date.now() / 1000);
    const album = '13800000000000001';
    // Telegram's order is not promised: the file with the caption (the album's first) comes third.
    const order = [9_304, 9_302, 9_301, 9_305, 9_303];
    for (const [i, id] of order.entries()) {
      // Two bot processes in turn: the album's mark must live in the session, not in one process.
      if (i === 2) await h.restart();
      await u.sendRaw(albumPhoto(u, { id, album, date, ...(id === 9_301 ? { caption: 'The roadblock' } : {}) }));
    }
    const answers = allTexts(u).slice(since);
    expect(answers).toEqual([expect.stringContaining(`Your report ${report.reference} is closed, so this message has not reached anyone yet.`)]);
    expect(u.buttons().filter((b) => b === ASK.en)).toHaveLength(1);
    expect(await stored(report._id)).toEqual([]);

    await u.press(ASK.en);
    expect(lastText(u)).toBe(`✅ Your message was sent to staff and report ${report.reference} is open again. We will reply here.`);
    const sent = await stored(report._id);
    expect(sent.map((m) => m.telegramMessageId)).toEqual([9_301, 9_302, 9_303, 9_304, 9_305]);
    expect(sent.map((m) => m.media?.fileId)).toEqual([9_301, 9_302, 9_303, 9_304, 9_305].map((id) => `AgACAgQAAlbum${id}`));
    expect(sent[0].text).toBe('The roadblock');
  });

  it('(sw) the report chosen on "which report?" closed while the message waited: with no report left open, the closed answer offers the tap, which sends it', async () => {
    const u = h.tg.user({ firstName: 'Otieno', languageCode: 'sw' });
    const first = await openReport(u, 'sw');
    const second = await openReport(u, 'sw');
    await u.sendText('Wamerudi tena usiku');
    expect(lastText(u)).toBe('Ujumbe huu unahusu ripoti ipi?');
    const choice = u.buttons().find((b) => b.startsWith(first.reference))!;
    await closeByAgent(first._id);
    await closeByAgent(second._id);
    await u.press(choice);
    expect(lastText(u)).toContain(`Ripoti yako ${first.reference} imefungwa, kwa hivyo ujumbe huu bado haujamfikia mtu yeyote.`);
    await u.press(ASK.sw);
    expect(lastText(u)).toBe(`✅ Ujumbe wako umetumwa kwa wahudumu wa Ripoti, na ripoti yako ${first.reference} imefunguliwa tena. Tutakujibu hapa.`);
    expect((await stored(first._id)).map((m) => m.text)).toEqual(['Wamerudi tena usiku']);
    expect((await h.store.reports.findById(first._id))?.status).toBe('received');
    expect((await h.store.reports.findById(second._id))?.status).toBe('resolved');
  });

  it('(en) with another report still open, the closed one chosen is offered beside it as closed, and from there the tap', async () => {
    const u = h.tg.user({ firstName: 'Njeri', languageCode: 'en' });
    const first = await openReport(u, 'en');
    const second = await openReport(u, 'en');
    await u.sendText('They came back at night.');
    const choice = u.buttons().find((b) => b.startsWith(first.reference))!;
    await closeByAgent(first._id);
    await u.press(choice);
    expect(lastText(u)).toBe(`Report ${first.reference} was closed in the meantime, so your message did not go to it. Which report is it about?`);
    expect(u.buttons()).toEqual([expect.stringMatching(new RegExp(`^${second.reference} · `)), expect.stringMatching(new RegExp(`^${first.reference} · .* · closed$`))]);
    await u.press(u.buttons()[1]);
    await u.press(ASK.en);
    expect((await stored(first._id)).map((m) => m.text)).toEqual(['They came back at night.']);
    expect(await stored(second._id)).toEqual([]);
  });

  it('(en) the report closed between the choice and the sending: the closed answer offers the tap, and the tap sends the message once', async () => {
    const u = h.tg.user({ firstName: 'Baraka', languageCode: 'en' });
    const first = await openReport(u, 'en');
    const second = await openReport(u, 'en');
    await closeByAgent(second._id);
    await u.sendText('The OCS threatened me again.');
    // One open report and one closed this week: asked which.
    const choice = u.buttons().find((b) => b.startsWith(first.reference))!;
    beforeNextMessageWrite(() => closeByAgent(first._id));
    await u.press(choice);
    expect(lastText(u)).toContain(`Your report ${first.reference} is closed, so this message has not reached anyone yet.`);
    expect(u.buttons()).toContain(ASK.en);
    await u.press(ASK.en);
    expect(lastText(u)).toBe(`✅ Your message was sent to staff and report ${first.reference} is open again. We will reply here.`);
    expect((await stored(first._id)).map((m) => m.text)).toEqual(['The OCS threatened me again.']);
  });

  it('(sw) the report chosen on "which report?" closed as the message was being stored on it: told once it is closed, with the tap, never asked "which report?" again; the message is on it once', async () => {
    const u = h.tg.user({ firstName: 'Wanjiku', languageCode: 'sw' });
    const first = await openReport(u, 'sw');
    const second = await openReport(u, 'sw');
    const words = 'Walirudi tena asubuhi';
    await u.sendText(words);
    const choice = u.buttons().find((b) => b.startsWith(first.reference))!;
    const since = u.messages().length;
    beforeNextMessageWrite(() => closeByAgent(first._id));
    await u.press(choice);
    expect(allTexts(u).slice(since)).toEqual([
      `Ripoti yako ${first.reference} imefungwa, kwa hivyo ujumbe huu bado haujamfikia mtu yeyote. Kama haikupaswa kufungwa, au kuna habari mpya kuihusu, bonyeza ${ASK.sw} na ujumbe wako utawafikia wahudumu. Kwa tukio tofauti, bonyeza 📝 Ripoti tukio.`,
    ]);
    expect(u.buttons()).toContain(ASK.sw);
    expect(u.buttons()).toContain('📝 Ripoti tukio');
    expect(u.buttons().some((b) => b.startsWith(second.reference))).toBe(false);
    // The same choice tapped again: nothing more is said (it was answered).
    await u.press(choice);
    expect(u.messages()).toHaveLength(since + 1);
    expect((await stored(first._id)).map((m) => m.text)).toEqual([words]);
    expect(await stored(second._id)).toEqual([]);

    await u.press(ASK.sw);
    expect(lastText(u)).toBe(`✅ Ujumbe wako umetumwa kwa wahudumu wa Ripoti, na ripoti yako ${first.reference} imefunguliwa tena. Tutakujibu hapa.`);
    expect((await stored(first._id)).map((m) => m.text)).toEqual([words]);
    expect(await stored(second._id)).toEqual([]);
  });

  it('(sw) the only open report closed as the message was being stored: the closed answer offers the tap', async () => {
    const u = h.tg.user({ firstName: 'Chebet', languageCode: 'sw' });
    const report = await openReport(u, 'sw');
    beforeNextMessageWrite(() => closeByAgent(report._id));
    await u.sendText('Bado wananifuata');
    expect(lastText(u)).toContain(`Ripoti yako ${report.reference} imefungwa, kwa hivyo ujumbe huu bado haujamfikia mtu yeyote.`);
    await u.press(ASK.sw);
    expect((await stored(report._id)).map((m) => m.text)).toEqual(['Bado wananifuata']);
    expect((await h.store.reports.findById(report._id))?.status).toBe('received');
  });
});
