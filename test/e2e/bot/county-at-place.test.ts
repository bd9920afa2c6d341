/**
 * Another county's name typed where the place is asked ("Where in Kiambu?" -> "Nairobi", "ilikuwa
 * nrb"): asked whether to change the county, with the question the review asks for a county named
 * in a correction. It was kept as the place ("Nairobi", in Kiambu), where no agency can act. Yes
 * changes it and asks where in the new county; No keeps the place in the words ("Nairobi" of "it
 * was Nairobi", and of "ilikuwa nrb") as the place, said so. The chosen county's own name there ("Nairobi" at "Where in
 * Nairobi City?") is the place, as before.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, lastText, sendTodayAndRead, walkToPlace } from './helpers';
import type { TelegramUser } from '../../support/telegram';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_county_at_place');
});

afterAll(async () => {
  await h?.close();
});

const L = {
  en: {
    change: (county: string) => `Change the county to ${county}?`,
    yes: '✅ Yes, change it',
    keep: (county: string) => `No, it was in ${county}`,
    now: (county: string) => `OK, the county is now ${county}.`,
    whereIn: (county: string) => `Where in ${county}? Type the place`,
    whereInTown: (town: string, county: string) => `${town} is in ${county}. Where in ${town} exactly?`,
    kept: (place: string) => `📍 The place is “${place}”, as you wrote it.`,
    keptRead: (place: string) => `📍 The place is “${place}”. You can change it`,
    asTyped: 'as you wrote it',
    noted: 'Place noted.',
    when: 'When did it happen?',
    typedNo: 'no',
    hello: 'habari',
    greeted: 'Hello 👋 Your report is not sent yet. Please answer the question below first.',
    whoSees: 'who sees this?',
    otherCounty: 'it was Nairobi',
    otherPlace: 'Nairobi',
    actually: 'it was in Nakuru actually',
    today: 'Today',
    review: 'Please check your report',
  },
  sw: {
    change: (county: string) => `Nibadilishe kaunti iwe ${county}?`,
    yes: '✅ Ndio, ibadilishe',
    keep: (county: string) => `Hapana, ni ${county}`,
    now: (county: string) => `Sawa, kaunti sasa ni ${county}.`,
    whereIn: (county: string) => `Ni wapi hasa ndani ya ${county}? Andika mahali`,
    whereInTown: (town: string, county: string) => `${town} iko katika kaunti ya ${county}. Ni wapi hasa huko ${town}?`,
    kept: (place: string) => `📍 Mahali ni “${place}”, kama ulivyoandika.`,
    keptRead: (place: string) => `📍 Mahali ni “${place}”. Unaweza kubadilisha`,
    asTyped: 'kama ulivyoandika',
    noted: 'Sawa, tumepata mahali.',
    when: 'Ilitokea lini?',
    typedNo: 'hapana',
    hello: 'habari',
    greeted: 'Habari 👋 Ripoti yako bado haijatumwa. Tafadhali jibu swali lililo hapa chini kwanza.',
    whoSees: 'wataona jina langu?',
    otherCounty: 'ilikuwa nrb',
    // A county's short form is the county, as the county question reads it: the place is its town, never "nrb".
    otherPlace: 'Nairobi',
    actually: 'kumbe ilikuwa Nakuru',
    today: 'Leo',
    review: 'Tafadhali angalia ripoti yako',
  },
};

type Lang = keyof typeof L;

const atPlace = (lang: Lang, name: string, county: string) => walkToPlace(h.tg, lang, name, county);

/** The bot's last two messages (a note sent with the place keyboard's removal, then the question). */
const lastTwo = (u: Awaited<ReturnType<typeof atPlace>>) => allTexts(u).slice(-2).join('\n\n');

const sendAndRead = (u: TelegramUser, lang: Lang) => sendTodayAndRead(h, u, lang);

describe.each(['en', 'sw'] as const)('another county named where the place is asked (%s)', (lang) => {
  const l = L[lang];

  it('"Nairobi" at "Where in Kiambu?": asked whether to change the county; Yes changes it and asks where in Nairobi City', async () => {
    const u = await atPlace(lang, 'Nairobi at Kiambu', 'Kiambu');
    expect(lastText(u)).toContain(l.whereIn('Kiambu'));
    await u.sendText('Nairobi');
    expect(lastText(u)).toBe(l.change('Nairobi City'));
    expect(u.buttons()).toEqual(expect.arrayContaining([l.yes, l.keep('Kiambu')]));
    await u.press(l.yes);
    expect(lastText(u)).toContain(l.now('Nairobi City'));
    expect(lastText(u)).toContain(l.whereIn('Nairobi City'));
    await u.sendText('Kencom stage');
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 47, place: 'Kencom stage' });
  });

  it('a greeting, then who sees it, while "Change the county to Nairobi City?" waits: each answered, and that question asked again with its Yes/No; Yes still changes it', async () => {
    const u = await atPlace(lang, 'Aside at Kiambu', 'Kiambu');
    await u.sendText('Nairobi');
    await u.sendText(l.hello);
    expect(lastText(u)).toBe(`${l.greeted}\n\n${l.change('Nairobi City')}`);
    expect(u.buttons()).toEqual([l.yes, l.keep('Kiambu')]);
    await u.sendText(l.whoSees);
    expect(lastText(u)).toContain(l.change('Nairobi City'));
    expect(lastText(u)).not.toContain(l.whereIn('Kiambu'));
    expect(u.buttons()).toEqual([l.yes, l.keep('Kiambu')]);
    await u.press(l.yes);
    expect(lastText(u)).toContain(l.now('Nairobi City'));
    expect(lastText(u)).toContain(l.whereIn('Nairobi City'));
    await u.sendText('Kencom stage');
    expect(await sendAndRead(u, lang)).toMatchObject({ county: 47, place: 'Kencom stage' });
  });

  it('"it was Nairobi" / "ilikuwa nrb", then No typed: the county stays, the place in the words ("Nairobi"; "nrb" is Nairobi) is the place, said so (not "as you wrote it")', async () => {
    const u = await atPlace(lang, 'Nrb no', 'Kiambu');
    await u.sendText(l.otherCounty);
    expect(lastText(u)).toBe(l.change('Nairobi City'));
    await u.sendText(l.typedNo);
    expect(lastTwo(u)).toContain(l.keptRead(l.otherPlace));
    expect(lastTwo(u)).not.toContain(l.asTyped);
    expect(lastText(u)).toContain(l.when);
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 22, place: l.otherPlace });
  });

  it('"Nakuru" at "Where in Kiambu?", then No tapped: Nakuru is the place, in Kiambu', async () => {
    const u = await atPlace(lang, 'Nakuru no', 'Kiambu');
    await u.sendText('Nakuru');
    expect(lastText(u)).toBe(l.change('Nakuru'));
    await u.press(l.keep('Kiambu'));
    expect(lastTwo(u)).toContain(l.kept('Nakuru'));
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 22, place: 'Nakuru' });
  });

  it('"Pipeline Nakuru" at "Where in Nairobi City?": an estate with another county is that county, said so, and where in Pipeline asked; the place keeps it', async () => {
    const u = await atPlace(lang, 'Estate other county', 'Nairobi');
    await u.sendText('Pipeline Nakuru');
    expect(lastText(u)).toContain(l.now('Nakuru'));
    expect(lastText(u)).toContain(l.whereInTown('Pipeline', 'Nakuru'));
    await u.sendText('Kencom stage');
    expect(await sendAndRead(u, lang)).toMatchObject({ county: 32, place: 'Kencom stage, Pipeline' });
  });

  it('"Kisumu" (a county named after its town) at "Where in Siaya?": asked too; Yes asks where in Kisumu', async () => {
    const u = await atPlace(lang, 'Kisumu at Siaya', 'Siaya');
    await u.sendText('Kisumu');
    expect(lastText(u)).toBe(l.change('Kisumu'));
    await u.press(l.yes);
    expect(lastText(u)).toContain(l.whereIn('Kisumu'));
  });

  it('said as a correction ("it was in Nakuru actually", "kumbe ilikuwa Nakuru"): the county changed at once, as "sorry it was Nakuru" is', async () => {
    const u = await atPlace(lang, 'Nakuru actually', 'Kiambu');
    await u.sendText(l.actually);
    expect(lastText(u)).toContain(l.now('Nakuru'));
    expect(lastText(u)).toContain(l.whereIn('Nakuru'));
    await u.sendText('Free Area');
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 32, place: 'Free Area' });
  });

  it('the chosen county\'s own name ("Nairobi" at "Where in Nairobi City?") is the place, as before', async () => {
    const u = await atPlace(lang, 'Nairobi at Nairobi', 'Nairobi');
    await u.sendText('Nairobi');
    expect(lastTwo(u)).toContain(l.noted);
    expect(lastText(u)).toContain(l.when);
    const report = await sendAndRead(u, lang);
    expect(report).toMatchObject({ county: 47, place: 'Nairobi' });
  });
});
