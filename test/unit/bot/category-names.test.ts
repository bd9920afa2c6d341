/**
 * A reporter finds a category by its button name, so every text they read names it that way: the
 * review, the "which report?" buttons and the question to change it at the review. The review said
 * "Kukamatwa au kuzuiliwa kinyume cha sheria" after the button "Kukamatwa au kuzuiliwa kiharamu".
 */
import type { Draft } from '../../../src/bot/session';
import { pickReportKeyboard } from '../../../src/bot/keyboards';
import { reviewText } from '../../../src/bot/wizard/render';
import { CATEGORIES } from '../../../src/domain';
import { Translator, type Lang } from '../../../src/i18n';

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.create();
});

const t = (lang: Lang) => (key: string, vars?: Record<string, unknown>) => translator.t(lang, key.includes(':') ? key : `bot:${key}`, vars);
const draft = (category: string): Draft => ({ id: 'dRaFt0000001', step: 'review', kind: category.startsWith('e_') ? 'election' : 'police', category, danger: false, county: 47, place: 'Kayole', when: 'today', incidentAt: Date.UTC(2026, 10, 28), text: 'Walinikamata bila sababu.' }) as Draft;
const codes = CATEGORIES.map((c) => c.code);

describe('a category read by a reporter', () => {
  it.each(['en', 'sw'] as const)('is named on the review as on its button (%s)', (lang) => {
    for (const code of codes) expect(reviewText(t(lang), draft(code), lang)).toContain(` ${translator.t(lang, `common:categoryButton.${code}`)}\n`);
  });

  it('is named on the "which report?" buttons as on its button', () => {
    const k = pickReportKeyboard(t('sw'), [{ reportId: 'r1', reference: 'R-AAAA-0001', category: 'p_arrest', createdAt: new Date('2026-11-28T09:30:00Z'), anonymous: true }]);
    expect(k.reply_markup.inline_keyboard.flat().map((b) => b.text)).toEqual(['R-AAAA-0001 · Kukamatwa kinyume cha sheria · 28/11/2026 · 🕶']);
  });

  it('says "kinyume cha sheria" (against the law), not "kiharamu", and shows whole on a 360 px phone (32 characters)', () => {
    expect(translator.t('sw', 'common:categoryButton.p_arrest')).toBe('Kukamatwa kinyume cha sheria');
    for (const lang of ['en', 'sw'] as const) {
      const names = codes.map((code) => translator.t(lang, `common:categoryButton.${code}`));
      expect(names.filter((name) => name.length > 32 || /kiharamu/i.test(name))).toEqual([]);
    }
  });
});
