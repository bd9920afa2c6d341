import { randomBytes } from 'node:crypto';
import { Markup } from 'telegraf';
import type { Message } from 'telegraf/types';
import {
  categoriesOf,
  checkText,
  countyByCode,
  incidentTimeFor,
  isReportKind,
  LIMITS,
  matchCounty,
  numbersFor,
  parseIncidentDate,
  type CategoryCode,
} from '../domain';
import type { BotContext, Draft, Step } from './context';
import { escapeHtml } from './html';
import * as kb from './keyboards';
import { captionOf, mediaOf } from './media';

/**
 * The report wizard as an explicit step machine kept in the session (`Draft.step`), rather than
 * telegraf Scenes: the whole state is one small JSON object we control, so it survives a restart
 * from Redis unchanged, every callback can be checked against it (draft id + step), and
 * "edit from review, then return to review" is one flag instead of nested scenes.
 */

const EAT_MS = 3 * 60 * 60 * 1000;
const HTML = { parse_mode: 'HTML' as const };
const REPLY_KEYBOARD_STEPS: readonly Step[] = ['place', 'contact'];

export function newDraftId(): string {
  return randomBytes(9).toString('base64url');
}

/** Where the natural flow goes after a step (anon depends on the answer and is handled there). */
const NEXT: Partial<Record<Step, Step>> = { kind: 'cat', cat: 'desc', desc: 'county', county: 'place', place: 'when', when: 'ev', ev: 'danger', danger: 'anon', contact: 'review' };
const PREV: Partial<Record<Step, Step>> = { cat: 'kind', desc: 'cat', county: 'desc', place: 'county', when: 'place', ev: 'when', danger: 'ev', anon: 'danger', contact: 'anon', review: 'anon' };
/** Steps whose answer needs a follow-up step even when editing from review. */
const CHAINED: readonly Step[] = ['kind', 'county'];

export function formatDay(at: number): string {
  const iso = new Date(at + EAT_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function formatTime(at: number): string {
  return new Date(at + EAT_MS).toISOString().slice(11, 16);
}

export class Wizard {
  /** "Report an incident": resume the draft in progress, or start a new one. */
  async begin(ctx: BotContext): Promise<void> {
    if (ctx.session.draft) {
      await ctx.reply(ctx.t('wizard.resume'));
      return this.show(ctx);
    }
    ctx.session.draft = { id: newDraftId(), step: 'kind' };
    ctx.session.pendingReply = undefined;
    ctx.log.info({ outcome: 'draft_started' }, 'report draft started');
    return this.show(ctx);
  }

  /** Discard the draft (from /cancel or any Cancel button) and say so plainly. */
  async cancel(ctx: BotContext): Promise<void> {
    const d = ctx.session.draft;
    if (!d) {
      await ctx.reply(ctx.t('cancel.nothing'), kb.mainMenu(ctx.t));
      return;
    }
    ctx.session.draft = undefined;
    ctx.log.info({ outcome: 'draft_cancelled', step: d.step }, 'report draft cancelled');
    if (REPLY_KEYBOARD_STEPS.includes(d.step)) {
      await ctx.reply(ctx.t('cancel.done'), Markup.removeKeyboard());
      await ctx.reply(ctx.t('cancel.again'), kb.startAgain(ctx.t));
    } else {
      await ctx.reply(`${ctx.t('cancel.done')}\n\n${ctx.t('cancel.again')}`, kb.startAgain(ctx.t));
    }
  }

  /** Show the current step's question. Every step is a new message so the newest one is always the live one. */
  async show(ctx: BotContext): Promise<void> {
    const d = ctx.session.draft;
    if (!d) return;
    const t = ctx.t;
    switch (d.step) {
      case 'kind':
        await ctx.reply(t('kind.ask'), kb.kindKeyboard(t, d.id));
        return;
      case 'cat':
        if (!d.kind) return this.go(ctx, 'kind');
        await ctx.reply(t('category.ask', { kind: t(`common:kind.${d.kind}`) }), kb.categoryKeyboard(t, d.id, d.kind));
        return;
      case 'desc':
        await ctx.reply(t('desc.ask', { max: LIMITS.descriptionMaxChars }), kb.navKeyboard(t, d.id, 'desc'));
        return;
      case 'county':
        await ctx.reply(t('county.ask'), kb.countyKeyboard(t, d.id, d.countyPage ?? 0));
        return;
      case 'place': {
        const county = countyByCode(d.county ?? 0);
        if (!county) return this.go(ctx, 'county');
        await ctx.reply(t('place.ask', { county: county.name }), kb.placeKeyboard(t));
        return;
      }
      case 'when':
        await ctx.reply(t('when.ask'), kb.whenKeyboard(t, d.id));
        return;
      case 'ev': {
        const n = d.evidence?.length ?? 0;
        const text = n ? `${t('ev.ask', { max: LIMITS.evidenceMaxItems })}\n\n${t('ev.count', { count: n, max: LIMITS.evidenceMaxItems })}` : t('ev.ask', { max: LIMITS.evidenceMaxItems });
        await ctx.reply(text, kb.evidenceKeyboard(t, d.id, n));
        return;
      }
      case 'danger':
        await ctx.reply(t('danger.ask'), kb.dangerKeyboard(t, d.id));
        return;
      case 'anon':
        await ctx.reply(t('anon.ask'), { ...HTML, ...kb.anonKeyboard(t, d.id) });
        return;
      case 'contact':
        await ctx.reply(t('contact.ask'), kb.contactKeyboard(t));
        return;
      case 'review': {
        const missing = this.firstMissing(d);
        if (missing) return this.go(ctx, missing);
        await ctx.reply(this.reviewText(ctx, d), { ...HTML, ...kb.reviewKeyboard(t, d.id) });
        return;
      }
    }
  }

  private async go(ctx: BotContext, step: Step): Promise<void> {
    const d = ctx.session.draft;
    if (!d) return;
    d.step = step;
    if (step === 'review') d.editing = undefined;
    return this.show(ctx);
  }

  /** After an answer: the next step, or back to review when editing one part. */
  private async advance(ctx: BotContext, d: Draft): Promise<void> {
    if (d.editing && !CHAINED.includes(d.step)) return this.go(ctx, 'review');
    return this.go(ctx, NEXT[d.step] ?? 'review');
  }

  private async back(ctx: BotContext, d: Draft): Promise<void> {
    if (REPLY_KEYBOARD_STEPS.includes(d.step)) await ctx.reply(ctx.t('wizard.ok'), Markup.removeKeyboard());
    if (d.step === 'kind' && !d.editing) {
      // Back from the first question leaves the (still empty) report.
      ctx.session.draft = undefined;
      await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
      return;
    }
    // While editing, Back returns to review, except within the chained pairs kind->cat and county->place.
    if (d.editing && d.step !== 'cat' && d.step !== 'place') return this.go(ctx, 'review');
    return this.go(ctx, PREV[d.step] ?? 'kind');
  }

  /** A button press on a wizard message. The data is checked against the session, never trusted. */
  async onCallback(ctx: BotContext, draftId: string, step: string, value: string): Promise<void> {
    const d = ctx.session.draft;
    if (!d || d.id !== draftId || d.step !== step) {
      const done = ctx.session.lastSubmitted;
      if (step === 'review' && value === 'ok' && done && done.draftId === draftId) {
        // A second tap on Confirm (or a re-delivered one): same report, same reference.
        await ctx.answerCbQuery();
        await ctx.reply(ctx.t('submit.already', { reference: done.reference }), HTML);
        return;
      }
      return this.stale(ctx);
    }
    if (value === 'x') {
      await ctx.answerCbQuery();
      return this.cancel(ctx);
    }
    if (value === 'back') {
      await ctx.answerCbQuery();
      return this.back(ctx, d);
    }
    const handled = await this.answer(ctx, d, value);
    if (!handled) return this.stale(ctx);
  }

  /** Tells the reporter the button is no longer valid and shows where they are. */
  private async stale(ctx: BotContext): Promise<void> {
    await ctx.answerCbQuery(ctx.t('wizard.stale'));
    if (ctx.session.draft) return this.show(ctx);
    await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
  }

  /** Applies a button answer; false when the value is not one this step offers (tampered data). */
  private async answer(ctx: BotContext, d: Draft, value: string): Promise<boolean> {
    const t = ctx.t;
    switch (d.step) {
      case 'kind':
        if (!isReportKind(value)) return false;
        await ctx.answerCbQuery();
        if (d.kind !== value) d.category = undefined;
        d.kind = value;
        await this.advance(ctx, d);
        return true;
      case 'cat': {
        const cat = d.kind ? categoriesOf(d.kind).find((c) => c.code === value) : undefined;
        if (!cat) return false;
        await ctx.answerCbQuery();
        d.category = cat.code as CategoryCode;
        await this.advance(ctx, d);
        return true;
      }
      case 'county': {
        const page = /^p(\d{1,2})$/.exec(value);
        if (page) {
          const p = Number(page[1]);
          if (p >= kb.COUNTY_PAGES) return false;
          await ctx.answerCbQuery();
          d.countyPage = p;
          await ctx.reply(t('county.ask'), kb.countyKeyboard(t, d.id, p));
          return true;
        }
        const county = /^\d{1,2}$/.test(value) ? countyByCode(Number(value)) : undefined;
        if (!county) return false;
        await ctx.answerCbQuery();
        return this.setCounty(ctx, d, county.code).then(() => true);
      }
      case 'when': {
        if (value !== 'now' && value !== 'today' && value !== 'yesterday') return false;
        await ctx.answerCbQuery();
        d.when = value;
        d.incidentAt = incidentTimeFor(value, ctx.now()).getTime();
        await this.advance(ctx, d);
        return true;
      }
      case 'ev':
        if (value !== 'done' && value !== 'skip') return false;
        await ctx.answerCbQuery();
        // Skip drops anything sent before; Done keeps it (and means "none" if nothing came).
        d.evidence = value === 'skip' ? [] : (d.evidence ?? []);
        await this.advance(ctx, d);
        return true;
      case 'danger':
        if (value !== 'y' && value !== 'n') return false;
        await ctx.answerCbQuery();
        d.danger = value === 'y';
        if (d.danger) await this.showEmergencyNumbers(ctx, d);
        await this.advance(ctx, d);
        return true;
      case 'anon':
        if (value !== 'a' && value !== 'c') return false;
        await ctx.answerCbQuery();
        if (value === 'a') {
          d.anonymous = true;
          d.phone = undefined;
          await this.go(ctx, 'review');
        } else {
          await this.go(ctx, 'contact');
        }
        return true;
      case 'review': {
        if (value === 'ok') {
          await ctx.answerCbQuery();
          await this.submit(ctx, d);
          return true;
        }
        const edit = /^e_(\w+)$/.exec(value)?.[1];
        if (!edit || !(kb.EDITABLE as readonly string[]).includes(edit)) return false;
        await ctx.answerCbQuery();
        d.editing = true;
        d.step = edit as Step;
        await this.show(ctx);
        return true;
      }
      default:
        // desc, place, contact take messages, not buttons (apart from Back and Cancel).
        return false;
    }
  }

  private async setCounty(ctx: BotContext, d: Draft, code: number): Promise<void> {
    if (d.county !== code) {
      d.place = undefined;
      d.location = undefined;
    }
    d.county = code;
    d.countyPage = undefined;
    return this.advance(ctx, d);
  }

  /** Shown at once when someone is in danger, before anything else is asked. */
  private async showEmergencyNumbers(ctx: BotContext, d: Draft): Promise<void> {
    const numbers = numbersFor(ctx.deps.helpNumbers, d.category ?? '');
    const lines = numbers.map((n) => `<b>${escapeHtml(n.number)}</b> ${escapeHtml(ctx.t(`common:${n.labelKey}`))}`);
    await ctx.reply(`${ctx.t('danger.numbers')}\n\n${lines.join('\n')}\n\n${ctx.t('danger.priority')}`, HTML);
  }

  /** A message (not a button) while a draft is open. */
  async onMessage(ctx: BotContext, msg: Message): Promise<void> {
    const d = ctx.session.draft;
    if (!d) return;
    const t = ctx.t;
    if ('text' in msg) {
      const text = msg.text;
      if (REPLY_KEYBOARD_STEPS.includes(d.step)) {
        if (text === t('btn.back')) return this.back(ctx, d);
        if (text === t('btn.cancel')) return this.cancel(ctx);
      }
      if (text.startsWith('/')) {
        await ctx.reply(t('wizard.unknown_command'));
        return this.show(ctx);
      }
      return this.onText(ctx, d, text);
    }
    const media = mediaOf(msg);
    if (media && media.size !== undefined && media.size > LIMITS.evidenceMaxBytes && (d.step === 'ev' || (d.step === 'desc' && media.kind === 'voice'))) {
      await ctx.reply(t('ev.too_big', { mb: LIMITS.evidenceMaxBytes / (1024 * 1024) }));
      return this.show(ctx);
    }
    if (d.step === 'desc' && media?.kind === 'voice') {
      if ((media.durationSec ?? 0) > LIMITS.voiceMaxSeconds) {
        await ctx.reply(t('desc.voice_too_long', { minutes: LIMITS.voiceMaxSeconds / 60 }));
        return this.show(ctx);
      }
      d.voice = media;
      d.text = undefined;
      await ctx.reply(t('desc.voice_received'));
      return this.advance(ctx, d);
    }
    if (d.step === 'ev' && media) return this.addEvidence(ctx, d, media, captionOf(msg));
    if (d.step === 'place' && 'location' in msg) {
      d.location = { lat: msg.location.latitude, lon: msg.location.longitude };
      d.place = undefined;
      await ctx.reply(t('place.location_noted'), Markup.removeKeyboard());
      return this.advance(ctx, d);
    }
    if (d.step === 'contact' && 'contact' in msg) {
      // Only the sender's own number: a forwarded or picked contact would identify someone else.
      if (msg.contact.user_id !== ctx.from?.id) {
        await ctx.reply(t('contact.not_yours'), kb.contactKeyboard(t));
        return;
      }
      d.phone = msg.contact.phone_number;
      d.anonymous = false;
      await ctx.reply(t('contact.thanks'), Markup.removeKeyboard());
      return this.go(ctx, 'review');
    }
    await ctx.reply(t(`unexpected.${d.step}`));
    return this.show(ctx);
  }

  private async onText(ctx: BotContext, d: Draft, input: string): Promise<void> {
    const t = ctx.t;
    switch (d.step) {
      case 'desc': {
        const check = checkText(input, LIMITS.descriptionMaxChars);
        if (!check.ok) {
          await ctx.reply(t(`desc.${check.reason}`, { max: check.max, length: [...input.trim()].length }));
          return this.show(ctx);
        }
        d.text = check.text;
        d.voice = undefined;
        return this.advance(ctx, d);
      }
      case 'county': {
        const m = matchCounty(input);
        if (m.kind === 'exact') return this.setCounty(ctx, d, m.county.code);
        if (m.kind === 'suggest') {
          await ctx.reply(t('county.suggest', { county: m.county.name }), kb.countyKeyboard(t, d.id, d.countyPage ?? 0, m.county.code));
          return;
        }
        await ctx.reply(t('county.unknown'), kb.countyKeyboard(t, d.id, d.countyPage ?? 0));
        return;
      }
      case 'place': {
        const check = checkText(input, LIMITS.placeMaxChars);
        if (!check.ok) {
          await ctx.reply(t(`place.${check.reason}`, { max: check.max }));
          return this.show(ctx);
        }
        d.place = check.text;
        d.location = undefined;
        await ctx.reply(t('place.noted'), Markup.removeKeyboard());
        return this.advance(ctx, d);
      }
      case 'when': {
        const parsed = parseIncidentDate(input, ctx.now());
        if (!parsed.ok) {
          await ctx.reply(t(`when.${parsed.reason}`, { example: formatDay(ctx.now().getTime()) }));
          return this.show(ctx);
        }
        d.when = 'date';
        d.incidentAt = parsed.date.getTime();
        return this.advance(ctx, d);
      }
      case 'contact':
        await ctx.reply(t('contact.use_button'), kb.contactKeyboard(t));
        return;
      default:
        await ctx.reply(t(`unexpected.${d.step}`));
        return this.show(ctx);
    }
  }

  private async addEvidence(ctx: BotContext, d: Draft, media: NonNullable<ReturnType<typeof mediaOf>>, caption?: string): Promise<void> {
    const t = ctx.t;
    const list = (d.evidence ??= []);
    if (list.length >= LIMITS.evidenceMaxItems) {
      await ctx.reply(t('ev.full', { max: LIMITS.evidenceMaxItems }), kb.evidenceKeyboard(t, d.id, list.length));
      return;
    }
    list.push(caption ? { ...media, caption: caption.slice(0, 1024) } : media);
    await ctx.reply(t('ev.count', { count: list.length, max: LIMITS.evidenceMaxItems }), kb.evidenceKeyboard(t, d.id, list.length));
  }

  /** The first required answer still missing (a draft restored from an older bot version, or edited oddly). */
  private firstMissing(d: Draft): Step | undefined {
    if (!d.kind) return 'kind';
    if (!d.category) return 'cat';
    if (!d.text && !d.voice) return 'desc';
    if (!d.county) return 'county';
    if (!d.place && !d.location) return 'place';
    if (!d.when || d.incidentAt === undefined) return 'when';
    if (!d.evidence) return 'ev';
    if (d.danger === undefined) return 'danger';
    if (d.anonymous === undefined) return 'anon';
    return undefined;
  }

  reviewText(ctx: BotContext, d: Draft): string {
    const t = ctx.t;
    const yesNo = (b: boolean | undefined) => t(b ? 'review.yes' : 'review.no');
    const what = d.voice ? t('review.voice', { seconds: d.voice.durationSec ?? 0 }) : escapeHtml(truncate(d.text ?? '', 700));
    const place = d.location ? t('review.location') : escapeHtml(d.place ?? '');
    const at = d.incidentAt ?? 0;
    const when = d.when === 'now' ? t('review.when_now', { date: formatDay(at), time: formatTime(at) }) : d.when === 'date' ? formatDay(at) : t(`review.when_${d.when ?? 'today'}`, { date: formatDay(at) });
    const lines = [
      t('review.title'),
      '',
      `<b>${t('review.kind')}</b> ${escapeHtml(t(`common:kind.${d.kind}`))}`,
      `<b>${t('review.category')}</b> ${escapeHtml(t(`common:category.${d.category}`))}`,
      `<b>${t('review.what')}</b> ${what}`,
      `<b>${t('review.county')}</b> ${escapeHtml(countyByCode(d.county ?? 0)?.name ?? '')}`,
      `<b>${t('review.place')}</b> ${place}`,
      `<b>${t('review.when')}</b> ${when}`,
      `<b>${t('review.evidence')}</b> ${d.evidence?.length ? t('review.files', { count: d.evidence.length }) : t('review.none')}`,
      `<b>${t('review.danger')}</b> ${yesNo(d.danger)}`,
      `<b>${t('review.contact')}</b> ${d.anonymous ? t('review.anonymous') : t('review.phone_shared')}`,
      '',
      t('review.hint'),
    ];
    return lines.join('\n');
  }

  /**
   * Confirm: reporter record, then the report (idempotent on the draft id). "Received" is said
   * only after MongoDB has it; if that fails the draft stays and Confirm can simply be tapped again.
   */
  private async submit(ctx: BotContext, d: Draft): Promise<void> {
    const missing = this.firstMissing(d);
    if (missing) return this.go(ctx, missing);
    const from = ctx.from;
    const chat = ctx.chat;
    if (!from || !chat || !d.kind || !d.category || !d.county || !d.when || d.incidentAt === undefined || d.danger === undefined || d.anonymous === undefined) return;
    await ctx.sendChatAction('typing').catch(() => undefined);
    const result = await ctx.deps.intake.submit({
      reporter: { telegramUserId: from.id, chatId: chat.id, firstName: from.first_name, lastName: from.last_name, username: from.username },
      language: ctx.lang,
      ...(d.phone ? { phone: d.phone } : {}),
      report: {
        draftId: d.id,
        kind: d.kind,
        category: d.category,
        description: d.voice ? { voice: d.voice } : { text: d.text },
        county: d.county,
        ...(d.place ? { place: d.place } : {}),
        ...(d.location ? { location: d.location } : {}),
        when: d.when,
        incidentAt: new Date(d.incidentAt),
        dangerNow: d.danger,
        anonymous: d.anonymous,
        evidence: d.evidence ?? [],
      },
    });
    if (result.ok) return this.received(ctx, d, result.reference);
    if (result.reason === 'daily_limit') {
      await ctx.reply(ctx.t('limits:reports_per_day', { count: result.limit }));
      return;
    }
    await ctx.reply(ctx.t('submit.failed'), kb.confirmAgain(ctx.t, d.id));
  }

  private async received(ctx: BotContext, d: Draft, reference: string): Promise<void> {
    ctx.session.draft = undefined;
    ctx.session.lastSubmitted = { draftId: d.id, reference };
    ctx.state.reportCommitted = true;
    await ctx.reply(ctx.t('submit.received', { reference }), { ...HTML, ...kb.mainMenu(ctx.t) });
  }
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
}
