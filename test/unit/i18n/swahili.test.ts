import { Translator } from '../../../src/i18n';

/**
 * Swahili that a reporter reads, checked where a past translation read wrong. A verb whose object
 * is a thing already named ("eneo bunge hilo", "ujumbe huo") carries that thing's object marker, as
 * "Sikuipata kaunti hiyo" does: without it the sentence reads as word-for-word English.
 */
describe('Swahili texts a reporter reads', () => {
  let t: Translator;
  beforeAll(async () => {
    t = await Translator.create();
  });

  it('mark the object already named: the constituency or ward not found, the story to shorten', () => {
    expect(t.t('sw', 'bot:details.const.unknown', { county: 'Nakuru' })).toMatch(/^Sikulipata eneo bunge hilo katika Nakuru\./);
    expect(t.t('sw', 'bot:details.ward.unknown')).toMatch(/^Sikuipata wadi hiyo\./);
    expect(t.t('sw', 'bot:desc.too_long', { length: 12001, max: 12000 })).toContain('Tafadhali uufupishe;');
  });
});

describe('Swahili texts staff read (the console, the notices to supervisors on Telegram)', () => {
  it('name the person who reported "mripoti" (plural "waripoti") everywhere, never also "mtoa ripoti"', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const texts = ['console', 'triage', 'notices'].map((ns) => JSON.stringify(require(`../../../locales/sw/${ns}.json`))).join('\n');
    expect(texts.match(/\b(mtoa|watoa) ripoti[^"]{0,30}/gi) ?? []).toEqual([]);
  });
});
