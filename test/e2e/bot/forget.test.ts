/**
 * /forget (/nisahau): a reporter asks us to delete who they are. Whole conversations through the
 * Bot API double: what the bot says, the server-side check of its buttons, what is deleted and
 * what stays, staff who can no longer write to them, and that the same person is someone new after.
 */
import { Types } from 'mongoose';
import { languageKey, sessionKey } from '../../../src/bot';
import { Translator } from '../../../src/i18n';
import { eventually, startBotHarness, ticketsThroughBot, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import type { DoubleState } from '../../support/telegram/state';
import { allTexts, expectNoEnglish, lastText, referenceIn, SEND_ANONYMOUSLY, shown, submitNamed, walkTo } from './helpers';

let h: BotHarness;
let translator: Translator;

beforeAll(async () => {
  h = await startBotHarness('bot_forget');
  translator = await Translator.create();
});

afterAll(async () => {
  await h?.close();
});

const ASK_EN = [
  'Delete your details?',
  'We will delete:\n• your name, username and phone number\n• the link between this Telegram account and your reports\n• your language choice',
  'What stays: the reports themselves, without who sent them, because an agency may still act on them. What was already sent to an agency stays with that agency.',
  'After this, Ripoti staff can no longer send you messages about those reports, and /status will no longer find them. This cannot be undone.',
].join('\n\n');
const DONE_EN = '✅ Done: your details are deleted. Your reports stay, without who sent them. If you write to us again, you start as someone new.';
const DONE_SW = '✅ Tumemaliza: maelezo yako yamefutwa. Ripoti zako zinabaki, bila kuonyesha nani alizituma. Ukituandikia tena, utaanza kama mtu mpya.';
const STALE_SW = 'Swali hili halipo tena, kwa hivyo hakuna kilichofanyika. Tuma /nisahau ukitaka kuulizwa tena.';

async function submitAnonymous(u: TelegramUser, lang: 'en' | 'sw'): Promise<string> {
  await walkTo(u, 'review', lang);
  await u.press(SEND_ANONYMOUSLY[lang]);
  return referenceIn(lastText(u));
}

/** An agent takes the ticket (they then hold it: replies are theirs to send). */
async function takeByAgent(reportId: Types.ObjectId): Promise<string> {
  const agentId = new Types.ObjectId().toString();
  await h.store.reports.transition(reportId, 'assigned', { kind: 'agent', agentId }, { assignee: agentId });
  return agentId;
}

/** A press on a button of `message` (an older message, as a person scrolling up would tap), with the data it carries; whether the bot answered the tap. */
async function pressOn(u: TelegramUser, message: { raw: unknown }, label: string): Promise<boolean> {
  const raw = message.raw as { reply_markup?: { inline_keyboard: { text: string; callback_data?: string }[][] } };
  const data = raw.reply_markup?.inline_keyboard.flat().find((b) => b.text === label)?.callback_data;
  if (!data) throw new Error(`no button "${label}" on that message`);
  const state = (h.tg as unknown as { state: DoubleState }).state;
  const id = state.allocCallbackId();
  state.callbackQueries.set(id, { id, chatId: u.chatId, data, answered: false });
  await u.sendRaw({ callback_query: { id, from: u.info, message: structuredClone(message.raw), chat_instance: `-${h.tg.botId}${u.chatId}`, data } } as never);
  return state.callbackQueries.get(id)?.answered === true;
}

const questionsIn = (u: TelegramUser, words: string) => u.messages().filter((m) => shown(m).includes(words));

describe('/forget, confirmed', () => {
  it('deletes who they are: /status no longer finds their report, staff cannot write to them, and the same person writing again is someone new', async () => {
    const u = h.tg.user({ firstName: 'Wanjiru', lastName: 'Kamau', username: 'wanjiru_k', languageCode: 'en' });
    const logged = h.logs.length;
    const reference = await submitNamed(u, 'I am Wanjiru Kamau. Police took 1000 shillings from me at the Naivasha road junction.');
    const report = (await h.store.reports.findByReference(reference))!;
    const reporterId = report.reporterId;
    const agentId = await takeByAgent(report._id);
    const key = languageKey(h.prefix, h.store.cipher, u.id, u.chatId);
    expect(await h.redis.get(key)).toBe('en');

    await u.sendText('/forget');
    expect(lastText(u)).toBe(ASK_EN);
    expect(u.buttons()).toEqual(['🗑 Delete my details', 'No, keep them']);
    await u.press('🗑 Delete my details');
    // The question is replaced by the outcome: its buttons cannot be tapped twice.
    expect(lastText(u)).toBe(DONE_EN);
    expect(u.lastMessage().raw.reply_markup?.inline_keyboard ?? []).toEqual([]);

    // Who they were is gone; the report stays, marked, with one line in its history.
    expect(await h.store.reporters.identityOf(reporterId)).toBeNull();
    expect(await h.store.reporters.findByTelegramUser(u.id)).toBeNull();
    const after = (await h.store.reports.findByReference(reference))!;
    expect(after).toMatchObject({ status: 'assigned', reporterUnreachable: true });
    expect(after.reporterForgottenAt).toBeInstanceOf(Date);
    expect(after.description.text).toBe('I am [name withheld] [name withheld]. Police took 1000 shillings from me at the Naivasha road junction.');
    expect((await h.store.reports.history(report._id)).filter((e) => e.type === 'reporter_forgotten')).toHaveLength(1);
    await eventually(() => h.events.some((e) => e.type === 'ticket' && e.reportId === report._id.toString() && e.what === 'reach'), 'the ticket page told');
    // The language kept for them in Redis, and the one in their conversation, went too.
    expect(await h.redis.exists(key)).toBe(0);

    // /status finds nothing for them, exactly as for someone else's reference.
    await u.sendText(`/status ${reference}`);
    expect(lastText(u)).toBe(`We found no report ${reference} for you. Please check the number. Reports closed more than a year or so ago are no longer shown.`);

    // The agent holding the ticket cannot write to them: refused, said why, nothing sent.
    const count = u.messages().length;
    const refused = await ticketsThroughBot(h, translator).reply(report._id.toString(), { id: agentId, role: 'agent' }, 'Are you safe now?');
    expect(refused).toEqual({ ok: false, reason: 'reporter_forgotten' });
    expect(u.messages()).toHaveLength(count);

    // Writing again: a new reporter, with no link to the old report.
    const again = await submitAnonymous(u, 'en');
    const now = await h.store.reporters.findByTelegramUser(u.id);
    expect(now?._id.equals(reporterId)).toBe(false);
    await u.sendText('/status');
    expect(lastText(u)).toContain(again);
    expect(lastText(u)).not.toContain(reference);

    // Nothing of who they are in the logs, before or after.
    const lines = h.logs.slice(logged).join('\n');
    expect(lines).toContain('reporter_forgotten');
    for (const secret of ['Wanjiru', 'Kamau', 'wanjiru_k', '722000111', String(u.id), String(u.chatId)]) expect(lines).not.toContain(secret);
  });

  it('discards the report being written, and says so first', async () => {
    const u = h.tg.user({ firstName: 'Draft', languageCode: 'en' });
    await submitAnonymous(u, 'en');
    await walkTo(u, 'county', 'en', 'They beat my brother at the market.');
    await u.sendText('/forget');
    expect(lastText(u)).toBe(`${ASK_EN}\n\nThe report you are writing now will be deleted too: it has not been sent.`);
    await u.press('🗑 Delete my details');
    expect(lastText(u)).toBe(DONE_EN);
    // The conversation is gone with the language: the bot greets them as someone new.
    expect(await h.redis.exists(`${h.prefix}:lang:${sessionKey(h.store.cipher, u.id, u.chatId)}`)).toBe(0);
    // No report in progress any more (/start would carry on with it): both languages offered.
    await u.sendText('/start');
    expect(lastText(u)).toContain('Welcome to Ripoti.');
  });

  it('an urgent report being written stops there: it stays with the staff as it stands, without who sent it, and shares no moment with their named report', async () => {
    const u = h.tg.user({ firstName: 'Haraka', languageCode: 'en' });
    await u.sendText('/start');
    const named = await submitNamed(u, 'Officers at the Kisumu roadblock took 1,000 shillings from me.');
    await u.sendText('/start');
    await u.press('🚓 Police misconduct');
    await u.press('Excessive force or brutality');
    await u.press('🚨 Yes');
    const reference = referenceIn(allTexts(u).find((t) => t.includes('has been alerted now'))!);
    await u.sendText('Two officers are beating a young man outside the shop right now.');
    await u.sendText('/forget');
    expect(lastText(u)).toBe(`${ASK_EN}\n\nThe report you are writing now stops here. What you already told us stays with Ripoti staff, without your details.`);
    const asked = new Date();
    await u.press('🗑 Delete my details');
    expect(lastText(u)).toBe(DONE_EN);
    expect((await h.store.reports.findByReference(named))?.reporterForgottenAt?.getTime()).toBeGreaterThanOrEqual(asked.getTime());
    // Anonymous until the review: nothing on it says when they asked (no cancel, no history line, no change time).
    const report = await h.store.reports.findByReference(reference);
    expect(report).toMatchObject({ anonymous: true, status: 'received', unfinished: { state: 'writing' }, reporterUnreachable: true });
    expect(report?.reporterForgottenAt).toEqual(report?.createdAt);
    expect(report?.updatedAt.getTime()).toBeLessThan(asked.getTime());
    expect((await h.store.reports.history(report!._id.toString())).filter((e) => e.at >= asked).map((e) => e.type)).toEqual([]);
    expect(await h.store.reporters.findByTelegramUser(u.id)).toBeNull();
  });
});

describe('/forget with a message waiting for "which report?"', () => {
  it('the report tapped afterwards says the message reached no one, never "send your message again" (it would reach no one either)', async () => {
    const u = h.tg.user({ firstName: 'Two and forgets', languageCode: 'en' });
    const first = await submitAnonymous(u, 'en');
    await submitAnonymous(u, 'en');
    await u.sendText('One more thing: the officer had a red beret');
    const which = u.lastMessage();
    await u.sendText('/forget');
    await u.press('🗑 Delete my details');
    await pressOn(u, which, which.raw.reply_markup!.inline_keyboard.flat().find((b) => b.text.startsWith(first))!.text);
    expect(lastText(u)).toBe('Your details were deleted when you asked us to forget you, so that report is no longer linked to you and your message reached no one. To tell us something new, tap 📝 Report an incident.');
    const report = (await h.store.reports.findByReference(first))!;
    expect((await h.store.messages.listForReport(report._id)).filter((m) => m.direction === 'from_reporter')).toEqual([]);
  });
});

describe('/help and /privacy', () => {
  it('tell the reporter about /forget', async () => {
    const u = h.tg.user({ firstName: 'Soma', languageCode: 'en' });
    await u.sendText('/help');
    expect(lastText(u)).toContain('/forget deletes your details (name, phone number).');
    await u.sendText('/privacy');
    expect(lastText(u)).toContain('Deleting your details: send /forget at any time.');
    expect(lastText(u)).not.toContain('To have your details deleted sooner');
  });
});

describe('/nisahau, kept or asked again', () => {
  it('"keep" leaves everything; an older question’s button does nothing and says so; a second tap once done says done again; a repeat after it is done is harmless', async () => {
    const u = h.tg.user({ firstName: 'Baraka', languageCode: 'sw' });
    const reference = await submitAnonymous(u, 'sw');
    const report = (await h.store.reports.findByReference(reference))!;
    // Their language choice set this chat's own command menu, in Swahili.
    const scope = { type: 'chat', chat_id: u.chatId };
    expect(h.tg.commands({ scope }).map((c) => c.command)).toContain('nisahau');

    await u.sendText('/nisahau');
    expect(lastText(u)).toContain('Tufute maelezo yako?');
    expect(lastText(u)).toContain('/hali haitazipata tena');
    await u.press('Hapana, usiyafute');
    expect(allTexts(u).slice(-2)).toEqual(['Hakuna kilichofutwa.', 'Ungependa kufanya nini?']);
    expect(await h.store.reporters.findByTelegramUser(u.id)).not.toBeNull();
    expect((await h.store.reports.findById(report._id))?.reporterForgottenAt ?? null).toBeNull();
    await u.sendText(`/hali ${reference}`);
    expect(lastText(u)).toContain(reference);
    expect(lastText(u)).not.toContain('Hatukupata');

    // Asked twice: the first question's buttons are out of date, checked against the conversation, not the button.
    await u.sendText('/nisahau');
    const first = questionsIn(u, 'Tufute maelezo yako?').at(-1)!;
    await u.sendText('/nisahau');
    await pressOn(u, first, '🗑 Futa maelezo yangu');
    expect(shown(u.messages().find((m) => m.raw.message_id === first.raw.message_id)!)).toBe(STALE_SW);
    expect(await h.store.reporters.findByTelegramUser(u.id)).not.toBeNull();

    const newest = questionsIn(u, 'Tufute maelezo yako?').at(-1)!;
    await u.press('🗑 Futa maelezo yangu');
    expect(lastText(u)).toBe(DONE_SW);
    expect((await h.store.reports.findById(report._id))?.reporterForgottenAt).toBeInstanceOf(Date);
    // The chat's own menu went with the rest: the default one shows again.
    expect(h.tg.commands({ scope })).toEqual([]);
    // The same button again (a second tap on a slow phone), or its other one: done, said again on
    // the same message, the tap answered, nothing sent nor written.
    const count = u.messages().length;
    expect(await pressOn(u, newest, '🗑 Futa maelezo yangu')).toBe(true);
    expect(await pressOn(u, newest, 'Hapana, usiyafute')).toBe(true);
    expect(shown(u.messages().find((m) => m.raw.message_id === newest.raw.message_id)!)).toBe(DONE_SW);
    expect(u.messages()).toHaveLength(count);
    // And /nisahau again: nothing left to delete, said done all the same.
    await u.sendText('/nisahau');
    await u.press('🗑 Futa maelezo yangu');
    expect(lastText(u)).toBe(DONE_SW);
    // Their report is anonymous: marked as of when it was sent, with no history line (a moment staff could match).
    expect((await h.store.reports.findById(report._id))?.reporterForgottenAt).toEqual(report.createdAt);
    expect((await h.store.reports.history(report._id)).filter((e) => e.type === 'reporter_forgotten')).toHaveLength(0);
    // All in Swahili (the first message offers both languages, each in itself).
    expectNoEnglish(allTexts(u).slice(1));
  });
});
