import { asksAboutInjuries, asksAboutOthers, asksForMedicalRecord, countyName, emailWritten, medicalFormFor, numbersFor, ownNameWritten, phoneNumberWritten, selfIntroduction } from '../../domain';
import type { Lang } from '../../i18n';
import type { Message } from 'telegraf/types';
import type { BotContext } from '../context';
import { escapeHtml } from '../html';
import * as kb from '../keyboards';
import type { Draft } from '../session';
import { formatDay, formatTime } from './format';
import { WIZARD_DATA } from './parse';
import type { CountyName, InPlace, Keyboard, Reply, Text } from './types';
import { electoralUnits } from './units';

const HTML = { parse_mode: 'HTML' as const };
type T = BotContext['t'];

/** One message as drawn: its text, whether it is HTML, and its keyboard (inline or reply). */
interface Drawn {
  text: string;
  html: boolean;
  markup?: ReturnType<typeof keyboard>;
  /** It shows the kind question's buttons (its message is kept: `Draft.kindAsked`). */
  asksKind?: true;
}

/** Telegram's limit for one message's text. */
const MAX_TEXT = 4096;

/**
 * Sends one turn's replies through the Bot API, in the conversation's language, with as few
 * messages as the conversation stays readable with: button presses are answered first (free), a
 * short notice without buttons goes at the top of the message after it, and when `inPlace` the
 * first message replaces the question whose button was pressed, under a line "✓ <the choice>"
 * (`choice`) or as it is (`same`, e.g. another page of counties). Each message counts against
 * Telegram's limits whether sent or edited, so merging is what saves. Returns the message that
 * shows the kind question's buttons, if this turn drew them (from what sending or editing returned).
 */
export async function renderTurn(ctx: BotContext, replies: readonly Reply[], inPlace?: InPlace): Promise<number | undefined> {
  for (const r of replies) if (r.type === 'answer') await ctx.answerCbQuery(r.text ? translate(ctx.t, r.text, ctx.lang) : undefined);
  for (const r of replies) if (r.type === 'unbutton') await unbutton(ctx, r.messageId);
  const drawn = merge(replies.filter((r): r is Drawable => r.type !== 'answer' && r.type !== 'unbutton').map((r) => draw(ctx, r)));
  let kindAt: number | undefined;
  for (const [i, m] of drawn.entries()) {
    const edited = i === 0 && inPlace ? await editPressed(ctx, m, inPlace) : undefined;
    const at = edited ?? (await ctx.reply(m.text, { ...(m.html ? HTML : {}), ...(m.markup ?? {}) })).message_id;
    if (m.asksKind) kindAt = at;
  }
  return kindAt;
}

type Drawable = Exclude<Reply, { type: 'answer' | 'unbutton' }>;

/**
 * An earlier question's buttons taken off it (answered another way). Only tidies the chat: a
 * failure leaves the buttons (they answer "older message") and fails nothing else.
 */
async function unbutton(ctx: BotContext, messageId: number): Promise<void> {
  if (!ctx.chat) return;
  try {
    await ctx.telegram.editMessageReplyMarkup(ctx.chat.id, messageId, undefined, undefined);
  } catch (err) {
    if (!NOT_EDITABLE.test(err instanceof Error ? err.message : '')) ctx.log.warn({ err }, 'buttons of an answered question not removed');
  }
}

/** Replaces the pressed question by `m`, returning its id; undefined when it cannot be (the caller sends `m` instead). */
async function editPressed(ctx: BotContext, m: Drawn, how: InPlace): Promise<number | undefined> {
  const q = ctx.callbackQuery;
  const pressed = q && 'data' in q && q.message && 'text' in q.message ? q.message : undefined;
  if (!pressed || !q || !('data' in q)) return undefined;
  const label = pressed.reply_markup?.inline_keyboard.flat().find((b) => 'callback_data' in b && b.callback_data === q.data)?.text;
  // A keyboard under the text field (or its removal) cannot go on an edited message: the question
  // goes as a new one, and the pressed one loses its buttons, which would only answer "older message".
  const markup = m.markup?.reply_markup;
  if (markup && !('inline_keyboard' in markup)) {
    // Except the review's: its Send buttons still answer at the phone question (a change of mind).
    // "Change the county to Nyandarua?" is no review: answered, it closes as any question.
    const data = WIZARD_DATA.exec(q.data);
    if (data?.[2] !== 'review' || data[3] === 'fy') await closePressed(ctx, pressed, how === 'choice' ? label : undefined);
    return undefined;
  }
  const chose = how === 'choice' && label ? choiceLine(m.html ? escapeHtml(label) : label) : '';
  const text = chose + m.text;
  if ([...text].length > MAX_TEXT) return undefined;
  try {
    await ctx.editMessageText(text, { ...(m.html ? HTML : {}), ...(markup ? { reply_markup: markup } : {}) });
    return pressed.message_id;
  } catch (err) {
    // The question was deleted or cannot be edited any more: the answer goes as a new message.
    // Anything else (a text Telegram refuses) would fail as a new message too: the caller's error.
    if (!NOT_EDITABLE.test(err instanceof Error ? err.message : '')) throw err;
    ctx.log.warn({ err }, 'wizard question not edited: sent as a new message');
    return undefined;
  }
}

/**
 * The pressed question as it was, under "✓ <the choice>", without its buttons. Only tidies the
 * chat: a failure leaves the buttons (they answer "older message") and fails nothing else.
 */
async function closePressed(ctx: BotContext, pressed: Message.TextMessage, label: string | undefined): Promise<void> {
  const chose = label ? choiceLine(label) : '';
  // The question's own formatting, moved past the line put above it (offsets count UTF-16 units, as JavaScript strings do).
  const entities = (pressed.entities ?? []).map((e) => ({ ...e, offset: e.offset + chose.length }));
  try {
    await ctx.editMessageText(chose + pressed.text, { entities });
  } catch (err) {
    if (!NOT_EDITABLE.test(err instanceof Error ? err.message : '')) ctx.log.warn({ err }, 'buttons of a pressed question not removed');
  }
}

/** "✓ <the choice>" above the pressed question; a button's own "✅" dropped ("✅ Kajiado" read "✓ ✅ Kajiado"). */
function choiceLine(label: string): string {
  return `✓ ${label.replace(/^✅\s*/u, '')}\n\n`;
}

/** Bot API refusals about the pressed message itself, not about what was to be shown. */
const NOT_EDITABLE = /message to edit not found|message can't be edited|message is not modified/i;

/** A message without buttons (a short notice) goes at the top of the message after it. */
function merge(list: Drawn[]): Drawn[] {
  const out: Drawn[] = [];
  let carry: Drawn | undefined;
  for (const m of list) {
    let next = m;
    if (carry) {
      const both = joined(carry, m);
      if (both) next = both;
      else out.push(carry);
    }
    carry = undefined;
    if (!next.markup) carry = next;
    else out.push(next);
  }
  if (carry) out.push(carry);
  return out;
}

/** `a` above `b`; undefined when together they would be too long for one message. */
function joined(a: Drawn, b: Drawn): Drawn | undefined {
  const html = a.html || b.html;
  const text = `${a.html || !html ? a.text : escapeHtml(a.text)}\n\n${b.html || !html ? b.text : escapeHtml(b.text)}`;
  if ([...text].length > MAX_TEXT) return undefined;
  return { ...b, html, text };
}

/** "If someone is in danger, call for help now:" and one line per service, with every number that reaches it (HTML). */
export function emergencyNumbers(ctx: BotContext, category: string, shown = false): string {
  // Shown already: only the numbers of this category, not those every report gets.
  const lines = numbersFor(ctx.deps.helpNumbers, category).filter((n) => !shown || n.categories).map((n) => `<b>${n.numbers.map(escapeHtml).join(' · ')}</b>  ${escapeHtml(ctx.t(`common:${n.labelKey}`))}`);
  // Under "call for help now" a complaints line (IPOA, weekdays) alone would read as an emergency one.
  return lines.length ? `${ctx.t(shown ? 'danger.numbers_more' : 'danger.numbers')}\n\n${lines.join('\n')}` : '';
}

function draw(ctx: BotContext, reply: Drawable): Drawn {
  const t = ctx.t;
  switch (reply.type) {
    case 'message': {
      const markup = reply.keyboard ? keyboard(t, reply.keyboard, ctx.lang) : undefined;
      const asksKind = reply.keyboard?.type === 'kind' ? { asksKind: true as const } : {};
      return { text: reply.texts.map((x) => translate(t, x, ctx.lang)).join('\n\n'), html: reply.html === true, ...(markup ? { markup } : {}), ...asksKind };
    }
    case 'review': {
      // Read from the update, never kept in the session: the warning needs the name only now.
      const own = ctx.from ? { names: [ctx.from.first_name, ctx.from.last_name ?? ''], ...(ctx.from.username ? { username: ctx.from.username } : {}) } : undefined;
      return { text: reviewText(t, reply.draft, ctx.lang, own), html: true, markup: kb.reviewKeyboard(t, reply.draft.id) };
    }
    case 'emergency': {
      const numbers = emergencyNumbers(ctx, reply.category, reply.shown === true);
      return { text: numbers ? `${numbers}\n\n${t('danger.priority')}` : t('danger.priority'), html: true };
    }
  }
}

/** A locale text; a parameter that is itself a Text is translated first (e.g. the kind's name), a county named in `lang`. */
function translate(t: T, text: Text, lang: Lang): string {
  if (!text.params) return t(text.key);
  const params = Object.fromEntries(Object.entries(text.params).map(([k, v]) => [k, isText(v) ? translate(t, v, lang) : isCounty(v) ? countyName(v.countyCode, lang) : v]));
  return t(text.key, params);
}

function isCounty(v: unknown): v is CountyName {
  return typeof v === 'object' && v !== null && typeof (v as { countyCode?: unknown }).countyCode === 'number';
}

function isText(v: unknown): v is Text {
  return typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string';
}

function keyboard(t: T, k: Keyboard, lang: Lang) {
  switch (k.type) {
    case 'main': return kb.mainMenu(t);
    case 'startAgain': return kb.startAgain(t);
    case 'remove': return kb.removeKeyboard();
    case 'kind': return kb.kindKeyboard(t, k.draftId);
    case 'category': return kb.categoryKeyboard(t, k.draftId, k.kind);
    case 'nav': return kb.navKeyboard(t, k.draftId, k.step, k.keep);
    case 'county': return kb.countyKeyboard(t, k.draftId, k.page, k.suggestion, lang, k.also);
    case 'place': return kb.placeKeyboard(t);
    case 'when': return kb.whenKeyboard(t, k.draftId, k.weekend, k.said);
    case 'evidence': return kb.evidenceKeyboard(t, k.draftId, k.count);
    case 'danger': return kb.dangerKeyboard(t, k.draftId);
    case 'cancelAsk': return kb.cancelAskKeyboard(t, k.draftId, k.step);
    case 'edit': return kb.editKeyboard(t, k.draftId, k.injuries === true);
    case 'injury': return kb.injuryKeyboard(t, k.draftId, k.step, k.others === true);
    case 'contact': return kb.contactKeyboard(t);
    case 'review': return kb.reviewKeyboard(t, k.draftId);
    case 'detail': return kb.detailKeyboard(t, k.draftId, k.step, k.choices ?? [], k.first === true);
    case 'confirmAgain': return kb.confirmAgain(t, k.draftId);
    case 'fix': return kb.fixKeyboard(t, k.draftId, k.keep === undefined ? undefined : { county: countyName(k.keep, lang) });
  }
}

/**
 * The review screen: every answer, the reporter's own words escaped and shortened. `own`: the
 * reporter's Telegram name and username, to warn them when the story holds either (sent
 * anonymously, staff would still read it there) unless they already chose to share their number.
 */
export function reviewText(t: T, d: Draft, lang: Lang = 'en', own?: { names: readonly string[]; username?: string }): string {
  const yesNo = (b: boolean | undefined) => t(b ? 'review.yes' : 'review.no');
  const said = d.voice ? t('review.voice', { seconds: d.voice.durationSec ?? 0 }) : undefined;
  const what = said && d.text ? `${said}\n${storyText(t, d.text, d.storyCut)}` : (said ?? storyText(t, d.text ?? '', d.storyCut));
  // A town named with a pin: "Kitengela, 📍 shared location".
  const place = [d.place ? escapeHtml(d.place) : '', d.location ? t('review.location') : ''].filter(Boolean).join(', ');
  const at = d.incidentAt ?? 0;
  const day =
    d.when === 'now' ? t('review.when_now', { date: formatDay(at), time: formatTime(at) }) : d.when === 'date' ? formatDay(at) : t(`review.when_${d.when ?? 'today'}`, { date: formatDay(at) });
  // The time of day as they typed it ("saa nne usiku"), shown back so they see it was kept.
  const when = d.timeOfDay && d.when !== 'now' ? `${day}, ${escapeHtml(d.timeOfDay)}` : day;
  const lines = [
    t('review.title'),
    '',
    `<b>${t('review.kind')}</b> ${escapeHtml(t(`common:kind.${d.kind}`))}`,
    // Named as on the button they tapped (the full names are for staff), so the review reads the same.
    `<b>${t('review.category')}</b> ${escapeHtml(t(`common:categoryButton.${d.category}`))}`,
    `<b>${t('review.danger')}</b> ${yesNo(d.danger)}`,
    `<b>${t('review.what')}</b> ${what}`,
    ...injuryLines(t, d),
    `<b>${t('review.county')}</b> ${escapeHtml(countyName(d.county ?? 0, lang))}`,
    `<b>${t('review.place')}</b> ${place}`,
    `<b>${t('review.when')}</b> ${when}`,
    `<b>${t('review.evidence')}</b> ${d.evidence?.length ? t('review.files', { count: d.evidence.length }) : t('review.none')}`,
    ...(d.passedOn?.length ? [`<b>${t('review.passed_on')}</b> ${d.passedOn.length}`] : []),
    ...detailLines(t, d),
    '',
    t(`review.details_hint_${d.kind ?? 'police'}`),
    ...ownNameWarning(t, d, own),
    t('review.hint'),
  ];
  return lines.join('\n');
}

/**
 * What in an anonymous report's story would still tell staff who sent it: the reporter's own name
 * or username, a name they give themselves ("my name is..."), and a phone number ("call me on 0712...") or an email address ("niandikie..."), most likely theirs.
 */
function ownNameWarning(t: T, d: Draft, own: { names: readonly string[]; username?: string } | undefined): string[] {
  if (!d.text || d.anonymous === false) return [];
  const found = own ? ownNameWritten(d.text, own) : undefined;
  const phone = phoneNumberWritten(d.text);
  const email = emailWritten(d.text);
  // "Mimi ni Achieng Otieno": a name given in the story; once only when it is their Telegram name, already warned of.
  const intro = selfIntroduction(d.text);
  const introWarned = intro && found?.as === 'name' && intro.toLowerCase().includes(found.written.toLowerCase());
  // A name no list knows typed at the county question is kept as the place ("Achieng Odhiambo"): staff read that too.
  const inPlace = own && d.place ? ownNameWritten(d.place, own) : undefined;
  const warnings = [
    ...(found ? [t(`review.own_${found.as}`, { written: escapeHtml(found.written) })] : []),
    ...(inPlace?.as === 'name' && inPlace.written !== found?.written ? [t('review.own_name_place', { written: escapeHtml(inPlace.written) })] : []),
    ...(intro && !introWarned ? [t('review.own_intro', { written: escapeHtml(intro) })] : []),
    ...(phone ? [t('review.own_phone', { written: escapeHtml(phone) })] : []),
    ...(email ? [t('review.own_email', { written: escapeHtml(email) })] : []),
  ];
  // An urgent report's story went onto its ticket as it was typed: taking it out now cannot unsay it.
  return warnings.length && d.urgent ? [...warnings, t('review.own_seen_urgent')] : warnings;
}

/** Whether anyone was hurt and whether there is a P3 (or PRC) form or medical report, as answered (nothing when skipped). */
function injuryLines(t: T, d: Draft): string[] {
  const i = asksAboutInjuries(d.category) ? d.injuries : undefined;
  if (!i) return [];
  const others = asksAboutOthers(d.category);
  const hurt = t(i.hurt === 'none' && others ? 'injury.hurt.none_others' : `injury.hurt.${i.hurt}`);
  const lines = [`<b>${t(others ? 'review.hurt_others' : 'review.hurt')}</b> ${escapeHtml(hurt)}`];
  // Labelled with the form the question named (after sexual violence the PRC form too).
  const label = medicalFormFor(d.category) === 'prc' ? 'review.p3_prc' : 'review.p3';
  if (i.record && asksForMedicalRecord(d.category, i)) lines.push(`<b>${t(label)}</b> ${escapeHtml(t(`injury.p3.${i.record}`))}`);
  return lines;
}

/** The optional details that were answered, one line each (none when all were skipped). */
function detailLines(t: T, d: Draft): string[] {
  const line = (key: string, value: string | undefined) => (value ? [`<b>${t(key)}</b> ${escapeHtml(value)}`] : []);
  const o = d.kind === 'police' ? d.officers : undefined;
  const units = d.kind === 'election' ? electoralUnits() : undefined;
  const station = d.kind === 'election' && d.pollingStation ? [d.pollingStation.name, d.pollingStation.code].filter(Boolean).join(' · ') : undefined;
  return [
    ...line('review.role', d.role ? t(`details.role.${d.role}`) : undefined),
    ...line('review.victim', d.role === 'on_behalf' ? d.victim : undefined),
    ...line('review.officers', [o?.names, ...(o?.serviceNumbers ?? [])].filter(Boolean).join(', ')),
    ...line('review.unit', o?.unit ? t(`details.unit.${o.unit}`) : undefined),
    ...line('review.wear', [o?.attire ? t(`details.wear.${o.attire}`) : undefined, o?.uniform].filter(Boolean).join(' · ')),
    ...line('review.station', o?.station),
    ...line('review.plates', [...(o?.vehiclePlates ?? []), o?.vehicleDescription].filter(Boolean).join(', ')),
    ...line('review.by', d.kind === 'election' ? [d.perpetrator?.kind ? t(`details.by.${d.perpetrator.kind}`) : undefined, d.perpetrator?.words].filter(Boolean).join(' · ') : undefined),
    ...line('review.how', d.kind === 'election' && d.category === 'e_hate' && d.channel ? t(`details.how.${d.channel}`) : undefined),
    ...line('review.pstation', station),
    ...line('review.constituency', d.constituency !== undefined ? units?.constituency(d.constituency)?.name : undefined),
    ...line('review.ward', d.ward !== undefined ? units?.ward(d.ward)?.name : undefined),
  ];
}

/**
 * The story as the reporter will send it. A long one (joined from a split paste) shows its start
 * and its end with the total length, so the reporter sees that every part is there; one cut at
 * its limit says that it stops there (the words after it were quoted when it was cut).
 */
function storyText(t: T, text: string, cut?: true): string {
  const chars = [...text];
  if (chars.length <= 700) return escapeHtml(text);
  const start = chars.slice(0, 450).join('');
  const end = chars.slice(-200).join('');
  return `${escapeHtml(start)} […] ${escapeHtml(end)}\n<i>${t(cut ? 'review.story_cut' : 'review.story_length', { count: chars.length })}</i>`;
}
