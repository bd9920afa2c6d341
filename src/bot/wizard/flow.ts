import { COUNTIES } from '../../domain';
import type { IntakeRequest } from '../../services/intake-service';
import type { Draft, Step } from '../session';

/** Where the natural flow goes after a step (anon depends on the answer and is handled there). */
export const NEXT: Partial<Record<Step, Step>> = { kind: 'cat', cat: 'desc', desc: 'county', county: 'place', place: 'when', when: 'ev', ev: 'danger', danger: 'anon', contact: 'review' };
export const PREV: Partial<Record<Step, Step>> = { cat: 'kind', desc: 'cat', county: 'desc', place: 'county', when: 'place', ev: 'when', danger: 'ev', anon: 'danger', contact: 'anon', review: 'anon' };
/** Steps whose answer needs a follow-up step even when editing from review. */
export const CHAINED: readonly Step[] = ['kind', 'county'];
/** Steps asked with a reply keyboard (Telegram's location and contact buttons): Back and Cancel arrive as text. */
export const REPLY_KEYBOARD_STEPS: readonly Step[] = ['place', 'contact'];
/** Parts the reporter can change from the review screen. */
export const EDITABLE = ['kind', 'desc', 'county', 'when', 'ev', 'danger', 'anon'] as const;

export const COUNTIES_PER_PAGE = 12;
export const COUNTY_PAGES = Math.ceil(COUNTIES.length / COUNTIES_PER_PAGE);

/** The first required answer still missing (a draft restored from an older bot version, or edited oddly). */
export function firstMissing(d: Draft): Step | undefined {
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

/** The report as intake takes it; undefined while an answer is missing. */
export function toReport(d: Draft): IntakeRequest['report'] | undefined {
  if (!d.kind || !d.category || !d.county || !d.when || d.incidentAt === undefined || d.danger === undefined || d.anonymous === undefined) return undefined;
  return {
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
  };
}
