/** The error boundary and the per-reporter limits, as a reporter meets them. */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { sessionKey } from '../../../src/bot';
import { allTexts, lastText, referenceIn, walkTo, said } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_errors', { limits: { messagesPerMinute: 60, reportsPerDay: 1 } });
});

afterAll(async () => {
  await h?.close();
});

describe('the error boundary', () => {
  it('tells the reporter in their language that something went wrong, keeps the draft, logs no personal data', async () => {
    const u = h.tg.user({ firstName: 'Makena', languageCode: 'sw' });
    await walkTo(u, 'desc', 'sw');
    h.tg.failNext('sendMessage', { errorCode: 500, description: 'Internal Server Error' });
    await u.sendText('Afisa alinipiga kofi mbele ya watu.');
    expect(lastText(u)).toBe('Samahani, kuna hitilafu upande wetu. Majibu yako bado yapo. Tafadhali jaribu tena baada ya muda mfupi.');
    const logs = h.logs.join('\n');
    expect(logs).toContain('update failed');
    // The line names the update it is about (the logger for an update is made when first used).
    expect(h.logs.find((l) => l.includes('update failed'))).toMatch(/"updateId":\d+/);
    expect(logs).not.toContain('Afisa alinipiga');
    expect(logs).not.toContain('Makena');
    // The draft is still there: /start resumes it instead of starting over.
    await u.sendText('/start');
    expect(said(u)).toBe('Una ripoti ambayo hujamaliza. Tuendelee ulipoishia.');
  });

  it('outside a report, does not say answers are kept: what was sent may not have arrived, so send it again', async () => {
    const u = h.tg.user({ firstName: 'Wekesa', languageCode: 'en' });
    h.tg.failNext('sendMessage', { errorCode: 500, description: 'Internal Server Error' });
    await u.sendText('hello');
    expect(lastText(u)).toBe('Sorry, something went wrong on our side, and what you just sent may not have reached us. Please send it again in a moment.');
  });

  it('does not log the failed request, which can echo the reporter’s words back', async () => {
    const u = h.tg.user({ firstName: 'Kamau', languageCode: 'en' });
    await walkTo(u, 'when', 'en', 'Officer Kiprono took 2000 shillings from me at Eldama Ravine.');
    // The review screen repeats the story; it replaces the "when" question in place, and that edit fails.
    h.tg.failNext('editMessageText', { errorCode: 400, description: "Bad Request: can't parse entities" });
    await u.press('Today');
    expect(lastText(u)).toBe('Sorry, something went wrong on our side. Your answers are kept. Please try again in a moment.');
    const logs = h.logs.join('\n');
    expect(logs).toContain('editMessageText');
    expect(logs).not.toContain('Kiprono');
    expect(logs).not.toContain('chat_id');
  });
});

describe('a question that cannot be replaced in place', () => {
  it('is answered with a new message when Telegram no longer finds the pressed one', async () => {
    const u = h.tg.user({ firstName: 'Otieno', languageCode: 'en' });
    await walkTo(u, 'danger');
    const count = u.messages().length;
    h.tg.failNext('editMessageText', { errorCode: 400, description: 'Bad Request: message to edit not found' });
    await u.press('No');
    expect(u.messages()).toHaveLength(count + 1);
    expect(lastText(u)).toContain('Tell us what happened');
    expect(allTexts(u)).not.toContain('Sorry, something went wrong on our side. Your answers are kept. Please try again in a moment.');
  });
});

describe('after a stored report', () => {
  it('does not follow "received" with an apology when the session cannot be saved; Send again gives the same reference', async () => {
    const u = h.tg.user({ firstName: 'Wairimu', languageCode: 'sw' });
    await walkTo(u, 'review', 'sw');
    const sessions = h.current.sessions;
    const realSet = sessions.set.bind(sessions);
    sessions.set = async () => {
      throw new Error('Redis went away');
    };
    try {
      await u.press('🕶 Tuma bila kutaja jina langu');
    } finally {
      sessions.set = realSet;
    }
    const apology = 'Samahani, kuna hitilafu upande wetu. Majibu yako bado yapo. Tafadhali jaribu tena baada ya muda mfupi.';
    const reference = referenceIn(lastText(u));
    expect(allTexts(u)).not.toContain(apology);
    expect(h.logs.join('\n')).toContain('session_not_saved');
    // The unsaved session still shows the review screen: tapping Send again files nothing new.
    await u.press('🕶 Tuma bila kutaja jina langu');
    expect(referenceIn(lastText(u))).toBe(reference);
    const reporter = await h.store.reporters.findByTelegramUser(u.id);
    expect(await h.store.models.Report.countDocuments({ reporterId: reporter!._id })).toBe(1);
  });
});

describe('reports per day', () => {
  it('refuses a report over the daily limit but keeps the draft; a double tap does not use up the allowance', async () => {
    const u = h.tg.user({ firstName: 'Busy', languageCode: 'en' });
    await walkTo(u, 'review');
    await Promise.all([u.press('🕶 Send anonymously'), u.press('🕶 Send anonymously')]);
    const refs = allTexts(u).filter((t) => t.includes('Your reference is')).map(referenceIn);
    expect(refs).toHaveLength(2);
    expect(new Set(refs).size).toBe(1);

    await walkTo(u, 'review');
    await u.press('🕶 Send anonymously');
    expect(lastText(u)).toContain('You have already sent 1 reports today');
    // When it can be sent, not "tomorrow": the day counts from the first report (24 hours here).
    expect(lastText(u)).toContain('in about 24 hours, tap the same Send button on it again');
    // And it is kept that long: a day for the wait, and the usual day after it.
    const draftKey = `${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`;
    expect(await h.redis.ttl(draftKey)).toBeGreaterThan(24 * 3600 + 23 * 3600);
    const reporter = await h.store.reporters.findByTelegramUser(u.id);
    expect(await h.store.models.Report.countDocuments({ reporterId: reporter!._id })).toBe(1);
    // The draft is kept for later.
    await u.sendText('/start');
    expect(said(u)).toBe('You have a report in progress. Let us continue where you stopped.');
    expect(lastText(u)).toContain('Please check your report');

    // The counters behind these limits live in Redis under keys that match nothing in MongoDB,
    // one per purpose: a copy of Redis cannot be joined with a copy of the database.
    const keys = (await h.redis.keys(`${h.prefix}:rl:*`)).map((k) => k.slice(`${h.prefix}:rl:`.length).split(':'));
    const of = (purpose: string) => new Set(keys.filter(([p]) => p === purpose).map(([, hash]) => hash));
    expect(of('msg').size).toBeGreaterThan(0);
    expect(of('rep').size).toBeGreaterThan(0);
    expect([...of('msg')].filter((hash) => of('rep').has(hash))).toEqual([]);
    const lookupHashes = (await h.store.models.Reporter.find({}, { lookupHash: 1 }).lean()).map((r) => r.lookupHash);
    expect(lookupHashes).toContain(reporter!.lookupHash);
    for (const [, hash] of keys) expect(lookupHashes).not.toContain(hash);
  });
});

describe('messages per minute', () => {
  it('answers a flood once, in the reporter’s language, quoting the first message refused, then stays quiet for the rest of the minute; the draft is kept', async () => {
    const u = h.tg.user({ firstName: 'Haraka', languageCode: 'sw' });
    await walkTo(u, 'desc', 'sw');
    const tooFast =
      '⚠️ Unatuma jumbe kwa kasi sana. Ujumbe wako ulio hapo juu haukutufikia, na chochote utakachotuma ndani ya dakika moja ijayo hakitatufikia. Tafadhali subiri kama dakika moja, kisha utume tena ujumbe huo pamoja na jumbe zote zilizoufuata. Ulichotuma kabla yake kimehifadhiwa.';
    // 60 updates a minute are answered (the walk used some of them); the next one is told once.
    let refused = 0;
    for (let i = 0; i < 61 && !allTexts(u).includes(tooFast); i++) {
      const before = allTexts(u).length;
      refused = (await u.sendText('/help')).message_id;
      expect(allTexts(u).slice(before).join('\n')).not.toBe('');
    }
    expect(allTexts(u).filter((t) => t === tooFast)).toHaveLength(1);
    // It quotes the message that did not reach us: where to send again from.
    expect(u.messages().find((m) => m.raw.text === tooFast)?.raw.reply_to_message?.message_id).toBe(refused);
    const told = allTexts(u).length;
    for (let i = 0; i < 3; i++) await u.sendText('/help');
    expect(allTexts(u)).toHaveLength(told);
    // What they had typed so far is still there (the session was not touched by the refusals).
    const stored = await h.current.sessions.get(sessionKey(h.store.cipher, u.id, u.chatId));
    expect(stored?.draft?.step).toBe('desc');
  });
});
