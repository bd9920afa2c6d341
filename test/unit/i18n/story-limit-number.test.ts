import { Translator } from '../../../src/i18n';
import { LIMITS } from '../../../src/domain';

/**
 * The story limit as a reporter reads it: "12,000" in English and in Swahili (as Kenyans write
 * it, the comma between thousands), never "12000", wherever it is shown.
 */
describe('the story limit shown to a reporter', () => {
  let t: Translator;
  beforeAll(async () => {
    t = await Translator.create();
  });

  it('reads "12,000" when the story is too long, with the length written the same way', () => {
    const vars = { length: 12345, max: LIMITS.descriptionMaxChars };
    expect(t.t('en', 'bot:desc.too_long', vars)).toContain('That is too long: 12,345 characters. We can take up to 12,000.');
    expect(t.t('sw', 'bot:desc.too_long', vars)).toContain('herufi 12,345. Tunaweza kupokea hadi herufi 12,000.');
  });

  it('reads "12,000" when the story is full and words were not added', () => {
    const vars = { max: LIMITS.descriptionMaxChars, words: 'pia walichukua simu' };
    expect(t.t('en', 'bot:desc.full', vars)).toContain('its limit of 12,000 characters');
    expect(t.t('sw', 'bot:desc.full', vars)).toContain('kikomo cha herufi 12,000,');
  });
});
