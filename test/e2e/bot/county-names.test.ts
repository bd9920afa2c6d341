/** County names in the reporter's language (issue 14): "Pokot Magharibi" for Swahili speakers, typed or tapped. */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { lastText, walkTo } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_county_names');
});

afterAll(async () => {
  await h?.close();
});

it('a Swahili speaker sees and may type "Pokot Magharibi"; the report stores West Pokot (code 24)', async () => {
  const u = h.tg.user({ firstName: 'Chepkemoi', languageCode: 'sw' });
  await walkTo(u, 'county', 'sw');
  // The keyboard's second page lists it under its Swahili name.
  await u.press('Kaunti zaidi ›');
  expect(u.buttons()).toContain('Pokot Magharibi');
  expect(u.buttons()).not.toContain('West Pokot');
  await u.sendText('Kaunti ya Pokot Magaribi'); // a typo: suggested under its Swahili name
  expect(lastText(u)).toContain('Pokot Magharibi');
  await u.press('✅ Pokot Magharibi');
  expect(lastText(u)).toContain('ndani ya Pokot Magharibi');
  await u.sendText('Kapenguria');
  await u.press('Leo');
  expect(lastText(u)).toContain('Pokot Magharibi');
  await u.press('🕶 Tuma bila kutaja jina langu');
  const reporter = await h.store.reporters.findByTelegramUser(u.id);
  expect(await h.store.models.Report.findOne({ reporterId: reporter!._id }).lean()).toMatchObject({ county: 24 });
});

it('an English speaker sees West Pokot, and "Pokot Magharibi" typed is understood', async () => {
  const u = h.tg.user({ firstName: 'Kiprop', languageCode: 'en' });
  await walkTo(u, 'county', 'en');
  await u.press('More counties ›');
  expect(u.buttons()).toContain('West Pokot');
  await u.sendText('Pokot Magharibi');
  expect(lastText(u)).toContain('Where in West Pokot?');
});

it('"Did you mean Kisumu?" answered "ndio" or "YES" takes it; an answer that is no county keeps the suggestion on offer', async () => {
  const u = h.tg.user({ firstName: 'Akoth', languageCode: 'sw' });
  await walkTo(u, 'county', 'sw');
  await u.sendText('kisumo');
  expect(lastText(u)).toContain('Ulimaanisha Kisumu?');
  await u.sendText('ndio');
  expect(lastText(u)).toContain('ndani ya Kisumu');

  const v = h.tg.user({ firstName: 'Peter', languageCode: 'en' });
  await walkTo(v, 'county', 'en');
  await v.sendText('NAKURUU');
  expect(lastText(v)).toContain('Did you mean Nakuru?');
  // The place typed before the county was tapped: not a county, kept as the place and said so; the suggestion stays a tap away.
  await v.sendText('menengai primary');
  expect(lastText(v)).toContain('so I have kept it as the place');
  expect(v.buttons()[0]).toBe('✅ Nakuru');
  await v.sendText('YES');
  // Nakuru taken, and the place not asked again: the day is next.
  expect(lastText(v)).toContain('The place is “menengai primary”');
  expect(lastText(v)).toContain('When did it happen?');
  expect(lastText(v)).not.toContain('Where in Nakuru?');
});
