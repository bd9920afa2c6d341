/** Right after "received": a bare thanks is no message for staff; two look-alike reports are told apart at "which report?". */
import { Types } from 'mongoose';
import { sessionKey } from '../../../src/bot';
import { redisKeys } from '../../../src/redis-keys';
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import type { DoubleState } from '../../support/telegram/state';
import { allTexts, callbackUpdate, expectNoEnglish, lastText, referenceIn, SEND_ANONYMOUSLY, walkTo } from './helpers';

let h: BotHarness;
/** How far ahead of the wall clock the bot's clock runs. */
let later = 0;

beforeAll(async () => {
  h = await startBotHarness('bot_after_received', { now: () => new Date(Date.now() + later) });
});

afterAll(async () => {
  await h?.close();
});

async function submitAnonymous(u: TelegramUser, lang: 'en' | 'sw', story?: string): Promise<string> {
  await walkTo(u, 'review', lang, story);
  await u.press(SEND_ANONYMOUSLY[lang]);
  return referenceIn(lastText(u));
}

async function fromReporter(reference: string): Promise<(string | undefined)[]> {
  const report = await h.store.reports.findByReference(reference);
  return (await h.store.messages.listForReport(report!._id)).filter((m) => m.direction === 'from_reporter').map((m) => m.text);
}

describe('a bare thanks right after "received"', () => {
  it.each([
    ['en', ['ok', 'OK', 'thanks', '👍', 'Thank you so much!'], '🙏 You are welcome.'],
    ['sw', ['sawa', 'Sawa', 'asante', 'asante sana 🙏', 'ok'], '🙏 Karibu.'],
  ] as const)('in %s: answered once, and none of it reaches the staff', async (lang, acks, answer) => {
    const u = h.tg.user({ firstName: `Thanks ${lang}`, languageCode: lang });
    const reference = await submitAnonymous(u, lang);
    const before = u.messages().length;
    for (const ack of acks) await u.sendText(ack);
    const said = allTexts(u).slice(before);
    expect(said).toHaveLength(1);
    expect(said[0].startsWith(answer)).toBe(true);
    expect(said[0]).toContain(reference);
    expect(await fromReporter(reference)).toEqual([]);
    // Words with more in them are messages, as before.
    await u.sendText(lang === 'en' ? 'ok, they also took my phone' : 'sawa, pia walichukua simu yangu');
    expect(await fromReporter(reference)).toHaveLength(1);
  });

  it('once staff have written, "ok" is an answer to them, and goes', async () => {
    const u = h.tg.user({ firstName: 'Answered', languageCode: 'en' });
    const reference = await submitAnonymous(u, 'en');
    const report = await h.store.reports.findByReference(reference);
    await h.store.messages.addOutgoing(report!._id, { text: 'Can we call you later?', agentId: new Types.ObjectId() });
    await u.sendText('ok');
    expect(lastText(u)).toBe(`✅ Added to your report ${reference}. A member of staff will read it when they take your report.`);
    expect(await fromReporter(reference)).toEqual(['ok']);
  });

  it('hours later, an "ok" goes to the staff as any message does', async () => {
    const u = h.tg.user({ firstName: 'Later', languageCode: 'en' });
    const reference = await submitAnonymous(u, 'en');
    later = 3 * 60 * 60_000;
    try {
      await u.sendText('ok');
    } finally {
      later = 0;
    }
    expect(await fromReporter(reference)).toEqual(['ok']);
  });
});

describe('"what happens next?" after "received"', () => {
  // It was only added to the report ("Added to your report..."): nobody said what happens, or whether anyone calls.
  it.each([
    // Sent anonymously: nobody calls (it said "no one calls you unless you give us your phone number", though the report had gone without it).
    ['en', 'what happens next?', 'What happens next: a member of Ripoti staff (not the police) reads your report', 'You sent your report without your phone number, so nobody will call you: if staff need to reach you, they will write to you here.'],
    ['en', 'when will someone call me?', 'What happens next: a member of Ripoti staff (not the police) reads your report', 'You sent your report without your phone number, so nobody will call you: if staff need to reach you, they will write to you here.'],
    ['sw', 'nini kinafuata sasa?', 'Kinachofuata: mhudumu wa Ripoti (si polisi) ataisoma ripoti yako', 'Ulituma ripoti yako bila nambari yako ya simu, kwa hivyo hakuna atakayekupigia simu: wahudumu wakihitaji kuwasiliana nawe, watakuandikia hapa.'],
    ['sw', 'mtanipigia lini?', 'Kinachofuata: mhudumu wa Ripoti (si polisi) ataisoma ripoti yako', 'Ulituma ripoti yako bila nambari yako ya simu, kwa hivyo hakuna atakayekupigia simu: wahudumu wakihitaji kuwasiliana nawe, watakuandikia hapa.'],
  ] as const)('(%s) %j: answered with the reference and who calls, under "added"; the question still reaches staff', async (lang, asked, next, calls) => {
    const u = h.tg.user({ firstName: `Next ${lang}`, languageCode: lang });
    const reference = await submitAnonymous(u, lang);
    const before = u.messages().length;
    await u.sendText(asked);
    const said = allTexts(u).slice(before);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(lang === 'en' ? `Added to your report ${reference}` : `Ujumbe wako umeongezwa kwenye ripoti yako ${reference}`);
    expect(said[0]).toContain(next);
    expect(said[0]).toContain(`/${lang === 'en' ? 'status' : 'hali'} ${reference}`);
    expect(said[0]).toContain(calls);
    expect(await fromReporter(reference)).toEqual([asked]);
    if (lang === 'sw') expectNoEnglish(said);
  });

  it.each([
    ['en', 'when will someone call me?', '📞 Send with my phone number', '📱 Send my phone number', 'You sent your report with your phone number, so the staff member handling it may also call you on that number.'],
    ['sw', 'mtanipigia lini?', '📞 Tuma pamoja na nambari yangu', '📱 Tuma nambari yangu ya simu', 'Ulituma ripoti yako pamoja na nambari yako ya simu, kwa hivyo mhudumu anayeishughulikia anaweza pia kukupigia kwa nambari hiyo.'],
  ] as const)('(%s) sent with the phone number, %j says staff may call that number, never showing it nor saying nobody calls', async (lang, asked, sendWith, share, calls) => {
    const u = h.tg.user({ firstName: `Next named ${lang}`, languageCode: lang });
    await walkTo(u, 'review', lang);
    await u.press(sendWith);
    await u.press(share, { phoneNumber: '+254722000111' });
    const reference = referenceIn(lastText(u));
    const before = u.messages().length;
    await u.sendText(asked);
    const said = allTexts(u).slice(before);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`/${lang === 'en' ? 'status' : 'hali'} ${reference}`);
    expect(said[0]).toContain(calls);
    expect(said[0]).not.toMatch(/722\s?000\s?111/);
    expect(said[0]).not.toContain(lang === 'en' ? 'nobody will call' : 'hakuna atakayekupigia');
    expect(await fromReporter(reference)).toEqual([asked]);
    if (lang === 'sw') expectNoEnglish(said);
  });

  it('once a staff member holds the report, the question goes to them, with no "what happens next": they answer it', async () => {
    const u = h.tg.user({ firstName: 'Held', languageCode: 'en' });
    const reference = await submitAnonymous(u, 'en');
    const report = await h.store.reports.findByReference(reference);
    await h.store.reports.transition(report!._id, 'assigned', { kind: 'system' }, { assignee: new Types.ObjectId().toString() });
    await u.sendText('when will someone call me?');
    expect(lastText(u)).toBe(`✅ Sent to the staff member handling ${reference}.`);
    expect(await fromReporter(reference)).toEqual(['when will someone call me?']);
  });

  it('a message that tells more is added as before, with no "what happens next"', async () => {
    const u = h.tg.user({ firstName: 'Tells more', languageCode: 'en' });
    const reference = await submitAnonymous(u, 'en');
    await u.sendText('They also took my ID card.');
    expect(lastText(u)).toBe(`✅ Added to your report ${reference}. A member of staff will read it when they take your report.`);
  });
});

describe('"which report?" with two look-alike reports', () => {
  it.each([
    ['en', ['Police asked me for a bribe at the junction.', 'An officer slapped my brother at the market.'], ['“Police asked me for a bribe…”', '“An officer slapped my…”'], 'I have more to say.'],
    ['sw', ['Polisi waliniitisha hongo kwenye barabara.', 'Askari alimpiga ndugu yangu sokoni jana.'], ['“Polisi waliniitisha hongo…”', '“Askari alimpiga ndugu yangu…”'], 'Nina habari zaidi.'],
  ] as const)('in %s: two anonymous reports of one kind and day are told apart by the reporter\'s own first words', async (lang, stories, openings, more) => {
    const u = h.tg.user({ firstName: `Alike ${lang}`, languageCode: lang });
    const first = await submitAnonymous(u, lang, stories[0]);
    const second = await submitAnonymous(u, lang, stories[1]);
    await u.sendText(more);
    const [a, b] = [first, second].map((ref) => u.buttons().find((x) => x.startsWith(ref))!);
    expect(a.startsWith(`${first} · ${openings[0]} · `)).toBe(true);
    expect(b.startsWith(`${second} · ${openings[1]} · `)).toBe(true);
    expect(a.endsWith('🕶')).toBe(true);
  });
});

describe('Send re-delivered after a crash', () => {
  it('the process said "received" and died before saving the session: the re-delivered Send stores nothing new and does not say "received" again', async () => {
    const u = h.tg.user({ firstName: 'Crashed', languageCode: 'en' });
    await walkTo(u, 'review');
    const session = `${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`;
    const atReview = (await h.redis.get(session))!;
    const send = u.lastMessage().raw.reply_markup?.inline_keyboard.flat().find((b) => b.text === SEND_ANONYMOUSLY.en);
    const update = callbackUpdate(h.tg, u, (send as { callback_data: string }).callback_data, 910_000_001);
    await h.current.handleUpdate(update as Parameters<typeof h.current.handleUpdate>[0]);
    const reference = referenceIn(lastText(u));
    // What a process killed after answering, before its session and the update's mark were written,
    // leaves behind: the session at the review, its claim on the update, its owner gone.
    await h.redis.set(session, atReview);
    await h.redis.set(redisKeys(h.prefix).update(910_000_001), 'handling:0123456789abcdef', 'EX', 120);
    (h.tg as unknown as { state: DoubleState }).state.callbackQueries.get(update.callback_query.id)!.answered = false;
    const before = u.messages().length;
    await h.current.handleUpdate(update as Parameters<typeof h.current.handleUpdate>[0]);
    const again = allTexts(u).slice(before);
    expect(again).toHaveLength(1);
    expect(again[0]).not.toContain('Received.');
    expect(again[0]).toContain(`We already have this report. Your reference is ${reference}`);
    // What comes next is said too: the first answer may never have reached the reporter.
    expect(again[0]).toContain(`/status ${reference}`);
    const reporter = await h.store.reporters.findByTelegramUser(u.id);
    expect(await h.store.models.Report.countDocuments({ reporterId: reporter!._id })).toBe(1);
  });
});
