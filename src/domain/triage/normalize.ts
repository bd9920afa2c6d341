import { distance } from 'fastest-levenshtein';
import { PHRASES, STEMS, STOPWORDS, WORDS, swahiliAmounts } from './lexicon';

/** Lower case, no accents or apostrophes ("Murang'a" = "muranga"), digits apart from letters ("ksh500"). */
export function simplify(s: string): string {
  return ` ${s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]/g, '')
    // "2k", "2.5k": thousands, as people type sums.
    // Not the end of a plate ("KCB 123K"), nor the tail of a longer number ("1.25k").
    .replace(/(?<![\d.,]|\b(?!ksh |kes )(?:km[a-z]{2}|k[a-z]{2}|gk ?[a-z]?) ?)\b(\d{1,3})(?:[.,](\d))?k\b/g, (_m, a: string, b?: string) => String(Number(a) * 1000 + (b ? Number(b) * 100 : 0)))
    .replace(/(\d)\/=/g, '$1 ')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z]{2,})/g, '$1 $2')
    .replace(/(\d),(\d{3})/g, '$1$2')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/** One word to its canonical form (see lexicon.ts); a word with no entry stays as typed. */
export function canonicalWord(w: string): string {
  const direct = WORDS[w];
  if (direct) return direct;
  if (w.length >= 5 && /^[a-z]+$/.test(w)) {
    for (const [re, canon] of STEMS) if (re.test(w)) return canon;
  }
  return w;
}

/**
 * A short bracketed span (40 characters at most, brackets included): what retention writes in
 * place of a forgotten reporter's name or number ("[name withheld]", "[jina limefichwa]"). It is
 * not the reporter's words: read as words, two blanked reports would share "withheld" as a hint
 * of one event, and the ticket page would show it among the shared words. An English possessive
 * after it ("[name withheld]'s kiosk") goes with it.
 */
const MARK_RE = /\[[^[\]\n]{0,38}\](?:['’]s\b)?/g;

/**
 * Text to canonical words, stopwords and marks ("[name withheld]") dropped: "Polisi walitaka kitu
 * kidogo pale Kasarani" -> ["police", "walitaka", "bribe", "kasarani"]. Deterministic; knows
 * nothing of other reports.
 */
export function canonicalWords(text: string | undefined): string[] {
  if (!text) return [];
  let s = simplify(text.replace(MARK_RE, ' '));
  for (const [re, canon] of PHRASES) s = s.replace(re, canon);
  s = swahiliAmounts(s);
  const out: string[] = [];
  for (const raw of s.split(' ')) {
    if (!raw || STOPWORDS.has(raw)) continue;
    const w = canonicalWord(raw);
    if (!STOPWORDS.has(w)) out.push(w);
  }
  return out;
}

const PLATE_RE = /\b(km[a-z]{2}|k[a-z]{2}|gk ?[a-z]?)\s?-?\s?(\d{3})\s?([a-z])?\b/gi;

/** Kenyan plates in any text ("KDA 123A", "kda123a", "GK 123A", "KMDA 123A"), as "KDA123A". */
export function findPlates(...texts: (string | undefined)[]): string[] {
  const found = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    for (const m of t.matchAll(PLATE_RE)) {
      const prefix = m[1].replace(/\s/g, '').toUpperCase();
      // "kda 123" without the last letter is a plate only for government (GK) vehicles.
      if (!m[3] && !prefix.startsWith('GK')) continue;
      if (prefix === 'KSH' || prefix === 'KES') continue; // an amount: "ksh 500 a day"
      found.add(`${prefix}${m[2]}${(m[3] ?? '').toUpperCase()}`);
    }
  }
  return [...found].sort();
}

/** "KDA123A" -> "KDA 123A", as printed on the plate. */
export function formatPlate(p: string): string {
  return p.replace(/^([A-Z]+?)(\d{3})/, '$1 $2');
}

/** Same word allowing a typo: one edit from 4 letters, two from 8, or one a longer spelling of the other. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const min = Math.min(a.length, b.length);
  if (min < 4 || /\d/.test(a) || /\d/.test(b)) return false;
  if (min >= 5 && (a.startsWith(b) || b.startsWith(a)) && Math.abs(a.length - b.length) <= 2) return true;
  if (a.length === b.length && swapped(a, b)) return true;
  const allowed = min >= 8 ? 2 : 1;
  // The edit distance is at least the difference in length: most pairs end here, without it.
  if (Math.abs(a.length - b.length) > allowed) return false;
  return distance(a, b) <= allowed;
}

/** One pair of neighbouring letters typed the wrong way round ("luarmbi" for "lurambi"). */
function swapped(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
