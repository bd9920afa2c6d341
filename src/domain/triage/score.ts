import { distance } from 'fastest-levenshtein';
import { areNeighbours } from '../county-neighbours';
import { categoryRelation } from './category-relation';
import { cosine, wordWeight, type Features, type PlaceWords } from './features';
import { GENERIC } from './lexicon';
import { formatPlate, sameWord } from './normalize';
import type { LinkReason } from './types';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Points each signal adds to a pair's score (0..1 after clipping). Set by hand and checked on a
 * labelled development set (see BENCHMARKS.md, "Triage"), not fitted: each number should make
 * sense to a supervisor reading the reasons.
 */
export const POINTS = {
  sameCategory: 0.15,
  relatedCategory: 0.08,
  unrelatedCategory: -0.15,
  /** Full points within `closeHours`, none at `neutralHours` apart, then negative (down to -3x, a day apart). */
  time: 0.15,
  closeHours: 1,
  neutralHours: 6,
  /** Same day when one report gave only the day ("today", a date): that says less than "within the hour". */
  sameDay: 0.5,
  place: 0.3,
  /** A place named only in the other's story counts this much of a place match. */
  placeInStory: 0.8,
  differentStation: -0.25,
  /**
   * Both named a place of their own and no distinctive word matches. Stronger than everything else
   * two short stories can share (category, hour, story, details: 0.9), so two estates are two
   * events unless a plate joins them: at -0.35 "police beat a man" in Kayole and in Kibera within
   * the hour linked at 0.55, and a day of protests in many estates became one incident.
   */
  differentPlace: -0.4,
  sharedPlate: 0.35,
  differentPlates: -0.35,
  /** Both name a sum of money and none is the same: likely two payments, two events. */
  differentAmounts: -0.15,
  /**
   * The two reports name neighbouring counties: compared only when their places share a name
   * (the gate in scorePair), and then this much less sure than within one county.
   */
  neighbouringCounty: -0.05,
  story: 0.4,
  details: 0.2,
} as const;

const hasMatch = (w: string, others: Iterable<string>) => {
  for (const o of others) if (sameWord(w, o)) return true;
  return false;
};

const distinctive = (p: PlaceWords) => p.words.some((w) => !GENERIC.has(w));

/**
 * Weighted overlap coefficient (symmetric) with typo-tolerant words. Generic words alone count
 * little, and nothing when both places have names of their own that differ: "Kibera market" and
 * "Gikomba market" are two places, not a third of one.
 */
function placeSimilarity(a: PlaceWords, b: PlaceWords): { sim: number; words: string[] } {
  if (!a.total || !b.total) return { sim: 0, words: [] };
  const words = new Set<string>();
  const covered = (x: PlaceWords, y: PlaceWords) =>
    x.words.reduce((sum, w, i) => {
      if (!hasMatch(w, y.words)) return sum;
      if (!GENERIC.has(w) && !hasMatch(w, words)) words.add(w);
      return sum + x.weights[i];
    }, 0) / x.total;
  const sim = Math.min(1, Math.max(covered(a, b), covered(b, a)));
  if (words.size) return { sim, words: [...words] };
  return { sim: distinctive(a) && distinctive(b) ? 0 : Math.min(sim, 0.3), words: [] };
}

/**
 * The other report named no place: look for this place's distinctive words in its story.
 * `shown`: whose words the reason names. Reasons are read from the first report's side (`a` of
 * `scorePair`), and an agent who may not open the second sees only what the first says itself:
 * when the story is the first's, its own words, not the place's spelling of them ("Akinyis").
 */
function placeInStory(a: PlaceWords, story: Set<string>, shown: 'place' | 'story'): { sim: number; words: string[] } {
  const distinct = a.words.filter((w) => !GENERIC.has(w));
  if (!distinct.length) return { sim: 0, words: [] };
  const words = distinct.filter((w) => hasMatch(w, story));
  const sim = (POINTS.placeInStory * words.length) / distinct.length;
  if (shown === 'place') return { sim, words };
  const own = new Set<string>();
  for (const o of story) if (words.some((w) => sameWord(w, o))) own.add(o);
  return { sim, words: [...own] };
}

export const stationsDiffer = (a: string[], b: string[]) => a.length > 0 && b.length > 0 && !a.some((w) => hasMatch(w, b));

function placeReasons(a: Features, b: Features, out: LinkReason[]): void {
  const pa = a.placeText;
  const pb = b.placeText;
  let m = placeSimilarity(a.place, b.place);
  if (!b.place.total) m = placeInStory(a.place, b.words, 'place');
  else if (!a.place.total) m = placeInStory(b.place, a.words, 'story');
  if (m.sim > 0) out.push({ code: 'similar_place', a: pa, b: pb, words: m.words, points: POINTS.place * m.sim });
  else if (distinctive(a.place) && distinctive(b.place)) {
    out.push({ code: 'different_place', a: pa, b: pb, points: POINTS.differentPlace });
  }
  for (const k of ['policeStation', 'pollingStation'] as const) {
    if (stationsDiffer(a[k], b[k])) out.push({ code: 'different_station', a: a.report[k] ?? '', b: b.report[k] ?? '', points: POINTS.differentStation });
  }
}

function plateReasons(a: Features, b: Features, out: LinkReason[]): void {
  if (!a.plates.length || !b.plates.length) return;
  // One wrong character in a plate typed from memory is common; two is another vehicle.
  const shared = a.plates.find((p) => b.plates.some((q) => distance(p, q) <= 1));
  if (shared) out.push({ code: 'shared_plate', plate: formatPlate(shared), points: POINTS.sharedPlate });
  else out.push({ code: 'different_plates', a: a.plates.map(formatPlate), b: b.plates.map(formatPlate), points: POINTS.differentPlates });
}

function sharedWords(a: Features, b: Features): string[] {
  const out: string[] = [];
  for (const w of a.words) if (!GENERIC.has(w) && hasMatch(w, b.words)) out.push(w);
  return out.sort((x, y) => wordWeight(y) - wordWeight(x) || y.length - x.length || (x < y ? -1 : 1)).slice(0, 6);
}

function storyReasons(a: Features, b: Features, out: LinkReason[]): void {
  const sim = cosine(a.story, b.story);
  if (sim >= 0.05) out.push({ code: 'similar_story', similarity: Math.round(sim * 100) / 100, words: sharedWords(a, b), points: POINTS.story * sim });
  if (a.amounts.length && b.amounts.length && !a.amounts.some((x) => b.amounts.includes(x))) {
    out.push({ code: 'different_amounts', a: a.amounts, b: b.amounts, points: POINTS.differentAmounts });
  }
  const da = new Set(a.details);
  const both = b.details.filter((d) => da.has(d));
  // Dice: a long story naming many details is not punished for the ones the other left out.
  if (both.length) out.push({ code: 'same_details', concepts: both, points: (POINTS.details * 2 * both.length) / (a.details.length + b.details.length) });
}

/** Hours between two incident intervals (0 when they overlap). */
export function gapHours(a: Features, b: Features): number {
  return Math.max(0, a.from - b.to, b.from - a.to) / HOUR_MS;
}

/**
 * Two instants: full points within the hour, falling to nothing at `neutralHours`, then negative.
 * When a reporter gave only the day, the day is all we know: overlapping days earn "same day";
 * different days (even adjacent ones) count against, as the reporters themselves said so.
 */
export function timePoints(a: Features, b: Features, gap: number): number {
  const { closeHours: c, neutralHours: n } = POINTS;
  const day = dayRelation(a, b);
  if (!day) return POINTS.time * Math.max(-3, gap <= c ? 1 : 1 - (gap - c) / (n - c));
  if (day === 'same') return POINTS.time * POINTS.sameDay;
  return POINTS.time * Math.max(-3, -1 - gap / n);
}

/**
 * When either gave only the day: whether the two can be one moment (the day named overlaps the
 * other's time or day). Undefined when both gave a time.
 */
export function dayRelation(a: Features, b: Features): 'same' | 'other' | undefined {
  const instantA = a.from === a.to;
  const instantB = b.from === b.to;
  if (instantA && instantB) return undefined;
  return a.from < (instantB ? b.to + 1 : b.to) && b.from < (instantA ? a.to + 1 : a.to) ? 'same' : 'other';
}

function categoryReason(a: string, b: string): LinkReason {
  const rel = categoryRelation(a, b);
  if (rel === 'same') return { code: 'same_category', category: a, points: POINTS.sameCategory };
  if (rel === 'related') return { code: 'related_category', a, b, points: POINTS.relatedCategory };
  return { code: 'unrelated_category', a, b, points: POINTS.unrelatedCategory };
}

/**
 * Score one pair; null when they cannot be one incident (counties apart, neighbouring counties
 * without a place name in common, or further apart in time than the window). Symmetric, and a function of the two reports only: a link never changes
 * because other reports arrived.
 */
export function scorePair(a: Features, b: Features, windowHours: number): { score: number; reasons: LinkReason[] } | null {
  const across = a.report.county !== b.report.county;
  if (across && !areNeighbours(a.report.county, b.report.county)) return null;
  const gap = gapHours(a, b);
  if (gap > windowHours) return null;
  const reasons: LinkReason[] = [
    across ? { code: 'neighbouring_county', a: a.report.county, b: b.report.county, points: POINTS.neighbouringCounty } : { code: 'same_county', county: a.report.county, points: 0 },
  ];
  reasons.push(categoryReason(a.report.category, b.report.category));
  const day = dayRelation(a, b);
  reasons.push({ code: 'close_in_time', hours: Math.round(gap * 10) / 10, ...(day ? { day } : {}), points: timePoints(a, b, gap) });
  placeReasons(a, b, reasons);
  // Across a county line only one place, named by both, makes two reports one event.
  if (across && !reasons.some((r) => r.code === 'similar_place' && r.words.length > 0)) return null;
  plateReasons(a, b, reasons);
  storyReasons(a, b, reasons);
  const total = reasons.reduce((s, r) => s + r.points, 0);
  for (const r of reasons) r.points = Math.round(r.points * 1000) / 1000;
  reasons.sort((x, y) => Math.abs(y.points) - Math.abs(x.points) || (x.code < y.code ? -1 : 1));
  return { score: Math.round(Math.max(0, Math.min(1, total)) * 1000) / 1000, reasons };
}
