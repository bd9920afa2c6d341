/**
 * The first message, the welcome's buttons mid-report and the answer after sending: "naogopa
 * watanijua" typed first is answered (not the story of a report); an old welcome's kind button
 * tapped mid-report keeps the draft; "what happens next?" after Send says who may call.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, lastText } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_welcome_fear_next');
});

afterAll(async () => {
  await h?.close();
});

describe('the fear of being known, typed as the very first message', () => {
  it.each([
    // Short, it was the bare menu; long enough to be an account (40 characters, 6 words), it began a report with it as the story.
    ['sw', 'naogopa watanijua', 'Si lazima ujulikane.', ['🚓 Makosa ya polisi', '🗳 Tukio la uchaguzi'], '🚓 Makosa ya polisi', 'Kufikia sasa umetuambia'],
    ['sw', 'Ninaogopa sana kwamba polisi watanijua ni mimi', 'Si lazima ujulikane.', ['🚓 Makosa ya polisi', '🗳 Tukio la uchaguzi'], '🚓 Makosa ya polisi', 'Kufikia sasa umetuambia'],
    ['en', "I'm scared they will find out it was me", 'You do not have to be known.', ['🚓 Police misconduct', '🗳 Election incident'], '🚓 Police misconduct', 'So far you told us'],
    ['en', 'I am scared they will find out it was me', 'You do not have to be known.', ['🚓 Police misconduct', '🗳 Election incident'], '🚓 Police misconduct', 'So far you told us'],
  ] as const)('(%s) "%s" is answered with how to stay unknown and the start buttons; no report begins with the words as its story', async (lang, fear, answer, buttons, police, soFar) => {
    const u = h.tg.user({ firstName: `Afraid ${fear.length}`, languageCode: lang });
    await u.sendText(fear);
    expect(lastText(u)).toContain(answer);
    expect(u.buttons()).toEqual(expect.arrayContaining([...buttons]));
    // One tap begins a report; the fear is not its story.
    await u.press(police);
    await u.press(lang === 'sw' ? 'Polisi kuitisha hongo au pesa' : 'Bribery or extortion by police');
    await u.press(lang === 'sw' ? 'Hapana' : 'No');
    expect(lastText(u)).toContain(lang === 'sw' ? 'Tueleze kilichotokea' : 'Tell us what happened');
    expect(allTexts(u).join('\n')).not.toContain(soFar);
  });

  it('(sw) the fear with what was done ("naogopa watanijua, polisi walinipiga jana") still begins a report with the account kept', async () => {
    const u = h.tg.user({ firstName: 'Afraid and beaten', languageCode: 'sw' });
    await u.sendText('naogopa watanijua, polisi walinipiga jana');
    expect(lastText(u)).not.toContain('Si lazima ujulikane.');
    await u.press('Nguvu kupita kiasi au ukatili');
    await u.press('Hapana');
    expect(lastText(u)).toContain('Kufikia sasa umetuambia:\n«naogopa watanijua, polisi walinipiga jana»');
  });
});

describe('the fear of being known, typed first in Swahili on a phone set to English', () => {
  it.each(['naogopa watanijua', 'nitaumia wakijua'])('"%s" is answered in Swahili, with the Swahili start buttons', async (fear) => {
    const u = h.tg.user({ firstName: `Afraid en phone ${fear.length}`, languageCode: 'en' });
    await u.sendText(fear);
    expect(lastText(u)).toContain('Si lazima ujulikane.');
    expect(u.buttons()).toEqual(expect.arrayContaining(['🚓 Makosa ya polisi', '🗳 Tukio la uchaguzi']));
  });
});

describe('the fear of being known, with what is being done, as the very first message', () => {
  it('(sw) "naogopa watanijua, polisi wanadai hongo kila siku kwa stage" begins a report with the account kept, not the fear answer alone', async () => {
    const u = h.tg.user({ firstName: 'Afraid and asked for bribes', languageCode: 'sw' });
    await u.sendText('naogopa watanijua, polisi wanadai hongo kila siku kwa stage');
    expect(allTexts(u).join('\n')).not.toContain('Si lazima ujulikane.');
    expect(allTexts(u).join('\n')).toContain('Nimehifadhi ulichotuma: kitakuwa maelezo ya ripoti yako.');
  });
});

describe("the first message's kind button, tapped again while a report is in progress", () => {
  it('(sw) at the kind question, "🚓 Makosa ya polisi" on the old welcome is taken as the kind: the police list comes next', async () => {
    const u = h.tg.user({ firstName: 'Old welcome at kind', languageCode: 'sw' });
    await u.sendText('/start');
    await u.press('☰ Menyu kwa Kiswahili');
    await u.press('📝 Ripoti tukio');
    expect(lastText(u)).toContain('Unataka kuripoti nini?');
    const before = u.messages().length;
    await u.press('🚓 Makosa ya polisi');
    const after = allTexts(u).slice(before).join('\n');
    expect(lastText(u)).toContain('nini kilitokea? Chagua kilicho karibu zaidi.');
    expect(u.buttons()).toContain('Polisi kuitisha hongo au pesa');
    expect(after).not.toContain('Unataka kuripoti nini?');
  });

  it('(en) further on, the story told, "🚓 Police misconduct" on the old welcome keeps the draft: the question at hand is asked again with its buttons, and the report is sent with the story', async () => {
    const u = h.tg.user({ firstName: 'Old welcome later', languageCode: 'en' });
    await u.sendText('/start');
    await u.press('🚓 Police misconduct');
    await u.press('Bribery or extortion by police');
    await u.press('No');
    await u.sendText('Police asked me for a bribe at the junction near the market.');
    expect(lastText(u)).toContain('In which county');
    const before = u.messages().length;
    await u.press('🚓 Police misconduct');
    const after = allTexts(u).slice(before).join('\n');
    expect(after).toContain('You have a report in progress');
    expect(after).not.toContain('What do you want to report?');
    expect(lastText(u)).toContain('In which county');
    await u.sendText('Nakuru');
    await u.sendText('Naivasha road junction');
    await u.press('Today');
    expect(lastText(u)).toContain('Police asked me for a bribe at the junction near the market.');
  });
});

