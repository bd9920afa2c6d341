import { distance } from 'fastest-levenshtein';

/**
 * IEBC's electoral units below the county: 290 constituencies and 1,450 wards (polling stations sit
 * below wards). The list is data (data/kenya-electoral-units.json, built by
 * scripts/build-electoral-units.ts, sources noted in the file); this module only looks it up, so
 * whoever starts the process reads the file once and passes it to `ElectoralUnits.fromData`.
 */
export interface WardData { code: number; name: string }
export interface ConstituencyData { code: number; name: string; wards: WardData[] }
export interface CountyUnitsData { code: number; name: string; constituencies: ConstituencyData[] }
export interface ElectoralUnitsData { source: string; supplementedWardCodes?: number[]; counties: CountyUnitsData[] }

export interface Constituency { code: number; name: string; countyCode: number }
export interface Ward { code: number; name: string; constituencyCode: number; countyCode: number }

/**
 * exact: one unit has that name (or a recorded alias); ambiguous: several do (ward names such as
 * "Township" repeat across the country: ask for the constituency); suggest: nothing matched, these
 * are the closest names, best first ("did you mean"); none: nothing close.
 */
export type UnitMatch<T> =
  | { kind: 'exact'; unit: T }
  | { kind: 'ambiguous'; units: T[] }
  | { kind: 'suggest'; units: T[] }
  | { kind: 'none' };

export interface MatchScope { countyCode?: number; constituencyCode?: number }

/** Names people type for constituencies whose IEBC name differs (renamed, or words swapped). */
const CONSTITUENCY_ALIASES: Record<string, number> = {
  subanorth: 251, subasouth: 252, dujis: 27, soinsigowet: 193, sigowetsoin: 193, imentinorth: 56,
  imenticentral: 58, imentisouth: 59, oljoroorok: 92, mtelgon: 216, kibera: 278,
};

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\b(constituency|ward|eneo bunge( la)?|wadi( ya)?|wodi( ya)?)\b/g, '')
    .replace(/\bmount\b/g, 'mt')
    .replace(/[^a-z0-9]/g, '');

/** A name and, for "Ainabkoi/Olare", each part: people type one half. */
const keysOf = (name: string): string[] => {
  const parts = name.includes('/') ? name.split('/').map(norm).filter((p) => p.length >= 3) : [];
  return [...new Set([norm(name), ...parts])];
};

const MAX_SUGGESTIONS = 3;

function match<T extends { code: number; name: string }>(input: string, pool: readonly T[], aliases: Record<string, number> = {}): UnitMatch<T> {
  const n = norm(input);
  if (!n) return { kind: 'none' };
  const exact = pool.filter((u) => keysOf(u.name).includes(n) || aliases[n] === u.code);
  if (exact.length === 1) return { kind: 'exact', unit: exact[0] };
  if (exact.length > 1) return { kind: 'ambiguous', units: exact };
  // Roughly one typo per three letters, as for counties; beyond that a guess is noise.
  const limit = Math.max(2, Math.floor(n.length / 3));
  const scored = pool
    .map((u) => ({ u, d: Math.min(...keysOf(u.name).map((k) => distance(n, k))) }))
    .filter((s) => s.d <= limit)
    .sort((a, b) => a.d - b.d || a.u.code - b.u.code);
  return scored.length ? { kind: 'suggest', units: scored.slice(0, MAX_SUGGESTIONS).map((s) => s.u) } : { kind: 'none' };
}

/**
 * The one unit a name typed with a slip means ("Roysambo", "Kahawa Wset"): its first letter right,
 * one slip in five letters at most, six letters typed at least, and nearer than any other;
 * undefined otherwise (two as near are no guess). Stricter than `match`'s suggestions, which are
 * only offered: everyday words are a slip or two from some ward ("wadi ni salama" is not Kalama in
 * Machakos, nor "nyumbani" Nzambani).
 */
function closest<T extends { code: number; name: string }>(input: string, pool: readonly T[]): T | undefined {
  const n = norm(input);
  // Six letters at least: five-letter everyday words are a slip from some ward ("mbali" Mbale, "ndogo" Ndoto, "ndani" Ndanai).
  if (n.length < 6) return undefined;
  const limit = Math.floor(n.length / 5);
  const near = (k: string) => (k[0] === n[0] ? distance(n, k) : Infinity);
  const [best, next] = pool
    .map((u) => ({ u, d: Math.min(...keysOf(u.name).map(near)) }))
    .sort((a, b) => a.d - b.d);
  return best && best.d <= limit && (!next || next.d > best.d) ? best.u : undefined;
}

export class ElectoralUnits {
  private readonly constituencyByCode = new Map<number, Constituency>();
  private readonly wardByCode = new Map<number, Ward>();

  private constructor(readonly source: string, data: ElectoralUnitsData) {
    for (const county of data.counties) {
      for (const k of county.constituencies) {
        this.constituencyByCode.set(k.code, { code: k.code, name: k.name, countyCode: county.code });
        for (const w of k.wards) this.wardByCode.set(w.code, { code: w.code, name: w.name, constituencyCode: k.code, countyCode: county.code });
      }
    }
  }

  /** Checks the shape (and that no code repeats) before trusting the file. */
  static fromData(raw: unknown): ElectoralUnits {
    const data = raw as ElectoralUnitsData;
    const isUnit = (u: unknown) => !!u && Number.isInteger((u as WardData).code) && typeof (u as WardData).name === 'string' && (u as WardData).name.trim() !== '';
    const ok =
      !!data && typeof data.source === 'string' && Array.isArray(data.counties) &&
      data.counties.every((c) => isUnit(c) && Array.isArray(c.constituencies) &&
        c.constituencies.every((k) => isUnit(k) && Array.isArray(k.wards) && k.wards.every(isUnit)));
    if (!ok) throw new Error('electoral units: the data is not counties -> constituencies -> wards with codes and names');
    const units = new ElectoralUnits(data.source, data);
    const listed = data.counties.flatMap((c) => c.constituencies);
    if (units.constituencyByCode.size !== listed.length || units.wardByCode.size !== listed.flatMap((k) => k.wards).length) {
      throw new Error('electoral units: a constituency or ward code repeats');
    }
    return units;
  }

  get counts(): { counties: number; constituencies: number; wards: number } {
    const counties = new Set([...this.constituencyByCode.values()].map((k) => k.countyCode)).size;
    return { counties, constituencies: this.constituencyByCode.size, wards: this.wardByCode.size };
  }

  constituency(code: number): Constituency | undefined {
    return this.constituencyByCode.get(code);
  }

  ward(code: number): Ward | undefined {
    return this.wardByCode.get(code);
  }

  constituenciesOf(countyCode: number): Constituency[] {
    return [...this.constituencyByCode.values()].filter((k) => k.countyCode === countyCode);
  }

  wardsOf(constituencyCode: number): Ward[] {
    return [...this.wardByCode.values()].filter((w) => w.constituencyCode === constituencyCode);
  }

  /** A constituency typed by name, within a county when the reporter already gave one. */
  matchConstituency(input: string, scope: Pick<MatchScope, 'countyCode'> = {}): UnitMatch<Constituency> {
    const pool = scope.countyCode === undefined ? [...this.constituencyByCode.values()] : this.constituenciesOf(scope.countyCode);
    return match(input, pool, CONSTITUENCY_ALIASES);
  }

  /** A ward typed by name, within the constituency (or county) already given; wards repeat names nationally. */
  matchWard(input: string, scope: MatchScope = {}): UnitMatch<Ward> {
    return match(input, this.wardsIn(scope));
  }

  /** A ward typed with a slip ("wadi ya Roysambo"), within the constituency (or county) given: the one it is meant to be (`closest`). */
  closeWard(input: string, scope: MatchScope = {}): Ward | undefined {
    return closest(input, this.wardsIn(scope));
  }

  private wardsIn(scope: MatchScope): Ward[] {
    return [...this.wardByCode.values()].filter(
      (w) =>
        (scope.constituencyCode === undefined || w.constituencyCode === scope.constituencyCode) &&
        (scope.countyCode === undefined || w.countyCode === scope.countyCode),
    );
  }
}
