import { matchCounty } from '../counties';
import { DAY_MS } from '../time-units';
import { DETAILS, GENERIC } from './lexicon';
import { canonicalWords, findPlates, sameWord } from './normalize';
import type { TriageReport } from './types';

/** A sparse vector: term hashes ascending, weights with unit length. */
export interface Vec {
  terms: Uint32Array;
  weights: Float32Array;
}

export interface PlaceWords {
  words: string[];
  weights: number[];
  total: number;
}

/** Everything the scorer reads, computed once per report (the index keeps it). */
export interface Features {
  report: TriageReport;
  /** Incident interval in ms: an instant for "now", the (elapsed part of the) day otherwise. */
  from: number;
  to: number;
  plates: string[];
  place: PlaceWords;
  /** The place as the reporter typed the one compared (`place`), for the reasons; '' when none. */
  placeText: string;
  /** The place words joined: reports typing one place the same way share it (the scorer memoises on it). */
  placeKey: string;
  policeStation: string[];
  pollingStation: string[];
  /** Canonical words of the story (and place), for shared words and place-in-story matches. */
  words: Set<string>;
  details: string[];
  /** Sums of money named in the story ("500 bob", "mia tano"), as numbers. */
  amounts: number[];
  story: Vec;
}

const isCanonical = (w: string) => DETAILS.has(w) || GENERIC.has(w);
const GENERIC_WEIGHT = 0.3;

export const wordWeight = (w: string) => (GENERIC.has(w) ? GENERIC_WEIGHT : 1);

/** FNV-1a, 32 bits: n-grams become numbers without a shared vocabulary (no state across reports). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Character trigrams of each word (with word boundaries), so typos and Swahili affixes still
 * share most terms ("kasaranii" ~ "kasarani", "walimkamata" ~ "walikamata"). Canonical words
 * (bribe, roadblock...) and numbers are one term each: they are already exact.
 */
export function storyVector(words: string[]): Vec {
  const tf = new Map<number, number>();
  const add = (term: string, w: number) => {
    const h = hash(term);
    tf.set(h, (tf.get(h) ?? 0) + w);
  };
  for (const w of words) {
    const weight = wordWeight(w);
    if (isCanonical(w)) add(`=${w}`, 1.5 * weight);
    else if (/^\d+$/.test(w) || w.length < 3) add(`=${w}`, weight);
    else {
      const padded = ` ${w} `;
      for (let i = 0; i + 3 <= padded.length; i++) add(padded.slice(i, i + 3), weight);
    }
  }
  const terms = [...tf.keys()].sort((x, y) => x - y);
  // Sublinear term frequency: a word repeated in a long story does not swamp the rest.
  const raw = terms.map((t) => 1 + Math.log(tf.get(t) ?? 1));
  const norm = Math.sqrt(raw.reduce((s, v) => s + v * v, 0)) || 1;
  return { terms: Uint32Array.from(terms), weights: Float32Array.from(raw.map((v) => v / norm)) };
}

export function cosine(a: Vec, b: Vec): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  const at = a.terms;
  const bt = b.terms;
  while (i < at.length && j < bt.length) {
    const x = at[i];
    const y = bt[j];
    if (x === y) dot += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

function placeWords(...texts: (string | undefined)[]): PlaceWords {
  const words = [...new Set(texts.flatMap((t) => canonicalWords(t)))];
  const weights = words.map(wordWeight);
  return { words, weights, total: weights.reduce((s, v) => s + v, 0) };
}

/**
 * The place as the linker compares it: none when the reporter typed only their own county
 * ("Kisumu", "Kisumu town", "kaunti ya Kisumu"), which the county field says already; read as a
 * place name it contradicted the estate another reporter of the event named ("Kondele"). A town
 * within the county ("Ahero") and a place carrying the name ("Kisumu police station") stay places.
 */
function ownPlace(r: TriageReport): string | undefined {
  if (!r.place) return undefined;
  const m = matchCounty(r.place);
  return m.kind === 'exact' && m.county.code === r.county && !m.town ? undefined : r.place;
}

const distinctive = (t: string | undefined) => canonicalWords(t).filter((w) => !GENERIC.has(w));

export function featuresOf(r: TriageReport): Features {
  const t = r.incidentAt.getTime();
  const instant = (r.when ?? 'now') === 'now';
  const from = t;
  const to = instant ? t : Math.max(t, Math.min(t + DAY_MS, r.createdAt.getTime()));
  const storyWords = canonicalWords(r.story);
  const all = new Set([...storyWords, ...canonicalWords(r.place)]);
  const typed = ownPlace(r);
  const place = placeWords(typed, r.policeStation, r.pollingStation);
  // The story vector says what happened; where is the place's job (else every report of a busy
  // polling station would "tell the same story").
  const here = place.words.filter((w) => !GENERIC.has(w));
  return {
    report: r,
    from,
    to,
    plates: findPlates(r.plate, r.place, r.story, r.policeStation),
    place,
    placeText: typed ?? r.policeStation ?? r.pollingStation ?? '',
    placeKey: place.words.join(' '),
    policeStation: distinctive(r.policeStation),
    pollingStation: distinctive(r.pollingStation),
    words: all,
    details: [...all].filter((w) => DETAILS.has(w)).sort(),
    amounts: [...new Set(storyWords.filter((w) => /^\d{2,7}$/.test(w)).map(Number))].filter((n) => n >= 50).sort((x, y) => x - y),
    story: storyVector(storyWords.filter((w) => !here.some((h) => sameWord(h, w)))),
  };
}
