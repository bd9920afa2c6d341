/** "Which report?": two look-alike reports are told apart by what the reporter wrote or chose. */
import { pickReportKeyboard } from '../../../src/bot/keyboards';
import { Translator, type Lang } from '../../../src/i18n';

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.create();
});

const t = (lang: Lang) => (key: string, vars?: Record<string, unknown>) => translator.t(lang, key.includes(':') ? key : `bot:${key}`, vars);
const labels = (k: ReturnType<typeof pickReportKeyboard>) => k.reply_markup.inline_keyboard.flat().map((b) => b.text);
// 12:30 and 16:05 in Nairobi, one day.
const [noon, later] = [new Date('2026-11-28T09:30:00Z'), new Date('2026-11-28T13:05:00Z')];
const bribe = (n: number, more: Record<string, unknown>) => ({ reportId: `r${n}`, reference: `R-AAAA-000${n}`, category: 'p_bribery', createdAt: noon, anonymous: true, ...more });

describe('pickReportKeyboard', () => {
  it('the same story: told apart by the place the reporter gave, after the reference', () => {
    const k = pickReportKeyboard(t('en'), [bribe(1, { story: 'They took 500', place: 'Naivasha road junction' }), bribe(2, { story: 'They took 500', place: 'Kenyatta Avenue, near the bus stage in town' })]);
    expect(labels(k)).toEqual([
      'R-AAAA-0001 · 📍 Naivasha road junction · Bribery or extortion by police · 28/11/2026 · 🕶',
      'R-AAAA-0002 · 📍 Kenyatta Avenue, near the… · Bribery or extortion by police · 28/11/2026 · 🕶',
    ]);
  });

  it('the same story and place (or none given): by when each was sent, in both languages', () => {
    const reports = [bribe(1, { createdAt: later }), bribe(2, {})];
    expect(labels(pickReportKeyboard(t('en'), reports)).map((l) => l.split(' · ')[1])).toEqual(['sent at 16:05', 'sent at 12:30']);
    expect(labels(pickReportKeyboard(t('sw'), reports)).map((l) => l.split(' · ')[1])).toEqual(['ilitumwa 16:05', 'ilitumwa 12:30']);
  });

  it('reports that differ already, and the closed one offered beside them, are shown as before; a story of one long word is cut', () => {
    const named = { ...bribe(2, { story: 'Another story' }), anonymous: false };
    const closed = bribe(3, { story: 'Closed one' });
    const k = pickReportKeyboard(t('en'), [bribe(1, { story: 'A'.repeat(40) }), named, bribe(4, { story: 'Short' })], closed);
    expect(labels(k)).toEqual([
      `R-AAAA-0001 · “${'A'.repeat(28)}…” · Bribery or extortion by police · 28/11/2026 · 🕶`,
      'R-AAAA-0002 · Bribery or extortion by police · 28/11/2026',
      'R-AAAA-0004 · “Short” · Bribery or extortion by police · 28/11/2026 · 🕶',
      'R-AAAA-0003 · Bribery or extortion by police · 28/11/2026 · 🕶 · closed',
    ]);
  });

  it('reports alike in everything the reporter gave: nothing more is shown', () => {
    const k = pickReportKeyboard(t('en'), [bribe(1, { story: 'Same' }), bribe(2, { story: 'Same' })]);
    expect(labels(k)).toEqual(['R-AAAA-0001 · Bribery or extortion by police · 28/11/2026 · 🕶', 'R-AAAA-0002 · Bribery or extortion by police · 28/11/2026 · 🕶']);
  });
});
