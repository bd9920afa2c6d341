/**
 * Where it happened, given before the place question: a location pin shared at the county
 * question is kept (the county is still asked: it cannot be told from the pin here) and the place
 * question is not asked for it again; and "✏️ Change" -> "Place" offers the county already given
 * first, so changing only the spot is one tap on the county, not a search through the list.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { lastText, referenceIn, SEND_ANONYMOUSLY, walkTo } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_place_before_asked');
});

afterAll(async () => {
  await h?.close();
});

const L = {
  en: {
    kept: '📍 Thank you, I have kept your location: it will go with your report. I still need the county, as I cannot tell it from the location.\n\nIn which county did it happen? Tap it, or type its name.',
    used: '📍 I will use the location you shared as the place of your report.',
    whenAsk: 'When did it happen?',
    place: 'Place:',
    pin: '📍 shared location',
    today: 'Today',
    change: '✏️ Change',
    placeButton: 'Place',
    askEdit: 'In which county did it happen? Tap ✅ Nakuru to keep it and change only the place, or choose another county.',
    whereIn: 'Where in Nakuru?',
    review: 'Please check your report',
    keptFirst: '📍 Thank you, I have kept your location: it will go with your report. Please answer the question below first.',
    dangerAsk: 'Is someone in danger right now?',
    yes: '🚨 Yes',
    story: 'They are beating my friend at the roadblock right now.',
    county: 'Nairobi',
  },
  sw: {
    kept: '📍 Asante, nimehifadhi mahali ulipo: patatumwa pamoja na ripoti yako. Bado nahitaji kujua kaunti, kwa sababu siwezi kuitambua kutoka kwa mahali ulipotuma.\n\nIlitokea katika kaunti gani? Bonyeza kaunti, au andika jina lake.',
    used: '📍 Nitatumia mahali ulipotuma kama mahali pa tukio kwenye ripoti yako.',
    whenAsk: 'Ilitokea lini?',
    place: 'Mahali:',
    pin: '📍 mahali ulipotuma',
    today: 'Leo',
    change: '✏️ Badilisha',
    placeButton: 'Mahali',
    askEdit: 'Ilitokea katika kaunti gani? Bonyeza ✅ Nakuru ili kubaki na kaunti hiyo na kubadilisha mahali tu, au chagua kaunti nyingine.',
    whereIn: 'ndani ya Nakuru?',
    review: 'Tafadhali angalia ripoti yako',
    keptFirst: '📍 Asante, nimehifadhi mahali ulipo: patatumwa pamoja na ripoti yako. Tafadhali jibu swali lililo hapa chini kwanza.',
    dangerAsk: 'Je, kuna mtu yuko hatarini sasa hivi?',
    yes: '🚨 Ndio',
    story: 'Wanampiga rafiki yangu kwenye kizuizi cha barabarani sasa hivi.',
    county: 'Nairobi',
  },
};

describe.each(['en', 'sw'] as const)('where, given before the place question (%s)', (lang) => {
  const l = L[lang];

  it('a location shared at the county question is kept; the county asked again, then not the place; the report carries the pin', async () => {
    const u = h.tg.user({ firstName: `Early pin ${lang}`, languageCode: lang });
    await walkTo(u, 'county', lang);
    await u.shareLocation(-0.3031, 36.08);
    expect(lastText(u)).toBe(l.kept);
    await u.sendText('Nakuru');
    expect(lastText(u)).toContain(l.used);
    expect(lastText(u)).toContain(l.whenAsk);
    await u.press(l.today);
    expect(lastText(u)).toContain(`${l.place} ${l.pin}`);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 32, location: { lat: -0.3031, lon: 36.08 } });
  });

  it('a location shared at "is someone in danger?" (before any story) is kept, not "not understood": the question stays, and the pin is the place', async () => {
    const u = h.tg.user({ firstName: `Danger pin ${lang}`, languageCode: lang });
    await walkTo(u, 'danger', lang);
    await u.shareLocation(-1.2648, 36.7465);
    expect(lastText(u)).toContain(l.keptFirst);
    expect(lastText(u)).toContain(l.dangerAsk);
    await u.press(l.yes);
    await u.sendText(l.story);
    await u.sendText(l.county);
    expect(lastText(u)).toContain(l.used);
    await u.press(l.today);
    expect(lastText(u)).toContain(`${l.place} ${l.pin}`);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 47, dangerNow: true, location: { lat: -1.2648, lon: 36.7465 } });
  });

  it('"Change" -> "Place": the county already given is the first button; one tap keeps it and asks where in it', async () => {
    const u = h.tg.user({ firstName: `Change place ${lang}`, languageCode: lang });
    await walkTo(u, 'review', lang);
    await u.press(l.change);
    await u.press(l.placeButton);
    expect(lastText(u)).toBe(`✓ ${l.placeButton}\n\n${l.askEdit}`);
    expect(u.buttons()[0]).toBe('✅ Nakuru');
    await u.press('✅ Nakuru');
    expect(lastText(u)).toContain(l.whereIn);
    await u.sendText('Kenyatta avenue, opposite the market');
    expect(lastText(u)).toContain(l.review);
    expect(lastText(u)).toContain(`${l.place} Kenyatta avenue, opposite the market`);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 32, place: 'Kenyatta avenue, opposite the market' });
  });
});
