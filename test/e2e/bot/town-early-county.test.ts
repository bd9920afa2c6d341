/**
 * A town or estate typed before the county is asked ("Kayole" at the first question, "Githurai 45"
 * at the category list): the county question then offers its county (or its two) for one tap, on
 * top of the whole list, under a line that says so; the tap keeps the town as the place. A place
 * phrase whose county no list knows ("kituo cha polisi cha Kasarani") gets the question as before.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { BRIBERY_WALK, lastText, placeTypedEarly, sendTodayAndRead } from './helpers';
import type { TelegramUser } from '../../support/telegram';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_town_early_county');
});

afterAll(async () => {
  await h?.close();
});

const L = {
  en: {
    ...BRIBERY_WALK.en,
    more: 'More counties ›',
    yes: 'yes',
    ask: 'In which county did it happen? Tap it, or type its name.',
    kayole: 'Kayole is in Nairobi City — tap it, or choose another county below.',
    githurai: 'Githurai 45 is in Nairobi City or Kiambu — tap the right one, or choose another county below.',
    keptEarly: (place: string) => `📍 The place is “${place}”, as you wrote it.`,
    elsewhere: '📍 Earlier you wrote “Kayole”, but that is in Nairobi City, not in Mombasa',
    review: 'Please check your report',
  },
  sw: {
    ...BRIBERY_WALK.sw,
    more: 'Kaunti zaidi ›',
    yes: 'ndio',
    ask: 'Ilitokea katika kaunti gani? Bonyeza kaunti, au andika jina lake.',
    kayole: 'Kayole iko katika kaunti ya Nairobi City — ibonyeze, au chagua kaunti nyingine hapa chini.',
    githurai: 'Githurai 45 iko katika kaunti ya Nairobi City au Kiambu — bonyeza iliyo sahihi, au chagua kaunti nyingine hapa chini.',
    keptEarly: (place: string) => `📍 Mahali ni “${place}”, kama ulivyoandika.`,
    elsewhere: '📍 Awali uliandika “Kayole”, lakini mahali hapo ni katika kaunti ya Nairobi City, si Mombasa',
    review: 'Tafadhali angalia ripoti yako',
  },
};

type Lang = keyof typeof L;

/** A new report with `place` typed at the first question (`kind`) or at the category list (`cat`), walked to the county question. */
const typedEarly = (lang: Lang, name: string, at: 'kind' | 'cat', place: string) => placeTypedEarly(h.tg, lang, name, at, place);

const sendAndRead = (u: TelegramUser, lang: Lang) => sendTodayAndRead(h, u, lang);

describe.each(['en', 'sw'] as const)('a town typed early, at the county question (%s)', (lang) => {
  const l = L[lang];

  it('"Kayole": Nairobi City offered on top of the whole list, under a line naming it; one tap keeps Kayole as the place', async () => {
    const u = await typedEarly(lang, 'Kayole offered', 'kind', 'Kayole');
    expect(lastText(u)).toBe(`${l.kayole}\n\n${l.ask}`);
    expect(u.buttons()[0]).toBe('✅ Nairobi City');
    expect(u.buttons()).toEqual(expect.arrayContaining(['Mombasa', 'Kwale', l.more]));
    await u.press('✅ Nairobi City');
    expect(lastText(u)).toContain(l.keptEarly('Kayole'));
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 47, place: 'Kayole' });
  });

  it('"Kayole", then "yes" typed to the county offered: Nairobi City, and Kayole kept as the place', async () => {
    const u = await typedEarly(lang, 'Kayole yes', 'kind', 'Kayole');
    await u.sendText(l.yes);
    expect(lastText(u)).toContain(l.keptEarly('Kayole'));
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 47, place: 'Kayole' });
  });

  it('"Kayole", then another page of counties: Nairobi City stays on top; another county can still be chosen', async () => {
    const u = await typedEarly(lang, 'Kayole paged', 'kind', 'Kayole');
    await u.press(l.more);
    expect(lastText(u)).toBe(`${l.kayole}\n\n${l.ask}`);
    expect(u.buttons()[0]).toBe('✅ Nairobi City');
    await u.sendText('Mombasa');
    expect(lastText(u)).toContain(l.elsewhere);
  });

  it('"Kayole", then Mombasa, then Back: Nairobi City offered again for the place set aside', async () => {
    const u = await typedEarly(lang, 'Kayole back', 'kind', 'Kayole');
    await u.press('Mombasa');
    expect(lastText(u)).toContain(l.elsewhere);
    await u.sendText(l.back);
    expect(lastText(u)).toContain(`${l.kayole}\n\n${l.ask}`);
    expect(u.buttons()[0]).toBe('✅ Nairobi City');
    await u.press('✅ Nairobi City');
    expect(lastText(u)).toContain(l.keptEarly('Kayole'));
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 47, place: 'Kayole' });
  });

  it('"Githurai 45" (Nairobi City or Kiambu): both offered; Kiambu tapped keeps Githurai 45 as the place', async () => {
    const u = await typedEarly(lang, 'Githurai offered', 'cat', 'Githurai 45');
    expect(lastText(u)).toBe(`${l.githurai}\n\n${l.ask}`);
    expect(u.buttons().slice(0, 2)).toEqual(['✅ Nairobi City', '✅ Kiambu']);
    expect(u.buttons()).toEqual(expect.arrayContaining(['Mombasa', l.more]));
    await u.press('✅ Kiambu');
    expect(lastText(u)).toContain(l.keptEarly('Githurai 45'));
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 22, place: 'Githurai 45' });
  });

  it('a place phrase no list knows the county of ("kituo cha polisi cha Kasarani"): the county question as before, nothing offered', async () => {
    const u = await typedEarly(lang, 'Phrase asked', 'cat', 'kituo cha polisi cha Kasarani');
    expect(lastText(u)).toBe(l.ask);
    expect(u.buttons()[0]).toBe('Mombasa');
  });
});
