/**
 * A person's name typed where the county is asked ("Brian Otieno"): it was kept as the report's
 * place, and staff read a person's name (the reporter's own, maybe) there, on an anonymous report
 * too. It is the county asked again with its buttons, and where in the county asked after the tap.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, lastText, referenceIn, SEND_ANONYMOUSLY, walkTo } from './helpers';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_person_at_county');
});

afterAll(async () => {
  await h?.close();
});

it('"Brian Otieno" at the county question, sent anonymously: the county asked again, no such place kept, shown or stored', async () => {
  const u = h.tg.user({ firstName: 'Wekesa', languageCode: 'en' });
  await walkTo(u, 'county', 'en');
  await u.sendText('Brian Otieno');
  expect(lastText(u)).toBe('I do not know that county. Please choose it from the list.');
  expect(u.buttons()).toContain('Kilifi');
  await u.press('Kilifi');
  // Where in Kilifi is asked: nothing was kept as the place.
  expect(lastText(u)).toContain('Where in Kilifi?');
  await u.sendText('Near the main stage');
  await u.press('Today');
  expect(lastText(u)).toContain('Please check your report');
  expect(lastText(u)).toContain('Place: Near the main stage');
  await u.press(SEND_ANONYMOUSLY.en);
  expect(allTexts(u).filter((t) => t.includes('Brian Otieno'))).toEqual([]);
  const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
  expect(report).toMatchObject({ county: 3, place: 'Near the main stage' });
});
