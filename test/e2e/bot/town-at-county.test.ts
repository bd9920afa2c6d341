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
  en: { place: 'Place:', pin: '📍 shared location', hola: 'Hola is in Tana River. Tap it to go on, or choose another county.', whereInTown: (town: string) => `Where in ${town} exactly?`, whereInCounty: 'Where in Kajiado?', isIn: 'Kitengela is in Kajiado.', today: 'Today', review: 'Please check your report', two: 'There is a Rongai in Kajiado and one in Nakuru.' },
  sw: { place: 'Mahali:', pin: '📍 mahali ulipotuma', hola: 'Hola iko katika kaunti ya Tana River. Ibonyeze ili kuendelea, au chagua kaunti nyingine.', whereInTown: (town: string) => `Ni wapi hasa huko ${town}?`, whereInCounty: 'ndani ya Kajiado?', isIn: 'Kitengela iko katika kaunti ya Kajiado.', today: 'Leo', review: 'Tafadhali angalia ripoti yako', two: 'Kuna Rongai katika kaunti ya Kajiado na nyingine katika kaunti ya Nakuru.' },
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

  it('"Kitengela", then a location shared for where exactly: the report keeps the town with the pin', async () => {
    const u = h.tg.user({ firstName: `Pin ${lang}`, languageCode: lang });
    await walkTo(u, 'county', lang);
    await u.sendText('Kitengela');
    await u.shareLocation(-1.4736, 36.9617);
    await u.press(l.today);
    expect(lastText(u)).toContain(`${l.place} Kitengela, ${l.pin}`);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 34, place: 'Kitengela', location: { lat: -1.4736, lon: 36.9617 } });
  });

  it('"hola" alone may be a greeting: the county question again, with Tana River offered for Hola; tapped, where in Hola', async () => {
    const u = h.tg.user({ firstName: `Hola ${lang}`, languageCode: lang });
    await walkTo(u, 'county', lang);
    await u.sendText('hola');
    expect(lastText(u)).toBe(l.hola);
    expect(u.buttons()).toContain('✅ Tana River');
    await u.press('✅ Tana River');
    expect(lastText(u)).toContain(l.whereInTown('Hola'));
  });

  it('"Rongai": both counties offered for one tap; the tapped one, then where in Rongai', async () => {
    const u = h.tg.user({ firstName: `Rongai ${lang}`, languageCode: lang });
    await walkTo(u, 'county', lang);
    await u.sendText('Rongai');
    expect(lastText(u)).toContain(l.two);
    expect(u.buttons()).toEqual(expect.arrayContaining(['✅ Kajiado', '✅ Nakuru']));
    await u.press('✅ Kajiado');
    expect(lastText(u)).toContain(l.whereInTown('Rongai'));
    // The tapped question says the choice once: "✓ Kajiado", never "✓ ✅ Kajiado".
    const all = allTexts(u);
    expect(all[all.length - 2]).toMatch(/^✓ Kajiado\n\n/);
    await u.sendText('Tuskys stage');
    await u.press(l.today);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 34, place: 'Tuskys stage, Rongai' });
  });
});
