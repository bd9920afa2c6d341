import { countyName, numbersFor } from '../../domain';
import type { Lang } from '../../i18n';
import type { BotContext } from '../context';
import { escapeHtml } from '../html';
import * as kb from '../keyboards';
import type { Draft } from '../session';
import { formatDay, formatTime } from './format';
import type { CountyName, Keyboard, Reply, Text } from './types';
import { electoralUnits } from './units';

const HTML = { parse_mode: 'HTML' as const };
type T = BotContext['t'];

/** Sends one wizard reply through the Bot API, in the conversation's language. */
export async function render(ctx: BotContext, reply: Reply): Promise<void> {
  const t = ctx.t;
  switch (reply.type) {
    case 'answer':
      await ctx.answerCbQuery(reply.text ? translate(t, reply.text, ctx.lang) : undefined);
      return;
    case 'message': {
      const text = reply.texts.map((x) => translate(t, x, ctx.lang)).join('\n\n');
      await ctx.reply(text, { ...(reply.html ? HTML : {}), ...(reply.keyboard ? keyboard(t, reply.keyboard, ctx.lang) : {}) });
      return;
    }
    case 'review':
      await ctx.reply(reviewText(t, reply.draft, ctx.lang), { ...HTML, ...kb.reviewKeyboard(t, reply.draft.id) });
      return;
    case 'emergency': {
      // One line per service, with every number that reaches it.
      const lines = numbersFor(ctx.deps.helpNumbers, reply.category).map((n) => `<b>${n.numbers.map(escapeHtml).join(' · ')}</b>  ${escapeHtml(t(`common:${n.labelKey}`))}`);
      await ctx.reply(`${t('danger.numbers')}\n\n${lines.join('\n')}\n\n${t('danger.priority')}`, HTML);
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
    case 'nav': return kb.navKeyboard(t, k.draftId, k.step);
    case 'county': return kb.countyKeyboard(t, k.draftId, k.page, k.suggestion, lang);
    case 'place': return kb.placeKeyboard(t);
    case 'when': return kb.whenKeyboard(t, k.draftId);
    case 'evidence': return kb.evidenceKeyboard(t, k.draftId, k.count);
    case 'danger': return kb.dangerKeyboard(t, k.draftId);
    case 'cancelAsk': return kb.cancelAskKeyboard(t, k.draftId, k.step);
    case 'edit': return kb.editKeyboard(t, k.draftId);
    case 'contact': return kb.contactKeyboard(t);
    case 'review': return kb.reviewKeyboard(t, k.draftId);
    case 'detail': return kb.detailKeyboard(t, k.draftId, k.step, k.choices ?? [], k.first === true);
    case 'confirmAgain': return kb.confirmAgain(t, k.draftId);
  }
}

/** The review screen: every answer, the reporter's own words escaped and shortened. */
export function reviewText(t: T, d: Draft, lang: Lang = 'en'): string {
  const yesNo = (b: boolean | undefined) => t(b ? 'review.yes' : 'review.no');
  const what = d.voice ? t('review.voice', { seconds: d.voice.durationSec ?? 0 }) : storyText(t, d.text ?? '');
  const place = d.location ? t('review.location') : escapeHtml(d.place ?? '');
  const at = d.incidentAt ?? 0;
  const when =
    d.when === 'now' ? t('review.when_now', { date: formatDay(at), time: formatTime(at) }) : d.when === 'date' ? formatDay(at) : t(`review.when_${d.when ?? 'today'}`, { date: formatDay(at) });
  const lines = [
    t('review.title'),
    '',
    `<b>${t('review.kind')}</b> ${escapeHtml(t(`common:kind.${d.kind}`))}`,
    `<b>${t('review.category')}</b> ${escapeHtml(t(`common:category.${d.category}`))}`,
    `<b>${t('review.danger')}</b> ${yesNo(d.danger)}`,
    `<b>${t('review.what')}</b> ${what}`,
    `<b>${t('review.county')}</b> ${escapeHtml(countyName(d.county ?? 0, lang))}`,
    `<b>${t('review.place')}</b> ${place}`,
    `<b>${t('review.when')}</b> ${when}`,
    `<b>${t('review.evidence')}</b> ${d.evidence?.length ? t('review.files', { count: d.evidence.length }) : t('review.none')}`,
    ...detailLines(t, d),
    '',
    t(`review.details_hint_${d.kind ?? 'police'}`),
    t('review.hint'),
  ];
  return lines.join('\n');
}

/** The optional details that were answered, one line each (none when all were skipped). */
function detailLines(t: T, d: Draft): string[] {
  const line = (key: string, value: string | undefined) => (value ? [`<b>${t(key)}</b> ${escapeHtml(value)}`] : []);
  const o = d.kind === 'police' ? d.officers : undefined;
  const units = d.kind === 'election' ? electoralUnits() : undefined;
  const station = d.kind === 'election' && d.pollingStation ? [d.pollingStation.name, d.pollingStation.code].filter(Boolean).join(' · ') : undefined;
  return [
    ...line('review.role', d.role ? t(`details.role.${d.role}`) : undefined),
    ...line('review.officers', [o?.names, ...(o?.serviceNumbers ?? [])].filter(Boolean).join(', ')),
    ...line('review.unit', o?.unit ? t(`details.unit.${o.unit}`) : undefined),
    ...line('review.wear', [o?.attire ? t(`details.wear.${o.attire}`) : undefined, o?.uniform].filter(Boolean).join(' · ')),
    ...line('review.station', o?.station),
    ...line('review.plates', o?.vehiclePlates?.join(', ')),
    ...line('review.pstation', station),
    ...line('review.constituency', d.constituency !== undefined ? units?.constituency(d.constituency)?.name : undefined),
    ...line('review.ward', d.ward !== undefined ? units?.ward(d.ward)?.name : undefined),
  ];
}

/**
 * The story as the reporter will send it. A long one (joined from a split paste) shows its start
 * and its end with the total length, so the reporter sees that every part is there.
 */
function storyText(t: T, text: string): string {
  const chars = [...text];
  if (chars.length <= 700) return escapeHtml(text);
  const start = chars.slice(0, 450).join('');
  const end = chars.slice(-200).join('');
  return `${escapeHtml(start)} […] ${escapeHtml(end)}\n<i>${t('review.story_length', { count: chars.length })}</i>`;
}
