/**
 * A town typed before the place is asked ("Kayole" at the first question, "Githurai 45" at the
 * category list), then a county it is not in (Mombasa): the place question is asked, under a note
 * that names the place typed and its county, never "Kayole, Mombasa" kept silently. The county it
 * is in keeps it, as before; so does a place phrase, whose county no list knows.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { BRIBERY_WALK, lastText, placeTypedEarly, sendTodayAndRead, walkTo } from './helpers';
import type { TelegramUser } from '../../support/telegram';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_place_early_county');
});

afterAll(async () => {
  await h?.close();
});

const L = {
  en: {
    ...BRIBERY_WALK.en,
    keptFirst: (place: string) => `📍 Noted: it happened at “${place}”. I will not ask for the place again.`,
    elsewhere: '📍 Earlier you wrote “Kayole”, but that is in Nairobi City, not in Mombasa, so I have not used it as the place. If it happened in Nairobi City, tap ‹ Back to change the county.',
    elsewhereTwo: '📍 Earlier you wrote “Githurai 45”, but that is in Nairobi City or Kiambu, not in Nakuru, so I have not used it as the place. If it happened in one of them, tap ‹ Back to change the county.',
    whereIn: (county: string) => `Where in ${county}? Type the place`,
    keptEarly: (place: string) => `📍 The place is “${place}”, as you wrote it.`,
    countyAsk: 'In which county did it happen?',
    countyNow: (county: string) => `OK, the county is now ${county}.`,
    beaten: ['they beat my brother at the station and broke his arm', 'yes'],
    hurt: ['Yes, they got medical help', 'Not yet'],
    likoniNoted: '📍 Noted: it happened at “Likoni”. That is not in Nairobi City, so I will ask you for the county after these questions.',
    likoniCounty: 'Likoni is in Mombasa — tap it, or choose another county below.',
    place: 'Place:',
    review: 'Please check your report',
  },
  sw: {
    ...BRIBERY_WALK.sw,
    keptFirst: (place: string) => `📍 Nimeandika mahali tukio lilipotokea: “${place}”. Sitakuuliza mahali tena.`,
    elsewhere: '📍 Awali uliandika “Kayole”, lakini mahali hapo ni katika kaunti ya Nairobi City, si Mombasa. Kwa hivyo sijapaandika kama mahali pa tukio. Kama tukio lilitokea Nairobi City, bonyeza ‹ Nyuma ubadilishe kaunti.',
    elsewhereTwo: '📍 Awali uliandika “Githurai 45”, lakini mahali hapo ni katika kaunti ya Nairobi City au Kiambu, si Nakuru. Kwa hivyo sijapaandika kama mahali pa tukio. Kama tukio lilitokea katika mojawapo ya kaunti hizo, bonyeza ‹ Nyuma ubadilishe kaunti.',
    whereIn: (county: string) => `Ni wapi hasa ndani ya ${county}? Andika mahali`,
    keptEarly: (place: string) => `📍 Mahali ni “${place}”, kama ulivyoandika.`,
    countyAsk: 'Ilitokea katika kaunti gani?',
    countyNow: (county: string) => `Sawa, kaunti sasa ni ${county}.`,
    beaten: ['polisi walimpiga kaka yangu kituoni', 'ndio'],
    hurt: ['Ndio, bado hajapata matibabu', 'Bado'],
    likoniNoted: '📍 Nimeandika mahali tukio lilipotokea: “Likoni”. Mahali hapo si katika kaunti ya Nairobi City, kwa hivyo nitakuuliza kaunti baada ya maswali haya.',
    likoniCounty: 'Likoni iko katika kaunti ya Mombasa — ibonyeze, au chagua kaunti nyingine hapa chini.',
    place: 'Mahali:',
    review: 'Tafadhali angalia ripoti yako',
  },
};

type Lang = keyof typeof L;

/** A new report with `place` typed at the first question (`kind`) or at the category list (`cat`), walked to the county question. */
async function typedEarly(lang: Lang, name: string, at: 'kind' | 'cat', place: string) {
  const l = L[lang];
  const u = await placeTypedEarly(h.tg, lang, name, at, place, (v) => expect(lastText(v)).toContain(l.keptFirst(place)));
  expect(lastText(u)).toContain(l.countyAsk);
  return u;
}

const sendAndRead = (u: TelegramUser, lang: Lang) => sendTodayAndRead(h, u, lang);

describe.each(['en', 'sw'] as const)('a town typed early, then the county (%s)', (lang) => {
  const l = L[lang];

  it('"Kayole", then Mombasa: the place is asked under a note naming Kayole and its county; the place typed then is the report\'s', async () => {
    const u = await typedEarly(lang, 'Kayole Mombasa', 'kind', 'Kayole');
    await u.sendText('Mombasa');
    expect(lastText(u)).toContain(l.elsewhere);
    expect(lastText(u)).toContain(l.whereIn('Mombasa'));
    expect(lastText(u)).not.toContain(l.keptEarly('Kayole'));
    await u.sendText('Likoni ferry');
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 1, place: 'Likoni ferry' });
  });

  it('"Kayole", then Mombasa, then Back and Nairobi City: Kayole is the place again, not typed twice', async () => {
    const u = await typedEarly(lang, 'Kayole Back', 'kind', 'Kayole');
    await u.sendText('Mombasa');
    expect(lastText(u)).toContain(l.elsewhere);
    await u.sendText(l.back);
    expect(lastText(u)).toContain(l.countyAsk);
    await u.sendText('Nairobi');
    expect(lastText(u)).toContain(l.keptEarly('Kayole'));
    expect(lastText(u)).not.toContain(l.whereIn('Nairobi City'));
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 47, place: 'Kayole' });
  });

  it('"Kayole", then Mombasa, then "Nairobi" typed where the place is asked: the county changed, and Kayole is the place', async () => {
    const u = await typedEarly(lang, 'Kayole typed', 'kind', 'Kayole');
    await u.sendText('Mombasa');
    expect(lastText(u)).toContain(l.elsewhere);
    await u.sendText('Nairobi');
    expect(lastText(u)).toContain(l.countyNow('Nairobi City'));
    expect(lastText(u)).toContain(l.keptEarly('Kayole'));
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 47, place: 'Kayole' });
  });

  it('"Githurai 45" (Nairobi City or Kiambu), then Nakuru: the note names both counties, and the place is asked', async () => {
    const u = await typedEarly(lang, 'Githurai Nakuru', 'cat', 'Githurai 45');
    await u.sendText('Nakuru');
    expect(lastText(u)).toContain(l.elsewhereTwo);
    expect(lastText(u)).toContain(l.whereIn('Nakuru'));
  });

  it('"Kayole", then Nairobi: kept as the place, the place question not asked', async () => {
    const u = await typedEarly(lang, 'Kayole Nairobi', 'kind', 'Kayole');
    await u.sendText('Nairobi');
    expect(lastText(u)).toContain(l.keptEarly('Kayole'));
    expect(lastText(u)).not.toContain(l.whereIn('Nairobi City'));
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 47, place: 'Kayole' });
  });

  it('"Githurai 45", then Kiambu: kept as the place', async () => {
    const u = await typedEarly(lang, 'Githurai Kiambu', 'cat', 'Githurai 45');
    await u.sendText('Kiambu');
    expect(lastText(u)).toContain(l.keptEarly('Githurai 45'));
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 22, place: 'Githurai 45' });
  });

  it('a place phrase no list knows the county of ("kituo cha polisi cha Kasarani"), then Mombasa: kept as typed, as before', async () => {
    const u = await typedEarly(lang, 'Phrase Mombasa', 'cat', 'kituo cha polisi cha Kasarani');
    await u.sendText('Mombasa');
    expect(lastText(u)).toContain(l.keptEarly('kituo cha polisi cha Kasarani'));
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 1, place: 'kituo cha polisi cha Kasarani' });
  });

  it('"Nairobi", then "Likoni" typed at "was anyone hurt?": Likoni is the place, Nairobi City taken back, and after the injury questions the county is asked with Mombasa on top', async () => {
    const u = h.tg.user({ firstName: `Likoni hurt ${lang}`, languageCode: lang });
    await walkTo(u, 'cat', lang);
    for (const words of l.beaten) await u.sendText(words);
    await u.press(l.no);
    await u.sendText('Nairobi');
    await u.sendText('Likoni');
    expect(lastText(u)).toContain(l.likoniNoted);
    for (const label of l.hurt) await u.press(label);
    expect(lastText(u)).toContain(l.likoniCounty);
    expect(lastText(u)).toContain(l.countyAsk);
    await u.sendText('Mombasa');
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 1, place: 'Likoni' });
  });
});
