import { distance } from 'fastest-levenshtein';
import type { ElectoralUnits } from './electoral-units';
import { TOWNS, type Town } from './towns';

/** The 47 counties of Kenya with their official codes (First Schedule, Constitution of Kenya 2010). */
export const COUNTIES = [
  'Mombasa', 'Kwale', 'Kilifi', 'Tana River', 'Lamu', 'Taita-Taveta', 'Garissa', 'Wajir', 'Mandera',
  'Marsabit', 'Isiolo', 'Meru', 'Tharaka-Nithi', 'Embu', 'Kitui', 'Machakos', 'Makueni', 'Nyandarua',
  'Nyeri', 'Kirinyaga', "Murang'a", 'Kiambu', 'Turkana', 'West Pokot', 'Samburu', 'Trans Nzoia',
  'Uasin Gishu', 'Elgeyo-Marakwet', 'Nandi', 'Baringo', 'Laikipia', 'Nakuru', 'Narok', 'Kajiado',
  'Kericho', 'Bomet', 'Kakamega', 'Vihiga', 'Bungoma', 'Busia', 'Siaya', 'Kisumu', 'Homa Bay', 'Migori',
  'Kisii', 'Nyamira', 'Nairobi City',
].map((name, i) => ({ code: i + 1, name }));

export type County = (typeof COUNTIES)[number];

/** Words around a town's name that say only that it is the town: "Kangundo town", "mji wa Kangundo", "Thika town centre", "Yala township". */
const TOWN_WORDS = /\b(mji( wa)?|town|township|tao|mjini|cent(re|er))\b/gi;

/**
 * A name typed with a word for town ("Kangundo town", "mji wa Kangundo", "Kangundo town centre"):
 * the name alone, as typed; '' when only such words were typed. For a constituency or ward, whose
 * own names hold such words ("Machakos Town", "Yala Township"), after its whole name is tried.
 */
export function withoutTownWords(input: string): string {
  return input.replace(TOWN_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/** Letters only, without the words for a county or a city ("kaunti ya", "jiji la", "CBD"). */
const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/\b(county|kaunti( ya)?|city|jiji( la)?|cbd)\b/g, '')
    .replace(/[^a-z]/g, '');

// "Nakuru town", "Nakuru tao", "Kisumu mjini", "mji wa Nakuru", "Nairobi CBD": the county's town is the county.
const norm = (s: string) => squash(withoutTownWords(s));

/**
 * The key a near spelling is measured by: only "town", "tao" and "mjini" dropped, as before
 * "mji wa", "centre" and "township" were read, so that no name beside them is made nearer a
 * county than typed ("Mji wa Kale", Mombasa's old town, is no "Kwale?").
 */
const spellingKey = (s: string) => squash(s.replace(/\b(town|tao|mjini)\b/gi, ''));

/**
 * Swahili names in common use (locales/sw/README.md, "Place names"): shown to Swahili speakers and
 * understood from anyone. Only forms that Kenyan Swahili news actually use ("Kaunti ya Pokot
 * Magharibi"); every other county keeps its official name in both languages ("Tana River",
 * "Homa Bay", "Trans Nzoia", "Taita-Taveta" are written so in Kiswahili news too).
 */
export const COUNTY_NAMES_SW: Readonly<Record<number, string>> = { 24: 'Pokot Magharibi' };

/** The county's name as a reader of this language knows it; '' for an unknown code. */
export function countyName(code: number, lang: 'en' | 'sw'): string {
  const county = countyByCode(code);
  if (!county) return '';
  return (lang === 'sw' ? COUNTY_NAMES_SW[code] : undefined) ?? county.name;
}

/** Every name a county is known by (official, then Swahili), normalised for matching. */
const NAMES: readonly { county: County; name: string }[] = COUNTIES.flatMap((c) => {
  const sw = COUNTY_NAMES_SW[c.code];
  return sw ? [{ county: c, name: norm(c.name) }, { county: c, name: norm(sw) }] : [{ county: c, name: norm(c.name) }];
});

/** The town a county is named after ("Nairobi" for Nairobi City, "Nakuru"): where "Nakuru CBD" or "nje ya Nakuru" lies. */
export function countyTownName(c: County): string {
  return c.name.replace(/ City$/, '');
}

export function countyByCode(code: number): County | undefined {
  return Number.isInteger(code) && code >= 1 && code <= 47 ? COUNTIES[code - 1] : undefined;
}

/**
 * Common alternative spellings and short forms ("Nai", "Msa"). Towns people name instead of their
 * county are in src/domain/towns.ts (a name in two counties, such as Githurai, offers both).
 */
const ALIASES: Record<string, number> = {
  nairobi: 47, muranga: 21, tharaka: 13, taita: 6, taveta: 6, elgeyo: 28, marakwet: 28, pokot: 24, nzoia: 26, kisii: 45, homabay: 43,
  // One word of a two-word name, as people shorten it ("Tana", "Uasin", "Nithi"): no county or town of another county is called so.
  // Not "trans" (Transmara is in Narok), nor "homa" (fever: "mtoto ana homa" names no county).
  tana: 4, uasin: 27, gishu: 27, nithi: 13,
};
/** The short forms people type for a county ("nrb" and "nbi" for Nairobi, "msa", "ksm", "nku"): no place is called so. */
const SHORT_FORMS: Record<string, number> = { nai: 47, nrb: 47, nbi: 47, msa: 1, ksm: 42, nku: 32 };

/**
 * A county's short form typed alone ("nrb", "KSM"): that county, as `matchCounty` reads it. Where
 * the place is asked it stands for the county's town ("Nairobi"), never for a place called "nrb".
 * Alone only: "nrb cbd" names a place in the county (`matchCounty`'s town), and stays as typed.
 */
export function countyShortForm(input: string): County | undefined {
  const key = input.toLowerCase().replace(/[^a-z]/g, '');
  return Object.hasOwn(SHORT_FORMS, key) ? COUNTIES[SHORT_FORMS[key] - 1] : undefined;
}
/** A town or area whose county is not in doubt (src/domain/towns.ts), by its normalised name. */
const TOWN_BY_KEY = new Map(TOWNS.map((t) => [norm(t.name), t] as const));

/** A well-known town or area typed alone ("Kitengela", "Thika town", "Rongai"): its county, or two when the name is in two. */
export function townNamed(input: string): Town | undefined {
  return TOWN_BY_KEY.get(norm(input));
}

/**
 * A place typed before its county was chosen ("Kayole" at the first question) that, typed alone, is
 * a known town or area (src/domain/towns.ts) or a constituency by its exact name, and lies
 * in none of it in `county` (Mombasa chosen): its counties, so the place is asked again ("Kayole,
 * Mombasa" is no place an agency can act on). Undefined when it may lie in `county`, or when no
 * list knows its county ("the stage near Kencom", "kituo cha polisi cha Kasarani"), or when the
 * name is in more than two ("Township", a ward in several): kept as typed.
 */
export function placeOutsideCounty(place: string, county: number, units?: PlaceUnits): number[] | undefined {
  const counties = countiesOfPlace(place, units);
  return counties && !counties.includes(county) ? counties : undefined;
}

type PlaceUnits = Pick<ElectoralUnits, 'matchConstituency' | 'matchWard'>;

/**
 * A well-known town or area (src/domain/towns.ts) typed alone where the place is asked, none of
 * whose counties is `county` ("Thika" at "Where in Nakuru?"): its county, or its two ("Githurai
 * 45"), so the county can be asked about; it was kept as the place, in a county where no agency
 * can act. Undefined for a town of the county chosen, a ward or constituency of the county chosen
 * by that name, a county's own name or short form (`countyNamedAtPlace` asks about those), a
 * greeting typed alone ("Hola"), and anything more than the name ("Thika road", "stage ya Thika").
 * Wards and constituencies of other counties are not asked about: estates share their names across
 * counties ("Kaloleni" in Kisumu), and a wrong question here would doubt a right county.
 */
export function townOutsideCounty(input: string, county: number, units?: PlaceUnits): number[] | undefined {
  const town = townNamed(input);
  const named = matchCounty(input);
  if (!town || (named.kind === 'exact' && !named.town)) return undefined;
  if (town.greeting && input.toLowerCase().replace(/[^a-z]/g, '') === norm(input)) return undefined;
  const counties = countiesOfTown(town);
  if (counties.includes(county)) return undefined;
  const scope = { countyCode: county };
  const inCounty = units && [units.matchConstituency(input, scope), units.matchWard(input, scope)].some((m) => m.kind === 'exact' || m.kind === 'ambiguous');
  return inCounty ? undefined : counties;
}

/**
 * The county, or the two, a place typed alone lies in: a known town or area (src/domain/towns.ts,
 * "Githurai 45" in two) or a constituency by its exact name ("Roysambu"). Not a ward's name alone:
 * neighbourhoods all over Kenya share ward names ("Majengo" is a ward in Mombasa and an estate in
 * Nyeri and Nairobi), and the county offered or the place set aside would misfile the report.
 * Undefined when no list knows it ("kituo cha polisi cha Kasarani") or the name is in more than
 * two counties ("Township"): no county can be offered for it, nor the place doubted.
 */
export function countiesOfPlace(place: string, units?: PlaceUnits): number[] | undefined {
  const town = townNamed(place);
  const m = units?.matchConstituency(place);
  const found = m?.kind === 'exact' ? [m.unit] : m?.kind === 'ambiguous' ? m.units : [];
  const counties = [...new Set([...(town ? countiesOfTown(town) : []), ...found.map((u) => u.countyCode)])];
  return counties.length && counties.length <= 2 ? counties : undefined;
}

/** The county of a town, or its two ("Githurai 45": Nairobi City and Kiambu). */
function countiesOfTown(town: Town): number[] {
  return town.also === undefined ? [town.county] : [town.county, town.also];
}

/** `town`: named by a town within the county (which is also a place, named so), not by the county's own name. */
export type CountyMatch = { kind: 'exact'; county: County; town?: string } | { kind: 'suggest'; county: County } | { kind: 'none' };

/**
 * Match a county name typed instead of tapped. An exact (normalised) match is taken; a close one
 * is only suggested, because guessing a county wrongly would send a case to the wrong office.
 */
export function matchCounty(input: string): CountyMatch {
  const asCode = /^\s*(\d{1,2})\s*$/.exec(input);
  if (asCode) {
    const c = countyByCode(Number(asCode[1]));
    return c ? { kind: 'exact', county: c } : { kind: 'none' };
  }
  const n = norm(input);
  if (!n) return { kind: 'none' };
  const alias = ALIASES[n] ?? SHORT_FORMS[n];
  const exact = NAMES.find((c) => c.name === n)?.county ?? (alias ? COUNTIES[alias - 1] : undefined);
  // "Nairobi CBD", "nrb cbd": the county, and its CBD a place within it, kept as a town is ("Where in Nairobi CBD exactly?").
  if (exact && /\bcbd\b/i.test(input)) return { kind: 'exact', county: exact, town: `${countyTownName(exact)} CBD` };
  if (exact) return { kind: 'exact', county: exact };
  const town = TOWN_BY_KEY.get(n);
  // A town that is also a greeting, typed alone ("Hola!"), is no answer either: the wizard offers
  // its county (src/domain/towns.ts, `greeting`); "Hola town", "Hola mjini" say it is the town.
  if (town?.greeting && input.toLowerCase().replace(/[^a-z]/g, '') === n) return { kind: 'none' };
  // A name in two counties ("Rongai") is no answer here: the wizard offers both.
  if (town && town.also === undefined) return { kind: 'exact', county: COUNTIES[town.county - 1], town: town.name };
  return nearest(spellingKey(input));
}

/** A word of where before a county's name in a story ("huko Nakuru", "hapa Kisumu", "in Kisumu", "kaunti ya Nyeri"), and the word or two after it. */
const WHERE_THEN_NAME = /(?<!\p{L})(?:huko|kule|pale|hapo|hapa|huku|katika|kwenye|ndani ya|mjini|in|at|kaunti ya|county of)\s+(\p{L}+)(?:[\s-]+(\p{L}+))?/giu;

/** A way named after a county ("Mombasa road", "Thika highway"): where in another county, as often as not. */
const WAY_WORDS = new Set(['road', 'rd', 'street', 'highway', 'bypass', 'avenue']);

/**
 * The one county a story names by its own name after a word of where ("…walinisimamisha huko
 * Nakuru…", "in Kisumu county"): to offer for one tap where the county is asked, never to take.
 * None when the story names two, names one with no word of where ("polisi wa Nakuru"), by a town
 * only, or as a road ("at Mombasa road", in Nairobi).
 */
export function countyNamedInStory(text: string): County | undefined {
  const found = new Set<number>();
  for (const [, first, second] of text.matchAll(WHERE_THEN_NAME)) {
    const two = second === undefined ? undefined : matchCounty(`${first} ${second}`);
    const one = two?.kind === 'exact' ? undefined : matchCounty(first);
    const m = two?.kind === 'exact' ? two : one;
    if (m?.kind !== 'exact' || m.town || (m === one && second !== undefined && WAY_WORDS.has(second.toLowerCase()))) continue;
    found.add(m.county.code);
  }
  return found.size === 1 ? COUNTIES[[...found][0] - 1] : undefined;
}

/** The county whose name is a near spelling of `n`, suggested, never taken. */
function nearest(n: string): CountyMatch {
  if (!n) return { kind: 'none' };
  // Allow roughly one typo per three letters; beyond that the guess is noise.
  const most = Math.max(2, Math.floor(n.length / 3));
  let best: County | undefined;
  let bestD = most + 1;
  for (const c of NAMES) {
    // The distance is at least the difference in length: a name that cannot beat the best is not measured
    // (a long answer, "Kituo cha kupigia kura...", measures none).
    if (Math.abs(n.length - c.name.length) >= bestD) continue;
    const d = distance(n, c.name);
    if (d < bestD) [best, bestD] = [c.county, d];
  }
  return best ? { kind: 'suggest', county: best } : { kind: 'none' };
}
