import { asksAboutInjuries, asksForMedicalRecord, COUNTIES, LIMITS, spreadAway, type Injuries } from '../../domain';
import type { IntakeRequest, UrgentProgress } from '../../services/intake-service';
import type { Draft, Step } from '../session';
import { normalise } from './parse';
import { electoralUnits } from './units';

/**
 * Where the natural flow goes after a step. Evidence, the phone number and the details for the
 * agency are optional and reached from the review (files sent earlier are kept as evidence),
 * which keeps the shortest report at 9 actions from /start: skipping them costs no tap.
 */
export const NEXT: Partial<Record<Step, Step>> = {
  kind: 'cat', cat: 'danger', danger: 'desc', desc: 'county', hurt: 'county', p3: 'county', county: 'place', place: 'when', when: 'review', ev: 'review',
  // The optional details, opened from the review: police after the role, then election (`nextStep`
  // picks by kind). A session saved mid-group (they once followed "when") carries on to the review.
  ofc: 'unit', unit: 'wear', wear: 'stn', stn: 'plate', plate: 'review', by: 'pstn', how: 'pstn', pstn: 'const', const: 'ward', ward: 'review',
};
export const PREV: Partial<Record<Step, Step>> = {
  cat: 'kind', danger: 'cat', desc: 'danger', hurt: 'desc', p3: 'hurt', county: 'desc', place: 'county', when: 'place', ev: 'review', contact: 'review', review: 'when',
  role: 'review', vic: 'role', ofc: 'role', unit: 'ofc', wear: 'unit', stn: 'wear', plate: 'stn', by: 'role', how: 'by', pstn: 'by', const: 'pstn', ward: 'const',
};

/**
 * The step after `step` for this draft: the role question leads to the police or the election
 * details, by way of who it happened to when the reporter reports for someone else.
 */
/**
 * The P3 question follows "was anyone hurt?" (domain `asksForMedicalRecord`), except while someone
 * is in danger now: the report is with staff already, and its county and place must not wait on
 * paperwork (nor send a reporter to a police station about the police); "was anyone hurt?" stays,
 * as an injury without help needs an ambulance.
 */
const asksP3 = (d: Draft) => !d.danger && asksForMedicalRecord(d.category, d.injuries);

export function nextStep(d: Draft, step: Step): Step {
  // Where injuries are what the case is about: "was anyone hurt?" after the story, the P3 question if so.
  if (step === 'desc' && asksAboutInjuries(d.category)) return 'hurt';
  if (step === 'hurt' && asksP3(d)) return 'p3';
  if (step === 'role' && d.role === 'on_behalf') return 'vic';
  if (step === 'role' || step === 'vic') return d.kind === 'election' ? 'by' : 'ofc';
  // Where it was said or spread: asked of hate speech only.
  if (step === 'by' && d.category === 'e_hate') return 'how';
  // Said on air, online or by text: no polling station to ask for.
  if (step === 'how' && spreadAway(d.channel)) return 'const';
  return NEXT[step] ?? 'review';
}
/**
 * The step before `step` for this draft: the question about who it happened to comes back when
 * the reporter reports for someone else, and hate speech's "where was it said" before the polling station.
 */
export function prevStep(d: Draft, step: Step): Step {
  if (step === 'county' && asksAboutInjuries(d.category)) return asksP3(d) ? 'p3' : 'hurt';
  if ((step === 'ofc' || step === 'by') && d.role === 'on_behalf') return 'vic';
  if (step === 'pstn') return d.category === 'e_hate' ? 'how' : 'by';
  if (step === 'const' && d.category === 'e_hate' && spreadAway(d.channel)) return 'how';
  return PREV[step] ?? 'kind';
}
/** Steps whose answer needs a follow-up step even when editing from review (the optional details are one group). */
export const CHAINED: readonly Step[] = ['kind', 'county', 'role', 'vic', 'ofc', 'unit', 'wear', 'stn', 'by', 'how', 'pstn', 'const'];
/** Chained for this draft: "someone was hurt", changed from the review, goes on to the P3 question. */
export function chainsOn(d: Draft, step: Step): boolean {
  return CHAINED.includes(step) || (step === 'hurt' && asksP3(d));
}
/**
 * Where an answer changed from the review leads: back to the review, except a category that now
 * asks about injuries and has no answer to its question yet, nor a skip (changed from a bribe to
 * brutality): that question first, as on the way through (`chainsOn` then leads on to the P3 one).
 */
export function afterEdit(d: Draft, step: Step): Step {
  if (step !== 'cat' || !asksAboutInjuries(d.category)) return 'review';
  const skipped = d.injuriesSkipped ?? [];
  if (!d.injuries) return skipped.includes('hurt') ? 'review' : 'hurt';
  return asksP3(d) && !d.injuries.record && !skipped.includes('record') ? 'p3' : 'review';
}
/** Steps asked with a reply keyboard (Telegram's location and contact buttons): Back and Cancel arrive as text. */
export const REPLY_KEYBOARD_STEPS: readonly Step[] = ['place', 'contact'];
/** Parts the reporter can change from the review screen. */
export const EDITABLE = ['kind', 'danger', 'desc', 'hurt', 'county', 'when', 'role', 'ev'] as const;

/** The parts this draft's "change" menu offers: the injuries only where they are asked. */
export function editableFor(d: Pick<Draft, 'category'>): readonly Step[] {
  return EDITABLE.filter((s) => s !== 'hurt' || asksAboutInjuries(d.category));
}

export const COUNTIES_PER_PAGE = 12;
export const COUNTY_PAGES = Math.ceil(COUNTIES.length / COUNTIES_PER_PAGE);

/** The town a county was named by ("at Thika": Kiambu), for the draft, if a town named it. */
export function townNaming(name: string | undefined, county: number): Draft['town'] {
  return name ? { name, counties: [county] } : undefined;
}

/** The town or area named at the county question, while the county chosen is (one of) its own. */
export function townOf(d: Draft): Draft['town'] {
  return d.town && d.county !== undefined && d.town.counties.includes(d.county) ? d.town : undefined;
}

/** The place a town given at the county question stands for, when no spot within it is: "nje ya Naivasha", or the town. */
export function townPlace(town: Draft['town']): string | undefined {
  return town && (town.beside ?? town.name);
}

/**
 * "Near the stage" asked where in Kitengela: "Near the stage, Kitengela", so the place read by
 * staff says the town the reporter gave once. Not added when the words name it already, or when
 * the two together would be longer than a place may be.
 */
export function withTown(place: string, town: Draft['town']): string {
  const letters = (s: string) => normalise(s).replace(/[^\p{L}]/gu, '');
  const named = townPlace(town);
  if (!named || letters(place).includes(letters(named))) return place;
  const joined = `${place}, ${named}`;
  return [...joined].length <= LIMITS.placeMaxChars ? joined : place;
}

/** A place or a pin is given now: the marks of one typed or shared early, and a place set aside (`Draft.placeSetAside`), are spent. */
export function placeGiven(d: Draft): void {
  delete d.locationEarly;
  delete d.placeEarly;
  delete d.placeSetAside;
  delete d.placeRead;
}

/** The first required answer still missing (a draft restored from an older bot version, or edited oddly). */
export function firstMissing(d: Draft): Step | undefined {
  if (!d.kind) return 'kind';
  if (!d.category) return 'cat';
  if (d.danger === undefined) return 'danger';
  if (!d.text && !d.voice) return 'desc';
  if (!d.county) return 'county';
  if (!d.place && !d.location) return 'place';
  if (!d.when || d.incidentAt === undefined) return 'when';
  return undefined;
}

/** The report as intake takes it; undefined while an answer is missing. Anonymous unless the reporter chose otherwise. */
/**
 * What a draft whose report was stored early (someone in danger) has answered so far, for that
 * report: the story (words or voice), where and when, and the files, as far as given.
 */
export function urgentSoFar(d: Draft): UrgentProgress {
  const description = d.voice ? { voice: d.voice, ...(d.text ? { text: d.text } : {}) } : d.text ? { text: d.text } : undefined;
  return {
    ...(description ? { description } : {}),
    ...(d.county ? { county: d.county } : {}),
    ...(d.place ? { place: d.place } : {}),
    ...(d.location ? { location: d.location } : {}),
    ...(d.when && d.incidentAt !== undefined ? { when: d.when, incidentAt: new Date(d.incidentAt), ...(d.timeOfDay ? { timeOfDay: d.timeOfDay } : {}) } : {}),
    // A photo of what is happening, sent while they write, is seen by staff at once too.
    ...(d.evidence?.length ? { evidence: d.evidence } : {}),
    // Someone hurt and not treated is for staff to know at once too.
    ...injuriesOf(d),
  };
}

/** The injuries answered, where this category asks about them (a category changed since drops them). */
function injuriesOf(d: Draft): { injuries?: Injuries } {
  return d.injuries && asksAboutInjuries(d.category) ? { injuries: d.injuries } : {};
}

export function toReport(d: Draft): IntakeRequest['report'] | undefined {
  if (!d.kind || !d.category || !d.county || !d.when || d.incidentAt === undefined || d.danger === undefined) return undefined;
  return {
    draftId: d.id,
    kind: d.kind,
    category: d.category,
    // A voice note and, when more was written after it, those words too.
    description: d.voice ? { voice: d.voice, ...(d.text ? { text: d.text } : {}) } : { text: d.text },
    county: d.county,
    ...(d.place ? { place: d.place } : {}),
    ...(d.location ? { location: d.location } : {}),
    when: d.when,
    incidentAt: new Date(d.incidentAt),
    ...(d.timeOfDay ? { timeOfDay: d.timeOfDay } : {}),
    dangerNow: d.danger,
    anonymous: d.anonymous ?? true,
    evidence: d.evidence ?? [],
    ...(d.passedOn?.length ? { passedOn: d.passedOn.map((p) => ({ text: p.text, ...(p.from ? { from: p.from } : {}), ...(p.at !== undefined ? { sentAt: new Date(p.at) } : {}) })) } : {}),
    ...details(d),
  };
}

/** The optional details that were answered, for the report (names of units looked up from the data). */
function details(d: Draft): Partial<IntakeRequest['report']> {
  const units = electoralUnits();
  const constituency = d.constituency !== undefined ? units.constituency(d.constituency) : undefined;
  const ward = d.ward !== undefined ? units.ward(d.ward) : undefined;
  return {
    ...injuriesOf(d),
    ...(d.role ? { reporterRole: d.role } : {}),
    ...(d.role === 'on_behalf' && d.victim ? { victim: d.victim } : {}),
    ...(d.kind === 'police' && d.officers && Object.keys(d.officers).length ? { officers: d.officers } : {}),
    ...(d.kind === 'election' && (d.perpetrator?.kind || d.perpetrator?.words) ? { perpetrator: d.perpetrator } : {}),
    ...(d.kind === 'election' && d.category === 'e_hate' && d.channel ? { hateChannel: d.channel } : {}),
    ...(d.kind === 'election' && d.pollingStation ? { pollingStation: d.pollingStation } : {}),
    ...(d.kind === 'election' && constituency ? { constituency: { code: constituency.code, name: constituency.name } } : {}),
    ...(d.kind === 'election' && ward ? { ward: { code: ward.code, name: ward.name } } : {}),
  };
}
/**
 * Telegram clients split a pasted text over 4,096 characters into consecutive messages of (nearly)
 * 4,096 characters each, the last one shorter. A story message at least this long may be followed
 * by more parts; a shorter one ends the story.
 */
export const PART_MIN_CHARS = 3900;
/** How long the bot waits for the next part of a split paste before taking what it has. */
export const PARTS_WINDOW_MS = 2000;

/** A full-length story kept before its question may go on in the next message (Telegram splits long pastes). */
export function markSplit(d: Draft, text: string, now: number): void {
  d.earlyAt = [...text].length >= PART_MIN_CHARS ? now : undefined;
}
