import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { categoriesOf, COUNTIES, countyName, HURT_CHOICES, MEDICAL_RECORD_ANSWERS, REPORT_KINDS, type ReportKind } from '../domain';
import type { Lang } from '../i18n';
import type { WaitingConsent } from '../services/conversation-service';
import { consentButtonData, consentButtons } from '../services/ticket-actions';
import type { DetailStep, Step } from './session';
import { COUNTIES_PER_PAGE, COUNTY_PAGES, EDITABLE } from './wizard/flow';
import { formatDay, formatTime, truncate, storyDayValue, weekendValue } from './wizard/format';

/** Translate a bot key (the conversation's language is already bound). */
export type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * callback_data layouts (at most 64 bytes, and never trusted: every handler checks them against the
 * session before acting):
 *   w:<draftId>:<step>:<value>   a wizard answer; stale unless draft and step match the session
 *   m:<action>                   main menu
 *   l:<lang>                     language choice
 *   s:<lang>:<kind|menu>         the first message: language, and what to report (or the menu)
 *   rp:<index>                   which open report a reply belongs to
 */
export const wizardData = (draftId: string, step: Step, value: string) => `w:${draftId}:${step}:${value}`;

type Row = InlineKeyboardButton[];

function nav(t: T, draftId: string, step: Step): Row {
  return [Markup.button.callback(t('btn.back'), wizardData(draftId, step, 'back')), Markup.button.callback(t('btn.cancel'), wizardData(draftId, step, 'x'))];
}

export function mainMenu(t: T) {
  return Markup.inlineKeyboard([
    [Markup.button.callback(t('menu.report'), 'm:report')],
    [Markup.button.callback(t('menu.status'), 'm:status'), Markup.button.callback(t('menu.help'), 'm:help')],
    [Markup.button.callback(t('menu.language'), 'm:lang'), Markup.button.callback(t('menu.privacy'), 'm:privacy')],
  ]);
}

/**
 * Under "your report is closed": "Ask staff to look at it again" (`ra:<reportId>`, 27 bytes; the
 * service looks the report up and checks whose it is), then the menu when `menu`.
 */
export function askAgainKeyboard(t: T, reportId: string, menu: boolean) {
  const ask = [Markup.button.callback(t('reply.ask_again'), `ra:${reportId}`)];
  return Markup.inlineKeyboard(menu ? [ask, ...mainMenu(t).reply_markup.inline_keyboard] : [ask]);
}

/** "Did Ripoti help you?" asked again in the bot: the same buttons as the notice's (src/bot/features/rating.ts reads them). */
export function ratingKeyboard(t: T, reportId: string) {
  return Markup.inlineKeyboard([[Markup.button.callback(t('notices:ratingHelped'), `rt:${reportId}:h`), Markup.button.callback(t('notices:ratingNotHelped'), `rt:${reportId}:n`)]]);
}

/** Under a report's /status, when its reporter may still withdraw it (`wd:<reference>`). */
export function withdrawKeyboard(t: T, reference: string) {
  return Markup.inlineKeyboard([[Markup.button.callback(t('status.withdraw.button'), `wd:${reference}`)]]);
}

/** "Withdraw it? It cannot be undone": Yes (`wy:`) or No (`wn:`). */
export function withdrawAskKeyboard(t: T, reference: string) {
  return Markup.inlineKeyboard([[Markup.button.callback(t('status.withdraw.yes'), `wy:${reference}`), Markup.button.callback(t('status.withdraw.no'), `wn:${reference}`)]]);
}

/** /forget's question: delete (`fg:y:<mark>`) or keep (`fg:n:<mark>`), one to a row so neither is tapped by a slip. */
export function forgetKeyboard(t: T, mark: string) {
  return Markup.inlineKeyboard([[Markup.button.callback(t('forget.yes'), `fg:y:${mark}`)], [Markup.button.callback(t('forget.no'), `fg:n:${mark}`)]]);
}

export function removeKeyboard() {
  return Markup.removeKeyboard();
}

export function startAgain(t: T) {
  return Markup.inlineKeyboard([[Markup.button.callback(t('menu.report'), 'm:report')]]);
}

/**
 * The first message, for everyone: each language's row in that language, so one tap chooses the
 * language and what to report (or just the menu).
 */
export function firstChoice(tIn: (lang: Lang) => T) {
  return Markup.inlineKeyboard((['sw', 'en'] as const).flatMap((lang) => startRows(tIn(lang), lang)));
}

/** The first message's buttons in one language only: what to report (police / election), or that language's menu. */
export function startChoice(t: T, lang: Lang) {
  return Markup.inlineKeyboard(startRows(t, lang));
}

function startRows(t: T, lang: Lang): Row[] {
  const row = [...REPORT_KINDS.map((k) => Markup.button.callback(t(`start.kind.${k}`), `s:${lang}:${k}`)), Markup.button.callback(t('start.menu'), `s:${lang}:menu`)];
  return [row.slice(0, 2), row.slice(2)];
}

export function languageChoice() {
  // Each language is named in itself, so anyone can find theirs.
  return Markup.inlineKeyboard([[Markup.button.callback('English', 'l:en'), Markup.button.callback('Kiswahili', 'l:sw')]]);
}

export function kindKeyboard(t: T, id: string) {
  return Markup.inlineKeyboard([...REPORT_KINDS.map((k) => [Markup.button.callback(t(`common:kind.${k}`), wizardData(id, 'kind', k))]), nav(t, id, 'kind')]);
}

/** The categories by their button names (`categoryButton.*`): the full names do not all show whole on a narrow phone. */
export function categoryKeyboard(t: T, id: string, kind: ReportKind) {
  return Markup.inlineKeyboard([...categoriesOf(kind).map((c) => [Markup.button.callback(t(`common:categoryButton.${c.code}`), wizardData(id, 'cat', c.code))]), nav(t, id, 'cat')]);
}

export function navKeyboard(t: T, id: string, step: Step, keep?: true | 'all') {
  const label = keep === 'all' ? t('btn.all_told') : t('btn.keep');
  return Markup.inlineKeyboard(keep ? [[Markup.button.callback(label, wizardData(id, step, 'keep'))], nav(t, id, step)] : [nav(t, id, step)]);
}

/**
 * The 47 counties in pages of 12 (two per row) so the keyboard fits a small screen; named in the
 * reporter's language. `suggestion` (and `also`, for a town in two counties) on top, one tap each.
 */
export function countyKeyboard(t: T, id: string, page: number, suggestion?: number, lang: Lang = 'en', also?: number) {
  const p = Math.min(Math.max(page, 0), COUNTY_PAGES - 1);
  const slice = COUNTIES.slice(p * COUNTIES_PER_PAGE, (p + 1) * COUNTIES_PER_PAGE);
  const rows: Row[] = [];
  const offered = [suggestion, also].flatMap((code) => (code === undefined ? [] : [COUNTIES[code - 1]]));
  if (offered.length) rows.push(offered.map((c) => Markup.button.callback(t('county.yes_suggestion', { county: countyName(c.code, lang) }), wizardData(id, 'county', String(c.code)))));
  for (let i = 0; i < slice.length; i += 2) rows.push(slice.slice(i, i + 2).map((c) => Markup.button.callback(countyName(c.code, lang), wizardData(id, 'county', String(c.code)))));
  const pager: Row = [];
  if (p > 0) pager.push(Markup.button.callback(t('btn.prev'), wizardData(id, 'county', `p${p - 1}`)));
  if (p < COUNTY_PAGES - 1) pager.push(Markup.button.callback(t('btn.more'), wizardData(id, 'county', `p${p + 1}`)));
  rows.push(pager, nav(t, id, 'county'));
  return Markup.inlineKeyboard(rows);
}

/** A reply keyboard: Telegram's location button plus Back/Cancel as plain text buttons. */
export function placeKeyboard(t: T) {
  return Markup.keyboard([[Markup.button.locationRequest(t('place.share_location'))], [t('btn.back'), t('btn.cancel')]]).resize();
}

/**
 * `weekend`: its Saturday and Sunday (each day's start) offered first, valued by their date (`weekendValue`).
 * `said`: the day the story names, offered above the question ("was it 25/11/2026?"): its Yes first, on a row of its own (`storyDayValue`).
 */
export function whenKeyboard(t: T, id: string, weekend?: readonly [number, number], said?: number) {
  const told = said === undefined ? [] : [[Markup.button.callback(t('when.yes_said', { date: formatDay(said) }), wizardData(id, 'when', storyDayValue(said)))]];
  const days = weekend ? [[Markup.button.callback(t('when.saturday', { date: formatDay(weekend[0]) }), wizardData(id, 'when', weekendValue(weekend[0]))), Markup.button.callback(t('when.sunday', { date: formatDay(weekend[1]) }), wizardData(id, 'when', weekendValue(weekend[1])))]] : [];
  return Markup.inlineKeyboard([
    ...told,
    ...days,
    [Markup.button.callback(t('when.now'), wizardData(id, 'when', 'now'))],
    [Markup.button.callback(t('when.today'), wizardData(id, 'when', 'today')), Markup.button.callback(t('when.yesterday'), wizardData(id, 'when', 'yesterday'))],
    nav(t, id, 'when'),
  ]);
}

export function evidenceKeyboard(t: T, id: string, count: number) {
  const main = count > 0 ? Markup.button.callback(t('ev.done'), wizardData(id, 'ev', 'done')) : Markup.button.callback(t('ev.skip'), wizardData(id, 'ev', 'skip'));
  return Markup.inlineKeyboard([[main], nav(t, id, 'ev')]);
}

export function dangerKeyboard(t: T, id: string) {
  return Markup.inlineKeyboard([[Markup.button.callback(t('danger.yes'), wizardData(id, 'danger', 'y')), Markup.button.callback(t('danger.no'), wizardData(id, 'danger', 'n'))], nav(t, id, 'danger')]);
}

/** After a typed cancel word: the reporter confirms, or carries on where they were. */
export function cancelAskKeyboard(t: T, id: string, step: Step) {
  return Markup.inlineKeyboard([[Markup.button.callback(t('cancel.yes'), wizardData(id, step, 'xc')), Markup.button.callback(t('cancel.no'), wizardData(id, step, 'xn'))]]);
}

/** Telegram's own "share my phone number" button: the number comes from Telegram, not typed. */
export function contactKeyboard(t: T) {
  return Markup.keyboard([[Markup.button.contactRequest(t('contact.share'))], [t('btn.back'), t('btn.cancel')]]).resize();
}

/**
 * The review: the two ways to send (anonymously, or with the phone number so a staff member can
 * call), then "change" and "add files" side by side, then the optional details for the agency
 * (the same group as Change → Details), then Back and Cancel: five rows on a phone.
 */
export function reviewKeyboard(t: T, id: string) {
  const b = (key: string, value: string) => Markup.button.callback(t(key), wizardData(id, 'review', value));
  return Markup.inlineKeyboard([[b('review.send_anonymous', 'sa')], [b('review.send_contact', 'sc')], [b('review.change', 'edit'), b('review.add_files', 'e_ev')], [b('review.add_details', 'e_role')], nav(t, id, 'review')]);
}

/**
 * What can be changed: the answers three to a row, their one-word names short enough to show
 * whole on a 360 px phone (`injuries`: the injury question too, where the category asks it); then
 * the details for the agency on a row of their own, named as on the review's button for them
 * ("Maelezo kwa taasisi" is too long for a third of a row, and plain "Maelezo" reads as the story).
 */
export function editKeyboard(t: T, id: string, injuries = false) {
  const button = (s: Step) => Markup.button.callback(t(`review.edit.${s}`), wizardData(id, 'review', `e_${s}`));
  const answers = EDITABLE.filter((s) => s !== 'ev' && s !== 'role' && (s !== 'hurt' || injuries)).map(button);
  const rows: Row[] = [];
  for (let i = 0; i < answers.length; i += 3) rows.push(answers.slice(i, i + 3));
  rows.push([button('role')]);
  // A way out that changes nothing: back to the report as it is, with its Send button.
  rows.push([Markup.button.callback(t('review.edit_none'), wizardData(id, 'review', 'e_none'))]);
  return Markup.inlineKeyboard(rows);
}

/** Characters a label may have and still show whole in half a row on a 360 px phone. */
const HALF_ROW_CHARS = 20;

/** Two to a row where both labels show whole side by side, else one; in their order. */
function pairShort(buttons: InlineKeyboardButton[]): Row[] {
  const short = (b: InlineKeyboardButton | undefined) => b !== undefined && [...b.text].length <= HALF_ROW_CHARS;
  const rows: Row[] = [];
  let i = 0;
  while (i < buttons.length) {
    const row = short(buttons[i]) && short(buttons[i + 1]) ? [buttons[i], buttons[i + 1]] : [buttons[i]];
    rows.push(row);
    i += row.length;
  }
  return rows;
}

/**
 * An optional detail question: its choices (two to a row when they are short), then "Skip" and
 * "Skip all of these" (the whole group, one tap), then Back and Cancel.
 */
export function detailKeyboard(t: T, id: string, step: DetailStep, choices: { value: string; key?: string; label?: string }[], first: boolean) {
  const buttons = choices.map((c) => Markup.button.callback(c.key ? t(c.key) : (c.label ?? c.value), wizardData(id, step, c.value)));
  const rows: Row[] = buttons.length > 3 ? pairShort(buttons) : buttons.map((b) => [b]);
  rows.push([Markup.button.callback(t('btn.skip'), wizardData(id, step, 'sk')), Markup.button.callback(t(first ? 'btn.skip_all' : 'btn.skip_rest'), wizardData(id, step, 'ska'))]);
  rows.push(nav(t, id, step));
  return Markup.inlineKeyboard(rows);
}

/**
 * "Was anyone hurt?" (after a killing: anyone else) or "is there a P3 form or a medical report?":
 * its answers, then Skip, then Back and Cancel.
 */
export function injuryKeyboard(t: T, id: string, step: 'hurt' | 'p3', others: boolean) {
  const label = (v: string) => t(step === 'hurt' && v === 'none' && others ? 'injury.hurt.none_others' : `injury.${step}.${v}`);
  const values: readonly string[] = step === 'hurt' ? HURT_CHOICES : MEDICAL_RECORD_ANSWERS;
  const buttons = values.map((v) => Markup.button.callback(label(v), wizardData(id, step, v)));
  // Yes / Not yet / I don't know fit one row; the longer "was anyone hurt?" answers get one each.
  const rows: Row[] = step === 'p3' ? [buttons] : buttons.map((b) => [b]);
  rows.push([Markup.button.callback(t('btn.skip'), wizardData(id, step, 'sk'))], nav(t, id, step));
  return Markup.inlineKeyboard(rows);
}

/**
 * After a correction typed at the review: change that part, or keep it and add the words to the story (long labels: one to a row).
 * `atPlace`: asked where the place is, after another county's name typed there; No keeps the county chosen (its name).
 */
export function fixKeyboard(t: T, id: string, atPlace?: { county: string }) {
  const step = atPlace ? 'place' : 'review';
  const no = atPlace ? t('place.fix_keep', { county: atPlace.county }) : t('review.fix_no');
  return Markup.inlineKeyboard([[Markup.button.callback(t('review.fix_yes'), wizardData(id, step, 'fy'))], [Markup.button.callback(no, wizardData(id, step, 'fn'))]]);
}

export function confirmAgain(t: T, id: string) {
  return Markup.inlineKeyboard([[Markup.button.callback(t('review.send_again'), wizardData(id, 'review', 'ok'))]]);
}

/** Whom a reply to a staff message, sent during a newer report, is for; `to`: the staff message, so an older question's buttons answer only it. */
export function answerWhomKeyboard(t: T, reference: string, to: number) {
  return Markup.inlineKeyboard([[Markup.button.callback(t('reply.whom_staff', { reference }), `sa:s:${to}`)], [Markup.button.callback(t('reply.whom_report'), `sa:r:${to}`)]]);
}

/** A report as "which report?" shows it; `place` and `story` as the reporter gave them. */
type Pickable = { reportId: string; reference: string; category: string; createdAt?: Date; anonymous?: boolean; place?: string; story?: string };

/**
 * "Which report?": the open reports (`rp:`) and, last, one closed lately (`rc:`), marked closed.
 * Each by its reference, category and day (and 🕶 when sent anonymously); reports alike in all
 * these also by what tells them apart (`apart`), right after the reference, where a narrow phone
 * does not cut it off.
 */
export function pickReportKeyboard(t: T, reports: Pickable[], closed?: Pickable) {
  const apart = tellApart(t, reports);
  const label = (r: Pickable) => {
    const [reference, ...rest] = sameLabel(t, r);
    return [reference, ...(apart.has(r) ? [apart.get(r)] : []), ...rest].join(' · ');
  };
  const rows = reports.map((r) => [Markup.button.callback(label(r), `rp:${r.reportId}`)]);
  if (closed) rows.push([Markup.button.callback(`${sameLabel(t, closed).join(' · ')} · ${t('reply.closed_mark')}`, `rc:${closed.reportId}`)]);
  return Markup.inlineKeyboard(rows);
}

function sameLabel(t: T, r: Pickable): string[] {
  return [r.reference, t(`common:categoryButton.${r.category}`), ...(r.createdAt ? [formatDay(new Date(r.createdAt).getTime())] : []), ...(r.anonymous ? ['🕶'] : [])];
}

/** How many characters of a story's first words a button shows. */
const OPENING_CHARS = 28;

/**
 * For reports whose labels differ only by reference (two anonymous bribery reports made today),
 * something the reporter wrote or chose that differs among them: the story's first words, else
 * the place, else when it was sent. Nothing when even those are the same.
 */
function tellApart(t: T, reports: Pickable[]): Map<Pickable, string> {
  const ways: ((r: Pickable) => string | undefined)[] = [
    (r) => (r.story?.trim() ? `“${opening(r.story)}”` : undefined),
    (r) => (r.place?.trim() ? `📍 ${opening(r.place)}` : undefined),
    (r) => (r.createdAt ? t('reply.pick_sent_at', { time: formatTime(new Date(r.createdAt).getTime()) }) : undefined),
  ];
  const groups = new Map<string, Pickable[]>();
  for (const r of reports) {
    const key = sameLabel(t, r).slice(1).join(' · ');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const apart = new Map<Pickable, string>();
  for (const alike of groups.values()) {
    if (alike.length < 2) continue;
    const shown = ways.map((way) => alike.map(way)).find((v) => v.every(Boolean) && new Set(v).size === alike.length);
    alike.forEach((r, i) => shown?.[i] && apart.set(r, shown[i]));
  }
  return apart;
}

/** The first whole words of what the reporter typed, up to OPENING_CHARS, with "…" when more follows. */
function opening(typed: string): string {
  const words = typed.trim().split(/\s+/);
  let shown = '';
  for (const w of words) {
    const next = shown ? `${shown} ${w}` : w;
    if ([...next].length > OPENING_CHARS) break;
    shown = next;
  }
  // A first word longer than the button allows is cut.
  if (!shown) return truncate(words[0], OPENING_CHARS);
  return shown === words.join(' ') ? shown : `${shown}…`;
}

/** The consent question's Yes / No again, for a yes or no typed instead of tapped (`cs:` as the replies worker draws them). */
export function consentKeyboard(t: T, reportId: string, c: WaitingConsent) {
  const data = (a: 'y' | 'n') => consentButtonData(reportId, c.agency, c.q, a);
  return Markup.inlineKeyboard(consentButtons(t, data).map((row) => row.map((b) => Markup.button.callback(b.text, b.data))));
}
