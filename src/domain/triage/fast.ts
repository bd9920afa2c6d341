import { distance } from 'fastest-levenshtein';
import { areNeighbours } from '../county-neighbours';
import { categoryRelation } from './category-relation';
import type { Features } from './features';
import { GENERIC } from './lexicon';
import { sameWord } from './normalize';
import { gapHours, POINTS, stationsDiffer, timePoints } from './score';

const CATEGORY_POINTS = { same: POINTS.sameCategory, related: POINTS.relatedCategory, unrelated: POINTS.unrelatedCategory } as const;

/**
 * The score of scorePair(q, f) without building reasons, for one query against many reports:
 * typo-tolerant word matches are memoised per query (a busy county repeats the same place words
 * thousands of times), nothing is allocated per candidate. The index explains only the pairs
 * that pass; a unit test holds the two paths to the same number.
 */
export class QueryScorer {
  /** Candidate word -> bits of the query's place words it matches. */
  private readonly masks = new Map<string, number>();
  /** Candidate word -> whether it matches a word of the query's story or place. */
  private readonly inStory = new Map<string, boolean>();
  private readonly categories = new Map<string, number>();
  /** Candidate place (its words) -> its place points, when the candidate named a place. */
  private readonly places = new Map<string, PlaceMatch>();
  /** Whether the last place read (`place`) shared a distinctive word: scorePair's `similar_place` with words. */
  private named = false;
  private readonly distinctBits: number;
  private readonly distinctCount: number;
  private readonly details: Set<string>;
  private readonly qWords: string[];
  private readonly table: { keys: Float64Array; vals: Float64Array; mask: number };

  constructor(
    private readonly q: Features,
    private readonly windowHours: number,
  ) {
    let bits = 0;
    q.place.words.forEach((w, i) => {
      if (!GENERIC.has(w)) bits |= 1 << i;
    });
    this.distinctBits = bits;
    this.distinctCount = popcount(bits);
    this.details = new Set(q.details);
    this.qWords = [...q.words];
    this.table = termTable(q);
  }

  /** False when the query has more place words than a mask holds: use scorePair then. */
  get usable(): boolean {
    return this.q.place.words.length <= 30;
  }

  /**
   * The pair's score, or null when the pair cannot be linked. With `floor`, a pair that cannot
   * reach it even with identical stories returns -1 before the story is compared.
   */
  score(f: Features, floor = 0): number | null {
    const q = this.q;
    const across = q.report.county !== f.report.county;
    if (across && !areNeighbours(q.report.county, f.report.county)) return null;
    const gap = gapHours(q, f);
    if (gap > this.windowHours) return null;
    // As in scorePair: across a county line, only with a place name in common (read first there:
    // most reports of a neighbouring county name another place).
    const placeAcross = across ? this.place(f) : 0;
    if (across && !this.named) return null;
    const plates = q.plates.length > 0 && f.plates.length > 0;
    // What the signals not yet read could add at most: checked as each is read, cheapest first.
    let rest = POINTS.place + (plates ? POINTS.sharedPlate : 0) + POINTS.details + POINTS.story;
    let total = this.category(f.report.category) + timePoints(q, f, gap) + (across ? POINTS.neighbouringCounty : 0);
    if (floor > 0 && total + rest < floor) return -1;
    let both = 0;
    for (const d of f.details) if (this.details.has(d)) both++;
    if (both) total += (POINTS.details * 2 * both) / (q.details.length + f.details.length);
    rest -= POINTS.details;
    if (floor > 0 && total + rest < floor) return -1;
    total += across ? placeAcross : this.place(f);
    if (stationsDiffer(q.policeStation, f.policeStation)) total += POINTS.differentStation;
    if (stationsDiffer(q.pollingStation, f.pollingStation)) total += POINTS.differentStation;
    if (plates) total += q.plates.some((p) => f.plates.some((x) => distance(p, x) <= 1)) ? POINTS.sharedPlate : POINTS.differentPlates;
    if (q.amounts.length && f.amounts.length && !q.amounts.some((x) => f.amounts.includes(x))) total += POINTS.differentAmounts;
    if (floor > 0 && total + POINTS.story < floor) return -1; // only the story is left
    const sim = this.cosine(f);
    if (sim >= 0.05) total += POINTS.story * sim;
    return Math.round(Math.max(0, Math.min(1, total)) * 1000) / 1000;
  }

  /** Same as cosine(q.story, f.story), reading the query's terms from an open-addressing table. */
  private cosine(f: Features): number {
    const { keys, vals, mask } = this.table;
    const terms = f.story.terms;
    const weights = f.story.weights;
    let dot = 0;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      for (let h = t & mask; keys[h] !== EMPTY; h = (h + 1) & mask) {
        if (keys[h] === t) {
          dot += vals[h] * weights[i];
          break;
        }
      }
    }
    return dot;
  }

  private category(c: string): number {
    let v = this.categories.get(c);
    if (v === undefined) {
      v = CATEGORY_POINTS[categoryRelation(this.q.report.category, c)];
      this.categories.set(c, v);
    }
    return v;
  }

  /**
   * A busy county's reports name a few dozen places, each typed a few ways: when the candidate
   * named a place its points depend on its place words only, so they are computed once per spelling.
   */
  private place(f: Features): number {
    if (!f.place.total) return this.placeUncached(f);
    let v = this.places.get(f.placeKey);
    if (v === undefined) {
      const points = this.placeUncached(f);
      v = { points, named: this.named };
      this.places.set(f.placeKey, v);
    }
    this.named = v.named;
    return v.points;
  }

  /** The place points; sets `named` (nothing is allocated per candidate). */
  private placeUncached(f: Features): number {
    this.named = false;
    const qp = this.q.place;
    const fp = f.place;
    if (qp.total && fp.total) {
      let orMask = 0;
      let coveredF = 0;
      let distinct = false;
      for (let i = 0; i < fp.words.length; i++) {
        const m = this.mask(fp.words[i]);
        if (!m) continue;
        orMask |= m;
        coveredF += fp.weights[i];
        if (!GENERIC.has(fp.words[i])) distinct = true;
      }
      let coveredQ = 0;
      for (let j = 0; j < qp.words.length; j++) if (orMask & (1 << j)) coveredQ += qp.weights[j];
      if (orMask & this.distinctBits) distinct = true;
      let sim = Math.min(1, Math.max(coveredF / fp.total, coveredQ / qp.total));
      const bothNamed = this.distinctCount > 0 && fp.words.some((w) => !GENERIC.has(w));
      // As in score.ts: only generic words shared, and each place has its own name: two places.
      if (!distinct) sim = bothNamed ? 0 : Math.min(sim, 0.3);
      this.named = distinct && sim > 0;
      if (sim > 0) return POINTS.place * sim;
      return bothNamed ? POINTS.differentPlace : 0;
    }
    if (!fp.total) {
      // The query's place in the candidate's story.
      if (!this.distinctCount) return 0;
      let orMask = 0;
      for (const w of f.words) orMask |= this.mask(w);
      const found = popcount(orMask & this.distinctBits);
      this.named = found > 0;
      return POINTS.place * ((POINTS.placeInStory * found) / this.distinctCount);
    }
    // The candidate's place in the query's story.
    const distinct = fp.words.filter((w) => !GENERIC.has(w));
    if (!distinct.length) return 0;
    const found = distinct.filter((w) => this.matchesQueryWords(w)).length;
    this.named = found > 0;
    return POINTS.place * ((POINTS.placeInStory * found) / distinct.length);
  }

  private mask(w: string): number {
    let m = this.masks.get(w);
    if (m === undefined) {
      m = 0;
      const qw = this.q.place.words;
      for (let j = 0; j < qw.length; j++) if (sameWord(w, qw[j])) m |= 1 << j;
      this.masks.set(w, m);
    }
    return m;
  }

  private matchesQueryWords(w: string): boolean {
    let v = this.inStory.get(w);
    if (v === undefined) {
      v = this.qWords.some((x) => sameWord(w, x));
      this.inStory.set(w, v);
    }
    return v;
  }
}

interface PlaceMatch {
  points: number;
  named: boolean;
}

/** Hashes are 32-bit unsigned, so -1 marks a free slot. */
const EMPTY = -1;

function termTable(q: Features): { keys: Float64Array; vals: Float64Array; mask: number } {
  let size = 64;
  while (size < q.story.terms.length * 4) size *= 2;
  const keys = new Float64Array(size).fill(EMPTY);
  const vals = new Float64Array(size);
  const mask = size - 1;
  q.story.terms.forEach((t, i) => {
    let h = t & mask;
    while (keys[h] !== EMPTY) h = (h + 1) & mask;
    keys[h] = t;
    vals[h] = q.story.weights[i];
  });
  return { keys, vals, mask };
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}
