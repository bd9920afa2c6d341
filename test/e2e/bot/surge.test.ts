/**
 * The bot's answers under Telegram's real limits: every message passes the shared outgoing budget
 * (src/lib/send-budget.ts, Redis); a 429 pauses it for retry_after and the refused message is sent
 * again, so the reporter's journey completes with nothing lost and nothing doubled.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import { lastText, referenceIn, walkTo } from './helpers';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Texts that arrived more than once in a row (a send repeated after it had been carried out). */
function doubled(u: TelegramUser): string[] {
  const texts = u.messages().map((m) => m.text ?? '');
  return texts.filter((t, i) => i > 0 && t === texts[i - 1]);
}

async function finish(u: TelegramUser): Promise<string> {
  await walkTo(u, 'review');
  return sendAnonymously(u);
}

/** Sends the report and waits for its reference: under the budget it may follow the acknowledgement. */
async function sendAnonymously(u: TelegramUser): Promise<string> {
  const since = u.mark();
  await u.press('🕶 Send anonymously');
  return referenceIn((await u.waitForMessage(/R-[A-Z0-9]{4}-[A-Z0-9]{4}/, { since, timeoutMs: 15_000 })).text ?? '');
}

describe('wizard answers under Telegram limits', () => {
  it('sends a wizard answer refused with 429 again after retry_after, once, and the report is filed', async () => {
    h = await startBotHarness('bot_surge_429', { sendBudget: { perSecond: 30 } });
    const amina = h.tg.user({ firstName: 'Amina', languageCode: 'en' });
    await walkTo(amina, 'danger');
    expect(lastText(amina)).toContain('Is someone in danger right now?');

    // The question after danger replaces the danger question in place: that edit is refused.
    h.tg.failNext('editMessageText', { errorCode: 429, retryAfter: 1, description: 'Too Many Requests: retry after 1' });
    await amina.press('No');
    // The question after danger arrived once, a full retry_after after Telegram refused it. On a
    // busy machine the wait passes 2 s and the update is acknowledged first: the answer follows.
    if (!lastText(amina).includes('Tell us what happened')) await amina.waitForMessage('Tell us what happened');
    expect(lastText(amina)).toContain('Tell us what happened');
    const sends = h.tg.calls('editMessageText');
    const refused = sends.findIndex((c) => c.errorCode === 429);
    expect(refused).toBeGreaterThanOrEqual(0);
    // The whole call on failure: which error, when, through which path.
    expect(sends[refused + 1]).toMatchObject({ ok: true, params: { text: sends[refused].params.text } });
    expect(sends[refused + 1].at - sends[refused].at).toBeGreaterThanOrEqual(1000);

    const reference = await finish2(amina);
    expect(await h.store.reports.findByReference(reference)).toMatchObject({ category: 'p_bribery', dangerNow: false });
    expect(amina.messages().filter((m) => m.text?.includes('Tell us what happened'))).toHaveLength(1);
    expect(doubled(amina)).toEqual([]);
  });

  it('sends a wizard answer again when the connection to Telegram was lost before it answered: the reporter is not left without the question', async () => {
    h = await startBotHarness('bot_surge_reset', { sendBudget: { perSecond: 30 } });
    const baraka = h.tg.user({ firstName: 'Baraka', languageCode: 'en' });
    await walkTo(baraka, 'danger');
    // The question after danger replaces the danger question in place; that call's connection is cut.
    h.tg.failNext('editMessageText', { errorCode: 0, resetConnection: true });
    await baraka.press('No');
    if (!lastText(baraka).includes('Tell us what happened')) await baraka.waitForMessage('Tell us what happened');
    expect(lastText(baraka)).toContain('Tell us what happened');
    const edits = h.tg.calls('editMessageText');
    expect(edits.filter((c) => c.ok && String(c.params.text).includes('Tell us what happened'))).toHaveLength(1);
    expect(h.logs.join('\n')).toContain('connection lost before Telegram answered: sending again');
    const reference = await finish2(baraka);
    expect(await h.store.reports.findByReference(reference)).toMatchObject({ category: 'p_bribery', dangerNow: false });
  });

  it('completes every journey when the double enforces Telegram limits tighter than the budget (429s taken and retried)', async () => {
    // The budget allows 20/s; the double only 8/s and 1/s per chat after a burst of 2: 429s are certain.
    h = await startBotHarness('bot_surge_limits', { sendBudget: { perSecond: 20 }, telegramLimits: { perSecond: 8, perChatBurst: 2 } });
    const harness = h;
    const people = Array.from({ length: 5 }, (_, i) => harness.tg.user({ firstName: `Reporter${i}`, languageCode: 'en' }));
    const references = await Promise.all(people.map((u) => finish(u)));

    expect(new Set(references).size).toBe(people.length);
    for (const reference of references) expect(await harness.store.reports.findByReference(reference)).not.toBeNull();
    expect(harness.tg.calls().filter((c) => c.errorCode === 429).length).toBeGreaterThan(0);
    for (const u of people) expect(doubled(u)).toEqual([]);
  });

  it('tells a reporter once, in their language, that their answers are saved when the answer will wait', async () => {
    // 2 messages a second for 6 people answering at once: the last ones wait about 3 s.
    h = await startBotHarness('bot_surge_told', { sendBudget: { perSecond: 2, slowAfterMs: 1000 } });
    const harness = h;
    const people = Array.from({ length: 6 }, (_, i) => harness.tg.user({ firstName: `Mtu${i}`, languageCode: 'sw' }));
    // 12 messages (6 notices at most, 6 answers) at 2 a second: all there within about 6 s.
    const answered = (u: TelegramUser, since: number) => u.waitForMessage('Karibu Ripoti', { since, timeoutMs: 15_000 });
    const marks = people.map((u) => u.mark());
    await Promise.all(people.map((u) => u.sendText('/start')));
    // Updates whose answer waits long are acknowledged first: each answer follows.
    await Promise.all(people.map((u, i) => answered(u, marks[i])));

    const notice = (u: TelegramUser) => u.messages().filter((m) => m.text?.includes('Majibu yako yamehifadhiwa'));
    const told = people.filter((u) => notice(u).length > 0);
    expect(told.length).toBeGreaterThan(0);
    for (const u of told) {
      expect(notice(u)).toHaveLength(1);
      expect(notice(u)[0].text).toMatch(/Ujumbe wetu unaofuata utakufikia baada ya sekunde \d+ hivi/);
      // The answer itself still came, after the notice.
      expect(lastText(u)).toContain('Karibu Ripoti');
    }
    // Asked again while others still wait, nobody is told twice.
    const again = told.map((u) => u.mark());
    await Promise.all(told.map((u) => u.sendText('/start')));
    await Promise.all(told.map((u, i) => answered(u, again[i])));
    for (const u of told) expect(notice(u)).toHaveLength(1);
  });
});

/** Finishes a report already at its first question: the story, county, place, when, sent anonymously. */
async function finish2(u: TelegramUser): Promise<string> {
  await u.sendText('Police asked me for a bribe at the junction.');
  await u.sendText('Nakuru');
  await u.sendText('Naivasha road junction');
  await u.press('Today');
  return sendAnonymously(u);
}
