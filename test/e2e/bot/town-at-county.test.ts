/**
 * A town typed where the county is asked ("Kitengela", "Rongai"): the county is known from it, and
 * the place question asks where in that town, so the reporter never names it twice; the report
 * stores the county and the spot with the town.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, lastText, referenceIn, SEND_ANONYMOUSLY, walkTo } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_town_at_county');
});

afterAll(async () => {
  await h?.close();
});

const L = {
  en: { whereInTown: (town: string) => `Where in ${town} exactly?`, whereInCounty: 'Where in Kajiado?', isIn: 'Kitengela is in Kajiado.', today: 'Today', review: 'Please check your report', two: 'There is a Rongai in Kajiado and one in Nakuru.' },
  sw: { whereInTown: (town: string) => `Ni wapi hasa huko ${town}?`, whereInCounty: 'ndani ya Kajiado?', isIn: 'Kitengela iko katika kaunti ya Kajiado.', today: 'Leo', review: 'Tafadhali angalia ripoti yako', two: 'Kuna Rongai katika kaunti ya Kajiado na nyingine katika kaunti ya Nakuru.' },
};

describe.each(['en', 'sw'] as const)('a town at the county question (%s)', (lang) => {
  const l = L[lang];

  it('"Kitengela": Kajiado, then where in Kitengela; the report keeps the spot with the town', async () => {
    const u = h.tg.user({ firstName: `Town ${lang}`, languageCode: lang });
    await walkTo(u, 'county', lang);
    await u.sendText('Kitengela');
    expect(lastText(u)).toContain(l.isIn);
    expect(lastText(u)).toContain(l.whereInTown('Kitengela'));
    await u.sendText('Opposite the Total petrol station');
    await u.press(l.today);
    expect(lastText(u)).toContain(l.review);
    expect(lastText(u)).toContain('Opposite the Total petrol station, Kitengela');
    // Never asked for the county's place as if the town had not been said.
    expect(allTexts(u).some((t) => t.includes(l.whereInCounty))).toBe(false);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 34, place: 'Opposite the Total petrol station, Kitengela' });
  });

  it('"Rongai": both counties offered for one tap; the tapped one, then where in Rongai', async () => {
    const u = h.tg.user({ firstName: `Rongai ${lang}`, languageCode: lang });
    await walkTo(u, 'county', lang);
    await u.sendText('Rongai');
    expect(lastText(u)).toContain(l.two);
    expect(u.buttons()).toEqual(expect.arrayContaining(['✅ Kajiado', '✅ Nakuru']));
    await u.press('✅ Kajiado');
    expect(lastText(u)).toContain(l.whereInTown('Rongai'));
    await u.sendText('Tuskys stage');
    await u.press(l.today);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 34, place: 'Tuskys stage, Rongai' });
  });
});
