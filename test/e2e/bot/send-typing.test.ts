/** "typing…" after Send: shown while a slow store works, never after "received", skipped when storing is quick. */
import { eventually, startBotHarness, type BotHarness } from '../../support/bot-harness';
import { lastText, referenceIn, walkTo } from './helpers';

describe('Send on a slow store', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness('bot_typing_slow', { typingAfterMs: 50 });
  });
  afterAll(() => h?.close());

  it('shows "typing…" while the report is being stored, then says it was received', async () => {
    const u = h.tg.user({ firstName: 'Akinyi', languageCode: 'sw' });
    await walkTo(u, 'review', 'sw', 'Polisi walinidai hongo kwenye kizuizi cha barabarani.');
    const shown = u.messages().length;
    const release = h.holdSubmits();
    const sending = u.press('🕶 Tuma bila kutaja jina langu');
    await eventually(() => u.chatActions().includes('typing'), '"typing…" while MongoDB is slow');
    // Still storing: nothing says "received" yet.
    expect(u.messages().slice(shown).some((m) => /R-[A-Z0-9]{4}-[A-Z0-9]{4}/.test(m.text ?? ''))).toBe(false);
    release();
    await sending;
    expect(u.chatActions()).toEqual(['typing']);
    expect(referenceIn(lastText(u))).toMatch(/^R-/);
  });
});

describe('Send on a quick store', () => {
  let h: BotHarness;
  beforeAll(async () => {
    // Far above any store here, however loaded the machine: the quick case, made certain.
    h = await startBotHarness('bot_typing_quick', { typingAfterMs: 60_000 });
  });
  afterAll(() => h?.close());

  it('answers "received" without a "typing…" first', async () => {
    const u = h.tg.user({ firstName: 'Kiptoo', languageCode: 'en' });
    await walkTo(u, 'review');
    await u.press('🕶 Send anonymously');
    expect(referenceIn(lastText(u))).toMatch(/^R-/);
    expect(u.chatActions()).toEqual([]);
  });
});
