import { distance } from 'fastest-levenshtein';

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

// "Nakuru town", "Nakuru tao", "Kisumu mjini", "Nairobi CBD": the county's town is the county.
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\b(county|kaunti( ya)?|city|jiji( la)?|town|tao|mjini|cbd)\b/g, '')
    .replace(/[^a-z]/g, '');

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

export function countyByCode(code: number): County | undefined {
  return Number.isInteger(code) && code >= 1 && code <= 47 ? COUNTIES[code - 1] : undefined;
}

/**
 * Common alternative spellings, short forms ("Nai", "Msa") and towns people name instead of their
 * county, only where the county is not in doubt (Rongai and Githurai each lie in two: left out).
 */
const ALIASES: Record<string, number> = {
  nairobi: 47, nai: 47, nrb: 47, nbi: 47, muranga: 21, tharaka: 13, taita: 6, taveta: 6, elgeyo: 28, marakwet: 28, pokot: 24, nzoia: 26, kisii: 45, homabay: 43, msa: 1,
};
/** Towns and estates, by county: a place within it, as well as the county. */
const TOWNS: Record<string, number> = {
  eldoret: 27, kibera: 47, kibra: 47, embakasi: 47, kasarani: 47, kayole: 47, mathare: 47, eastleigh: 47, westlands: 47, langata: 47, dagoretti: 47, kawangware: 47,
  thika: 22, ruiru: 22, juja: 22, limuru: 22, ruaka: 22, kitengela: 34, ngong: 34, athiriver: 16, mlolongo: 16, syokimau: 16,
  naivasha: 32, gilgil: 32, molo: 32, njoro: 32, malindi: 3, watamu: 3, mtwapa: 3, ukunda: 2, diani: 2, voi: 6, kitale: 26, nanyuki: 31, nyahururu: 31,
  likoni: 1, kisauni: 1, nyali: 1, changamwe: 1, dandora: 47, mukuru: 47, kariobangi: 47, kangemi: 47,
  kondele: 42, ahero: 42, bondo: 41, malaba: 40, webuye: 39, mumias: 37, awendo: 44, rongo: 44, mbita: 43, mwingi: 15, emali: 17, olkalou: 18,
  iten: 28, kabarnet: 30, eldamaravine: 30, kapsabet: 29, maralal: 25, lodwar: 23, kapenguria: 24, moyale: 10, hola: 4, kilgoris: 33, litein: 35, karatina: 19, kerugoya: 20,
};

/** `town`: named by a town within the county (which is also a place), not by the county's own name. */
export type CountyMatch = { kind: 'exact'; county: County; town?: true } | { kind: 'suggest'; county: County } | { kind: 'none' };

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
  const exact = NAMES.find((c) => c.name === n)?.county ?? (ALIASES[n] ? COUNTIES[ALIASES[n] - 1] : undefined);
  if (exact) return { kind: 'exact', county: exact };
  if (TOWNS[n]) return { kind: 'exact', county: COUNTIES[TOWNS[n] - 1], town: true };
  let best: County | undefined;
  let bestD = Infinity;
  for (const c of NAMES) {
    const d = distance(n, c.name);
    if (d < bestD) [best, bestD] = [c.county, d];
  }
  // Allow roughly one typo per three letters; beyond that the guess is noise.
  if (best && bestD <= Math.max(2, Math.floor(n.length / 3))) return { kind: 'suggest', county: best };
  return { kind: 'none' };
}
