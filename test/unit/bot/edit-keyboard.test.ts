/** The review's "what do you want to change?" keyboard: every label whole on a 360 px phone, in both languages. */
import { editKeyboard, reviewKeyboard } from '../../../src/bot/keyboards';
import { Translator, type Lang } from '../../../src/i18n';

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.create();
});

const t = (lang: Lang) => (key: string, vars?: Record<string, unknown>) => translator.t(lang, key.includes(':') ? key : `bot:${key}`, vars);
const rows = (k: ReturnType<typeof editKeyboard>) => k.reply_markup.inline_keyboard.map((row) => row.map((b) => b.text));
/** Characters a label may have and still show whole on a 360 px phone, by buttons in its row. */
const FITS: Record<number, number> = { 1: 32, 2: 20, 3: 14 };

describe('editKeyboard', () => {
  it.each([
    ['en', false, [['Type', 'Danger', 'Story'], ['Place', 'When'], ['🕵️ Details for the agency'], ['‹ Keep it as it is']]],
    ['sw', false, [['Aina', 'Hatari', 'Kilichotokea'], ['Mahali', 'Lini'], ['🕵️ Maelezo kwa taasisi'], ['‹ Iache kama ilivyo']]],
    ['en', true, [['Type', 'Danger', 'Story'], ['Injuries', 'Place', 'When'], ['🕵️ Details for the agency'], ['‹ Keep it as it is']]],
    ['sw', true, [['Aina', 'Hatari', 'Kilichotokea'], ['Majeraha', 'Mahali', 'Lini'], ['🕵️ Maelezo kwa taasisi'], ['‹ Iache kama ilivyo']]],
  ] as const)('%s (injuries asked: %s): the details for the agency on a row of their own, named as on the review', (lang, injuries, expected) => {
    const k = editKeyboard(t(lang), 'd1', injuries);
    expect(rows(k)).toEqual(expected);
    // The same words as the review's own button for them, so the reporter knows them again.
    const review = reviewKeyboard(t(lang), 'd1').reply_markup.inline_keyboard.flat().map((b) => b.text);
    const details = rows(k).flat().find((l) => l.startsWith('🕵️'))!;
    expect(review.find((l) => l.startsWith('🕵️'))!.toLowerCase()).toContain(details.slice('🕵️ '.length).toLowerCase());
  });

  it.each(['en', 'sw'] as const)('%s: no label is cut off on a 360 px phone', (lang) => {
    for (const injuries of [false, true]) {
      const tooLong = rows(editKeyboard(t(lang), 'd1', injuries)).flatMap((row) => row.filter((label) => [...label].length > FITS[row.length]));
      expect(tooLong).toEqual([]);
    }
  });
});
