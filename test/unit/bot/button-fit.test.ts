/**
 * Every keyboard the bot builds, in both languages: no label cut off with "…" on a 360 px phone.
 * A frightened reporter choosing what happened must read the whole choice.
 */
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from 'telegraf/types';
import * as kb from '../../../src/bot/keyboards';
import { COUNTIES, countyName, ELECTION_ACTORS, HATE_CHANNELS, OFFICER_ATTIRES, POLICE_UNITS, REPORT_KINDS, REPORTER_ROLES } from '../../../src/domain';
import { DETAIL_STEPS, type DetailStep } from '../../../src/bot/session';
import { COUNTY_PAGES } from '../../../src/bot/wizard/flow';
import { Translator, type Lang } from '../../../src/i18n';

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.create();
});

const t = (lang: Lang) => (key: string, vars?: Record<string, unknown>) => translator.t(lang, key.includes(':') ? key : `bot:${key}`, vars);
/** Characters a label may have and still show whole on a 360 px phone, by buttons in its row. */
const FITS: Record<number, number> = { 1: 32, 2: 20, 3: 14 };

type Built = { reply_markup: InlineKeyboardMarkup | ReplyKeyboardMarkup | { remove_keyboard: true } };
const rows = (k: Built): string[][] => {
  const m = k.reply_markup;
  const grid = 'inline_keyboard' in m ? m.inline_keyboard : 'keyboard' in m ? m.keyboard : [];
  return grid.map((row) => row.map((b) => (typeof b === 'string' ? b : b.text)));
};

/** The choices each detail question offers as buttons (src/bot/wizard/details.ts). */
const DETAIL_CHOICES: Partial<Record<DetailStep, readonly string[]>> = { role: REPORTER_ROLES, unit: POLICE_UNITS, wear: OFFICER_ATTIRES, by: ELECTION_ACTORS, how: HATE_CHANNELS };

/** The longest county names in a language, for the "Yes, <county>" suggestion buttons (one or two to a row). */
const longestCounties = (lang: Lang) => [...COUNTIES].sort((a, b) => countyName(b.code, lang).length - countyName(a.code, lang).length).slice(0, 2).map((c) => c.code);

function keyboards(lang: Lang): [string, Built][] {
  const tl = t(lang);
  const [c1, c2] = longestCounties(lang);
  return [
    ['main menu', kb.mainMenu(tl)],
    ['ask again', kb.askAgainKeyboard(tl, 'r1', true)],
    ['rating', kb.ratingKeyboard(tl, 'r1')],
    ['start again', kb.startAgain(tl)],
    ['first choice', kb.firstChoice(t)],
    ['language', kb.languageChoice()],
    ['kind', kb.kindKeyboard(tl, 'd1')],
    ...REPORT_KINDS.map((kind): [string, Built] => [`category (${kind})`, kb.categoryKeyboard(tl, 'd1', kind)]),
    ['nav', kb.navKeyboard(tl, 'd1', 'desc')],
    ['nav keep', kb.navKeyboard(tl, 'd1', 'desc', true)],
    ['nav all told', kb.navKeyboard(tl, 'd1', 'desc', 'all')],
    ...Array.from({ length: COUNTY_PAGES }, (_, p): [string, Built] => [`county page ${p}`, kb.countyKeyboard(tl, 'd1', p, c1, lang, c2)]),
    ['place', kb.placeKeyboard(tl)],
    ['when', kb.whenKeyboard(tl, 'd1')],
    // "Wikendi" typed, and a day the story names offered ("✅ Ndio, 25/11/2026").
    ['when (weekend, story day)', kb.whenKeyboard(tl, 'd1', [Date.parse('2026-11-20T21:00:00Z'), Date.parse('2026-11-21T21:00:00Z')], Date.parse('2026-11-24T21:00:00Z'))],
    ['evidence (none yet)', kb.evidenceKeyboard(tl, 'd1', 0)],
    ['evidence (some)', kb.evidenceKeyboard(tl, 'd1', 2)],
    ['danger', kb.dangerKeyboard(tl, 'd1')],
    ['cancel ask', kb.cancelAskKeyboard(tl, 'd1', 'desc')],
    ['contact', kb.contactKeyboard(tl)],
    ['review', kb.reviewKeyboard(tl, 'd1')],
    ['edit', kb.editKeyboard(tl, 'd1', true)],
    ['injuries', kb.injuryKeyboard(tl, 'd1', 'hurt', false)],
    ['injuries (others)', kb.injuryKeyboard(tl, 'd1', 'hurt', true)],
    ['medical record', kb.injuryKeyboard(tl, 'd1', 'p3', false)],
    ...DETAIL_STEPS.map((step): [string, Built] => {
      const choices = (DETAIL_CHOICES[step] ?? []).map((value) => ({ value, key: `details.${step}.${value}` }));
      return [`detail ${step}`, kb.detailKeyboard(tl, 'd1', step, choices, step === 'role')];
    }),
    ['fix', kb.fixKeyboard(tl, 'd1')],
    // Asked where the place is: No names the county kept, the longest one here.
    ['fix at the place', kb.fixKeyboard(tl, 'd1', { county: countyName(c1, lang) })],
    ['confirm again', kb.confirmAgain(tl, 'd1')],
    ['answer whom', kb.answerWhomKeyboard(tl, 'R-7K3F-9QX2', 1)],
    ['withdraw', kb.withdrawKeyboard(tl, 'R-7K3F-9QX2')],
    ['withdraw ask', kb.withdrawAskKeyboard(tl, 'R-7K3F-9QX2')],
    ['forget', kb.forgetKeyboard(tl, '0a1b2c3d')],
    ['consent', kb.consentKeyboard(tl, '0123456789abcdef01234567', { agency: 'IPOA', q: 'q1' })],
  ];
}

describe.each(['en', 'sw'] as const)('%s', (lang) => {
  it('every label of every keyboard shows whole on a 360 px phone', () => {
    const tooLong = keyboards(lang).flatMap(([name, k]) => rows(k).flatMap((row) => row.filter((label) => [...label].length > FITS[row.length]).map((label) => `${name}: "${label}" (${row.length} in its row)`)));
    expect(tooLong).toEqual([]);
  });

  it('no row holds more buttons than a phone shows whole', () => {
    const wide = keyboards(lang).flatMap(([name, k]) => rows(k).filter((row) => !FITS[row.length]).map((row) => `${name}: ${row.join(' | ')}`));
    expect(wide).toEqual([]);
  });
});
