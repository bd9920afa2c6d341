/**
 * Three reporters as they really write (issue: a fresh-eyes probe of the journey): a polling agent
 * in a hurry, a frightened mother answering in Swahili sentences, an older man unsure about giving
 * his number. What each would notice: words kept, taps understood, nothing sent that was not meant.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import type { DoubleState } from '../../support/telegram/state';
import { allTexts, clockAwayFromMidnight, expectNoEnglish, lastText, referenceIn, SEND_ANONYMOUSLY, said, walkTo } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_three_reporters', { now: clockAwayFromMidnight() });
});

afterAll(async () => {
  await h?.close();
});

/** A tap that leaves a slow phone twice: the second carries the same button on the same message, as it was when tapped. */
async function tapTwice(u: TelegramUser, label: string): Promise<void> {
  const m = [...u.messages()].reverse().find((x) => x.raw.reply_markup?.inline_keyboard.flat().some((b) => b.text === label));
  const data = m?.raw.reply_markup?.inline_keyboard.flat().find((b) => b.text === label)?.callback_data;
  if (!m || !data) throw new Error(`no button ${label}`);
  const asTapped = structuredClone(m.raw);
  await u.press(label);
  const state = (h.tg as unknown as { state: DoubleState }).state;
  const id = state.allocCallbackId();
  state.callbackQueries.set(id, { id, chatId: u.chatId, data, answered: false });
  await u.sendRaw({ callback_query: { id, from: u.info, message: asTapped, chat_instance: `-${h.tg.botId}${u.chatId}`, data } });
}

describe('three reporters', () => {
  it('a polling agent in a hurry: photos first, the story in five short messages, double taps, /start midway: every word kept, no "older message"', async () => {
    const u = h.tg.user({ firstName: 'Hassan', languageCode: 'en' });
    const start = u.mark();
    await u.sendPhoto({ mediaGroupId: '7001' });
    await u.sendPhoto({ mediaGroupId: '7001' });
    await u.waitForMessage('2 of 10', { since: start });
    const parts = ['ballot stuffing Tononoka', 'presiding officer', 'giving extra ballot papers', 'to agents of one candidate', 'happening now come quick'];
    // "Ballot stuffing" names one category, of elections only: offered with the elections' list, and offered still under each part after it.
    for (const part of parts) {
      await u.sendText(part);
      expect(lastText(u)).toContain('It sounds like: Ballot or results tampering.');
    }
    expect(said(u)).toBe('📝 I have added this to what happened. You can read it all before you send.');
    await tapTwice(u, 'Ballot or results tampering');
    await u.sendText('/start');
    expect(lastText(u)).toMatch(/^You have a report in progress\. Let us continue where you stopped\.\n\nIs someone in danger right now\?/);
    await tapTwice(u, '🚨 Yes');
    // The story was told: the county comes next, asked once.
    expect(lastText(u)).toContain('In which county did it happen?');
    expect(allTexts(u).filter((t) => t.includes('In which county'))).toHaveLength(1);
    await u.sendText('Mombasa');
    await u.sendText('Tononoka primary school polling station');
    await u.press('It is happening now');
    expect(lastText(u)).toContain(parts.join('\n'));
    expect(lastText(u)).toContain('Evidence: 2 files');
    await tapTwice(u, SEND_ANONYMOUSLY.en);
    const reference = referenceIn(lastText(u));
    expect(u.callbackAnswers().filter((a) => a.includes('older message'))).toEqual([]);
    expect(allTexts(u).filter((t) => t.includes('did not understand'))).toEqual([]);
    expect(allTexts(u).filter((t) => t.includes('Received'))).toHaveLength(1);
    const report = await h.store.reports.findByReference(reference);
    expect(report).toMatchObject({ kind: 'election', category: 'e_tamper', dangerNow: true, county: 1, description: { text: parts.join('\n') } });
    expect(report?.evidence).toHaveLength(2);
    // One more photo after sending goes to the same report, said so.
    await u.sendPhoto();
    expect(lastText(u)).toBe(`✅ Added to your report ${reference}. A member of staff will read it when they take your report.`);
  });

  it('a mother in Kakamega, in Swahili sentences from a phone set to English: her words are the category and the story, "sijui" is answered, "ni sawa tuma" sends', async () => {
    const u = h.tg.user({ firstName: 'Mama Brian', languageCode: 'en' });
    await u.sendText('/start');
    await u.sendText('nataka kuripoti polisi');
    expect(lastText(u)).toContain('nini kilitokea? Chagua kilicho karibu zaidi.');
    await u.sendText('WAMEMSHIKA MWANANGU NA HAJAONEKANA');
    expect(lastText(u)).toMatch(/^✓ Mtu kutoweshwa na polisi\n\n📝 Asante\. Nimehifadhi ulichotuma/);
    expect(lastText(u)).toContain('Je, kuna mtu yuko hatarini sasa hivi?');
    await u.sendText('SIJUI KAMA YUKO SALAMA');
    expect(said(u)).toMatch(/^Kama huna uhakika: bonyeza 🚨 Ndio kama unahofia/);
    await u.sendText('ndio');
    expect(allTexts(u).some((t) => t.includes('999 · 112 · 911'))).toBe(true);
    // Her first words are shown at the story question, and what she writes there goes on from them.
    expect(lastText(u)).toContain('Kufikia sasa umetuambia:\n«WAMEMSHIKA MWANANGU NA HAJAONEKANA»');
    const story = 'Kijana wangu Brian alikamatwa na polisi juzi usiku pale stage ya Lurambi, wakampeleka kwa gari ya polisi na tangu hapo hatujamuona. Nimeenda police station ya kakamega wanasema hawamjui';
    await u.sendText(story);
    await u.sendText('niko kakamega');
    expect(lastText(u)).toBe('Ilitokea katika kaunti ya Kakamega? Ibonyeze ili kuendelea, au chagua kaunti nyingine.');
    await u.sendText('ndio');
    await u.sendText('lurambi stage karibu na soko');
    await u.sendText('juzi usiku saa nne');
    expect(lastText(u)).toContain('Tafadhali angalia ripoti yako');
    await u.sendText('ni sawa tuma');
    const reference = referenceIn(lastText(u));
    expect(lastText(u)).toContain('Imepokelewa');
    const report = await h.store.reports.findByReference(reference);
    expect(report).toMatchObject({ category: 'p_disappear', dangerNow: true, county: 37, language: 'sw', anonymous: true, description: { text: `WAMEMSHIKA MWANANGU NA HAJAONEKANA\n${story}` } });
    expectNoEnglish(allTexts(u).slice(1));
  });

  it('an older man in Nyeri: his questions are not put in his story; "no wait, I do not want to give my number" takes him back; Send on a summary further up is "not sent yet", never "older message"', async () => {
    const u = h.tg.user({ firstName: 'Joseph', lastName: 'Kamau', languageCode: 'en' });
    const story = 'Two officers from Othaya police station told me to pay them every month or they will close my shop.';
    await walkTo(u, 'review', 'en', story);
    await u.sendText('What does anonymous mean? Will the police know it was me?');
    // Who will know is answered (who reads a report, and what Send anonymously means), never "no one has read your question".
    expect(said(u)).toContain('Only Ripoti staff read your report, and we are not the police. If you tap 🕶 Send anonymously, nobody sees your name');
    expect(said(u)).toContain('Your report is not sent yet. Choose below how to send it.');
    expect(lastText(u)).toContain(`Story: ${story}\n`);
    await u.press('📞 Send with my phone number');
    await u.sendText('No wait. I do not want to give my number');
    expect(allTexts(u).at(-2)).toBe('Fine: your number is not sent. To send the report without your name, tap 🕶 Send anonymously below.');
    expect(lastText(u)).toContain('Please check your report');
    expect(u.replyKeyboard()).toEqual([]);
    // Back from the summary (to "undo"), a question there, then Send on a summary further up.
    await u.press('‹ Back');
    expect(lastText(u)).toContain('When did it happen?');
    await u.sendText('When will someone from your office call me?');
    expect(said(u)).toBe('Your report is not sent yet: no one has it until you send it at the end. Once it is sent, you get a reference number, and a member of Ripoti staff (not the police) reads it and may write to you here, in this chat. No one calls you unless you send it with your phone number.\nPlease answer the question below first.');
    await u.press(SEND_ANONYMOUSLY.en);
    expect(u.callbackAnswers().at(-1)).not.toContain('older message');
    expect(said(u)).toBe('Your report is not sent yet. Choose below how to send it.');
    expect(lastText(u)).toContain('Please check your report');
    await u.press(SEND_ANONYMOUSLY.en);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ anonymous: true, description: { text: story } });
  });
});
