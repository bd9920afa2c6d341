import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Eta } from 'eta';
import type { TFunction } from 'i18next';
import { PRIORITY_NAMES, countyByCode, isPriority, mayEnter, raisedByWaiting, unfinishedView, type CategoryCode, type ConsoleArea, type Role } from '../domain';
import type { Translator, Lang } from '../i18n';
import type { AgentDoc, ReportDoc } from '../store';

/** Views and scripts live beside the sources; from dist/ we look back into src/ (no build step). */
export function consoleAssetDir(name: 'views' | 'public'): string {
  const here = join(__dirname, name);
  return existsSync(here) ? here : join(__dirname, '..', '..', 'src', 'console', name);
}

const TZ = 'Africa/Nairobi';

/** What every page template gets as `it.h`: translations and formatting in the viewer's language. */
export interface ViewHelpers {
  lang: Lang;
  t: TFunction;
  /** "3 min", "2 h", "4 d": compact ages for lists. */
  age(d: Date | string | null | undefined, now?: Date): string;
  /** Date and time in Kenyan time. */
  dateTime(d: Date | string | null | undefined): string;
  date(d: Date | string | null | undefined): string;
  /** "07:02" today, "21 Nov 07:02" before: for dense lists. */
  shortTime(d: Date | string | null | undefined, now?: Date): string;
  county(code: number | null | undefined): string;
  /** A report stored at "someone is in danger" and not finished yet: a short label and one sentence; null otherwise. */
  unfinished(u: ReportDoc['unfinished'], now?: Date): { label: string; detail: string } | null;
  priorityName(p: number): string;
  /** CSS class carrying the priority colour. */
  priorityClass(p: number): string;
  /** A waiting ticket that waited too long: the words for its mark, true whether or not its priority could be raised. */
  waited(r: { priority: number; escalations?: number | null; category: string }): { raised: boolean; title: string };
  category(code: string): string;
  status(s: string): string;
  bytes(n: number | undefined): string;
  /** Builds a query string from the current filters with one value changed. */
  query(params: Record<string, string | number | undefined>): string;
  /** Whether a role may enter a console area (src/domain/policy.ts), for navigation links. */
  mayEnter(role: Role | null | undefined, area: ConsoleArea): boolean;
}

/** A file's size as people read it (B, KB, MB); empty when unknown. */
function sizeOf(n: number | undefined): string {
  if (!n) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A link's query string from the values that are set ("?a=1&b=x"), empty when none is. */
function queryString(params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

export interface PageContext {
  agent: AgentDoc | null;
  csrf: string;
  lang: Lang;
  path: string;
  /** This page with its query but not its one-time message: where the language switch comes back to. */
  back: string;
  /** Flash message key under console:flash, from a redirect. */
  flash?: { kind: 'ok' | 'error'; key: string; vars?: Record<string, number> };
}

export class ConsoleViews {
  private readonly eta: Eta;

  constructor(
    private readonly translator: Translator,
    opts: { cache: boolean; dir?: string },
  ) {
    this.eta = new Eta({ views: opts.dir ?? consoleAssetDir('views'), cache: opts.cache, autoEscape: true, autoTrim: [false, 'nl'] });
  }

  helpers(lang: Lang): ViewHelpers {
    const t = this.translator.fixed(lang, 'console');
    const locale = lang === 'sw' ? 'sw-KE' : 'en-KE';
    const dtf = new Intl.DateTimeFormat(locale, { timeZone: TZ, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
    const df = new Intl.DateTimeFormat(locale, { timeZone: TZ, day: 'numeric', month: 'short', year: 'numeric' });
    const tf = new Intl.DateTimeFormat(locale, { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });
    const dayf = new Intl.DateTimeFormat(locale, { timeZone: TZ, day: 'numeric', month: 'short' });
    const toDate = (d: Date | string | null | undefined) => (d ? new Date(d) : null);
    const helpers: ViewHelpers = {
      lang,
      t,
      age(d, now = new Date()) {
        const date = toDate(d);
        if (!date) return '';
        const min = Math.max(0, Math.floor((now.getTime() - date.getTime()) / 60_000));
        if (min < 1) return t('age.now');
        if (min < 60) return t('age.minutes', { count: min });
        if (min < 48 * 60) return t('age.hours', { count: Math.floor(min / 60) });
        return t('age.days', { count: Math.floor(min / 1440) });
      },
      dateTime: (d) => {
        const date = toDate(d);
        return date ? dtf.format(date) : '';
      },
      date: (d) => {
        const date = toDate(d);
        return date ? df.format(date) : '';
      },
      shortTime(d, now = new Date()) {
        const date = toDate(d);
        if (!date) return '';
        return df.format(date) === df.format(now) ? tf.format(date) : `${dayf.format(date)} ${tf.format(date)}`;
      },
      county: (code) => (code ? (countyByCode(code)?.name ?? String(code)) : ''),
      unfinished(u, now = new Date()) {
        const v = unfinishedView(u, now);
        if (!v) return null;
        if (v.state === 'writing') return { label: t('unfinished.writing'), detail: t('unfinished.writing_detail', { age: helpers.age(v.since, now) }) };
        return { label: t('unfinished.not_finished'), detail: t(v.cancelled ? 'unfinished.cancelled_detail' : 'unfinished.silent_detail', { time: helpers.dateTime(v.since) }) };
      },
      priorityName: (p) => t(`common:priority.${p}`),
      priorityClass: (p) => `prio-${isPriority(p) ? PRIORITY_NAMES[p] : 'normal'}`,
      waited: (r) => {
        const raised = raisedByWaiting({ ...r, category: r.category as CategoryCode });
        return { raised, title: raised ? t('queue.escalated') : t('queue.escalated_kept', { priority: t(`priority_short.${r.priority}`) }) };
      },
      category: (code) => t(`common:category.${code}`, { defaultValue: code }),
      status: (s) => t(`status.${s}`, { defaultValue: s }),
      bytes: sizeOf,
      query: queryString,
      mayEnter: (role, area) => Boolean(role) && mayEnter(role as Role, area),
    };
    return helpers;
  }

  /** A full page inside the layout. */
  page(name: string, ctx: PageContext, data: Record<string, unknown> = {}): string {
    return this.eta.render(name, { ...data, ctx, h: this.helpers(ctx.lang) });
  }

  /** A fragment (no layout), re-fetched by the page's script after a live event. */
  fragment(name: string, lang: Lang, data: Record<string, unknown> = {}): string {
    return this.eta.render(name, { ...data, h: this.helpers(lang) });
  }
}
