/**
 * "Mama Ngina Drive" typed where the county is asked: a name and a kind of place (a drive, a hill,
 * a police station), kept as the place for the county given next, which then asks nothing more of
 * where. It went into the story, and where it happened was asked again after the county.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { lastText, sendTodayAndRead, walkTo } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_place_nouns');
});

afterAll(async () => {
  await h?.close();
});

const L = {
  en: { kept: '📍 I do not know a county called “Mama Ngina Drive”, so I have kept it as the place.', when: 'When did it happen?' },
  sw: { kept: '📍 Sijui kaunti inayoitwa “Mama Ngina Drive”, kwa hivyo nimeiandika kama mahali.', when: 'Ilitokea lini?' },
};

describe.each(['en', 'sw'] as const)('a place named by a name and a kind of place, at the county question (%s)', (lang) => {
  const l = L[lang];

  it('"Mama Ngina Drive": kept as the place, never the story; "Mombasa" typed next, the day is asked and the report keeps both', async () => {
    const u = h.tg.user({ firstName: `Mama Ngina ${lang}`, languageCode: lang });
    await walkTo(u, 'county', lang);
    await u.sendText('Mama Ngina Drive');
    expect(lastText(u)).toContain(l.kept);
    await u.sendText('Mombasa');
    expect(lastText(u)).toContain(l.when);
    const report = await sendTodayAndRead(h, u, lang);
    expect(report).toMatchObject({ county: 1, place: 'Mama Ngina Drive', description: { text: 'Police asked me for a bribe at the junction.' } });
  });
});
