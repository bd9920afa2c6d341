/** The date question's keyboard: a day the story names offered as a button of its own, in both languages, whole on a 360 px phone. */
import { whenKeyboard } from '../../../src/bot/keyboards';
import { Translator, type Lang } from '../../../src/i18n';

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.create();
});

const t = (lang: Lang) => (key: string, vars?: Record<string, unknown>) => translator.t(lang, key.includes(':') ? key : `bot:${key}`, vars);
const buttons = (k: ReturnType<typeof whenKeyboard>) => k.reply_markup.inline_keyboard.map((row) => row.map((b) => ({ text: b.text, data: 'callback_data' in b ? b.callback_data : undefined })));
// Wednesday 25 November 2026, the start of that day in Nairobi.
const WEDNESDAY = Date.parse('2026-11-24T21:00:00Z');

describe('whenKeyboard', () => {
  it.each([
    ['en', '✅ Yes, 25/11/2026'],
    ['sw', '✅ Ndio, 25/11/2026'],
  ] as const)('%s: the day the story names is the first button, on a row of its own, above the usual ones', (lang, label) => {
    const k = buttons(whenKeyboard(t(lang), 'd1', undefined, WEDNESDAY));
    const plain = buttons(whenKeyboard(t(lang), 'd1'));
    expect(k[0]).toEqual([{ text: label, data: expect.stringContaining('s20261125') }]);
    expect(k.slice(1)).toEqual(plain);
    expect([...label].length).toBeLessThanOrEqual(32);
  });

  it('the offer above the question names the button', async () => {
    expect(translator.t('en', 'bot:when.offer_date', { words: 'on Wednesday', date: '25/11/2026' })).toContain('tap ✅ Yes');
    expect(translator.t('sw', 'bot:when.offer_date', { words: 'Jumatano', date: '25/11/2026' })).toContain('bonyeza ✅ Ndio');
  });
});
