/**
 * A known town of another county typed where the place is asked ("Thika" at "Where in Nakuru?",
 * "Kayole" at "Where in Mombasa?"): asked whether to change the county to the town's, with the
 * question asked for another county's name there. It was saved silently as the place in the county
 * chosen, where no agency can act. Yes changes the county and keeps the town as the place; No keeps
 * the county and the town as the place. A town in two counties ("Githurai 45") names both, and Yes
 * opens the county question with both on top. A town of the county chosen, and a place phrase
 * ("Thika road", "stage ya Thika"), are the place, as before.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, lastText, referenceIn, SEND_ANONYMOUSLY, sendTodayAndRead, walkToPlace } from './helpers';
import type { TelegramUser } from '../../support/telegram';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_town_at_place');
});

afterAll(async () => {
  await h?.close();
});

const L = {
  en: {
    change: (county: string) => `Change the county to ${county}?`,
    two: 'Githurai 45 is in Nairobi City or Kiambu, not in Nakuru. Change the county?',
    yes: '✅ Yes, change it',
    keep: (county: string) => `No, it was in ${county}`,
    now: (county: string) => `OK, the county is now ${county}.`,
    kept: (place: string) => `📍 The place is “${place}”, as you wrote it.`,
    keptRead: (place: string) => `📍 The place is “${place}”. You can change it`,
    asTyped: 'as you wrote it',
    githurai: 'Githurai 45 is in Nairobi City or Kiambu — tap the right one, or choose another county below.',
    noted: 'Place noted.',
    when: 'When did it happen?',
    typedNo: 'no',
    callHelp: 'can you call the police?',
    elsewhere: '📍 Earlier you wrote “Githurai 45”, but that is in Nairobi City or Kiambu, not in Mombasa',
    whereInMombasa: 'Where in Mombasa?',
    back: '‹ Back',
    today: 'Today',
    review: 'Please check your report',
    saidThika: 'it was in Thika',
    placeLine: 'Place:',
  },
  sw: {
    change: (county: string) => `Nibadilishe kaunti iwe ${county}?`,
    two: 'Githurai 45 iko katika kaunti ya Nairobi City au Kiambu, si Nakuru. Nibadilishe kaunti?',
    yes: '✅ Ndio, ibadilishe',
    keep: (county: string) => `Hapana, ni ${county}`,
    now: (county: string) => `Sawa, kaunti sasa ni ${county}.`,
    kept: (place: string) => `📍 Mahali ni “${place}”, kama ulivyoandika.`,
    keptRead: (place: string) => `📍 Mahali ni “${place}”. Unaweza kubadilisha`,
    asTyped: 'kama ulivyoandika',
    githurai: 'Githurai 45 iko katika kaunti ya Nairobi City au Kiambu — bonyeza iliyo sahihi, au chagua kaunti nyingine hapa chini.',
    noted: 'Sawa, tumepata mahali.',
    when: 'Ilitokea lini?',
    typedNo: 'hapana',
    callHelp: 'mnaweza kuita polisi?',
    elsewhere: '📍 Awali uliandika “Githurai 45”, lakini mahali hapo ni katika kaunti ya Nairobi City au Kiambu, si Mombasa',
    whereInMombasa: 'Ni wapi hasa ndani ya Mombasa?',
    back: '‹ Nyuma',
    today: 'Leo',
    review: 'Tafadhali angalia ripoti yako',
    saidThika: 'ni Thika',
    placeLine: 'Mahali:',
  },
};

type Lang = keyof typeof L;

const atPlace = (lang: Lang, name: string, county: string) => walkToPlace(h.tg, lang, name, county);

/** The bot's messages since the `n`th, joined (a tapped question's message is edited to its answer, and counts once). */
const since = (u: Awaited<ReturnType<typeof atPlace>>, n: number) => allTexts(u).slice(n).join('\n\n');

const sendAndRead = (u: TelegramUser, lang: Lang) => sendTodayAndRead(h, u, lang);

describe.each(['en', 'sw'] as const)('a town of another county typed where the place is asked (%s)', (lang) => {
  const l = L[lang];

  it('"Thika" at "Where in Nakuru?": asked to change the county to Kiambu; Yes changes it and keeps Thika as the place', async () => {
    const u = await atPlace(lang, 'Thika at Nakuru', 'Nakuru');
    const n = allTexts(u).length;
    await u.sendText('Thika');
    expect(lastText(u)).toBe(l.change('Kiambu'));
    expect(u.buttons()).toEqual([l.yes, l.keep('Nakuru')]);
    await u.press(l.yes);
    expect(since(u, n)).toContain(l.now('Kiambu'));
    expect(since(u, n)).toContain(l.kept('Thika'));
    expect(lastText(u)).toContain(l.when);
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 22, place: 'Thika' });
  });

  it('"it was in Thika" / "ni Thika" at "Where in Nakuru?": asked to change the county to Kiambu, as for "Thika"; the reply (not "as you wrote it"), the review and the report say only "Thika"', async () => {
    const u = await atPlace(lang, 'Said Thika', 'Nakuru');
    const n = allTexts(u).length;
    await u.sendText(l.saidThika);
    expect(lastText(u)).toBe(l.change('Kiambu'));
    await u.press(l.yes);
    expect(since(u, n)).toContain(l.keptRead('Thika'));
    expect(since(u, n)).not.toContain(l.asTyped);
    await u.press(l.today);
    expect(lastText(u)).toContain(l.review);
    expect(lastText(u)).toContain(`${l.placeLine} Thika\n`);
    await u.press(SEND_ANONYMOUSLY[lang]);
    expect(await h.store.reports.findByReference(referenceIn(lastText(u)))).toMatchObject({ county: 22, place: 'Thika' });
  });

  it('"Kayole" at "Where in Mombasa?", then No typed: the county stays, Kayole is the place, said so', async () => {
    const u = await atPlace(lang, 'Kayole at Mombasa', 'Mombasa');
    await u.sendText('Kayole');
    expect(lastText(u)).toBe(l.change('Nairobi City'));
    const n = allTexts(u).length;
    await u.sendText(l.typedNo);
    expect(since(u, n)).toContain(l.kept('Kayole'));
    expect(lastText(u)).toContain(l.when);
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 1, place: 'Kayole' });
  });

  it('"Githurai 45" (in two counties) at "Where in Nakuru?": both named; Yes offers both on top, the tap keeps it as the place', async () => {
    const u = await atPlace(lang, 'Githurai at Nakuru', 'Nakuru');
    await u.sendText('Githurai 45');
    expect(lastText(u)).toBe(l.two);
    expect(u.buttons()).toEqual([l.yes, l.keep('Nakuru')]);
    await u.press(l.yes);
    expect(lastText(u)).toContain(l.githurai);
    expect(u.buttons().slice(0, 2)).toEqual(['✅ Nairobi City', '✅ Kiambu']);
    await u.press('✅ Kiambu');
    expect(lastText(u)).toContain(l.kept('Githurai 45'));
    expect(lastText(u)).toContain(l.when);
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 22, place: 'Githurai 45' });
  });

  it('"Githurai 45" at "Where in Nakuru?", then "can you call the police?": answered (999, 112), and both counties asked about again with the Yes/No', async () => {
    const u = await atPlace(lang, 'Githurai aside', 'Nakuru');
    await u.sendText('Githurai 45');
    await u.sendText(l.callHelp);
    expect(lastText(u)).toContain('999');
    expect(lastText(u).endsWith(l.two)).toBe(true);
    expect(u.buttons()).toEqual([l.yes, l.keep('Nakuru')]);
    await u.press(l.yes);
    expect(lastText(u)).toContain(l.githurai);
  });

  it('"Githurai 45" at "Where in Nakuru?", Yes, then a third county (Mombasa): the town set aside, said so; Back and Kiambu keep it as the place, never typed twice', async () => {
    const u = await atPlace(lang, 'Githurai third', 'Nakuru');
    await u.sendText('Githurai 45');
    await u.press(l.yes);
    await u.press('Mombasa');
    expect(lastText(u)).toContain(l.elsewhere);
    expect(lastText(u)).toContain(l.whereInMombasa);
    await u.sendText(l.back);
    expect(lastText(u)).toContain(l.githurai);
    await u.press('✅ Kiambu');
    expect(lastText(u)).toContain(l.kept('Githurai 45'));
    expect(await sendAndRead(u, lang)).toMatchObject({ county: 22, place: 'Githurai 45' });
  });

  it('"Githurai 45" at "Where in Nakuru?", then No tapped: kept as the place in Nakuru', async () => {
    const u = await atPlace(lang, 'Githurai no', 'Nakuru');
    await u.sendText('Githurai 45');
    await u.press(l.keep('Nakuru'));
    expect(lastText(u)).toContain(l.when);
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 32, place: 'Githurai 45' });
  });

  it('a town of the county chosen ("Thika" at "Where in Kiambu?") and a place phrase ("Thika road" at "Where in Nakuru?") are the place, as before', async () => {
    const u = await atPlace(lang, 'Thika at Kiambu', 'Kiambu');
    const n = allTexts(u).length;
    await u.sendText('Thika');
    expect(since(u, n)).toContain(l.noted);
    expect(lastText(u)).toContain(l.when);
    expect(await sendAndRead(u, lang)).toMatchObject({ county: 22, place: 'Thika' });

    const v = await atPlace(lang, 'Thika road', 'Nakuru');
    await v.sendText(lang === 'en' ? 'Thika road' : 'stage ya Thika');
    expect(lastText(v)).toContain(l.when);
    expect(await sendAndRead(v, lang)).toMatchObject({ county: 32, place: lang === 'en' ? 'Thika road' : 'stage ya Thika' });
  });
});
