/**
 * "Near Githurai" typed where the county is asked: Githurai lies in two counties (Githurai 44 in
 * Nairobi, Githurai 45 in Kiambu). The words are kept as the place and both counties named, on top
 * of the list, as for "Githurai" alone; the tap asks where exactly near it, and the report keeps
 * both. It was kept with no county named, the whole list to search.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { lastText, sendTodayAndRead, walkTo } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_place_two_counties');
});

afterAll(async () => {
  await h?.close();
});

const L = {
  en: {
    typed: 'near Githurai',
    kept: 'Noted: the place is “near Githurai”. There is a Githurai in Nairobi City and one in Kiambu. Tap the right county, or choose another.',
    whereExactly: 'You wrote “near Githurai”, in Kiambu. Where exactly?',
    spot: "the chief's camp",
    when: 'When did it happen?',
  },
  sw: {
    typed: 'karibu na Githurai',
    kept: 'Sawa, mahali ni “karibu na Githurai”. Kuna Githurai katika kaunti ya Nairobi City na nyingine katika kaunti ya Kiambu. Bonyeza kaunti sahihi, au chagua nyingine.',
    whereExactly: 'Umeandika “karibu na Githurai”, katika kaunti ya Kiambu. Ni wapi hasa?',
    spot: 'kambi ya chifu',
    when: 'Ilitokea lini?',
  },
};

describe.each(['en', 'sw'] as const)('near a town in two counties, at the county question (%s)', (lang) => {
  const l = L[lang];

  it(`"${L[lang].typed}": kept as the place, Nairobi City and Kiambu named on top; Kiambu tapped, where exactly near it asked, and the report keeps both`, async () => {
    const u = h.tg.user({ firstName: `Githurai ${lang}`, languageCode: lang });
    await walkTo(u, 'county', lang);
    await u.sendText(l.typed);
    expect(lastText(u)).toBe(l.kept);
    expect(u.buttons().slice(0, 2)).toEqual(['✅ Nairobi City', '✅ Kiambu']);
    await u.press('✅ Kiambu');
    expect(lastText(u)).toContain(l.whereExactly);
    await u.sendText(l.spot);
    expect(lastText(u)).toContain(l.when);
    const report = await sendTodayAndRead(h, u, lang);
    expect(report).toMatchObject({ county: 22, place: `${l.spot}, ${l.typed}` });
  });
});
