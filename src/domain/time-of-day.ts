/**
 * The time of day a reporter typed with the day ("saa nne usiku", "at around 10pm": `splitTime`),
 * read on the 24-hour clock for a case file written in another language than the words. Swahili
 * hours count from 6 ("saa moja" is 7 o'clock, "saa nne usiku" 22:00); "saa 4" may be Swahili time
 * or a clock face, so every reading the words allow is given, in the order a Swahili speaker most
 * likely meant them, and nothing is read that the words do not settle. The words themselves stay as typed.
 */
export const DAY_PARTS = ['midnight', 'dawn', 'early_morning', 'morning', 'midday', 'afternoon', 'evening', 'night'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

/**
 * `readings`: "22:00", or a span "22:00–23:00"; more than one when the words allow more.
 * `afterMidnight`: one reading is before 6 am in words of the night ("saa nane usiku"), which
 * people often give with the day the night follows ("jana saa nane usiku"): its date may be the next.
 * Midnight ("juzi saa sita usiku", 00:00) is one: the night of the day named ends in it, so the day is
 * kept as typed and the next one given beside it, never chosen for the reporter.
 */
export type TimeOfDayReading = { kind: 'clock'; readings: string[]; afterMidnight?: true } | { kind: 'part'; part: DayPart };

/**
 * Each part of the day and the hours its times fall in ([from, to), past midnight when to < from),
 * longer names first. `face`: an hour word no Swahili hour of the part fits is read on a clock
 * face ("saa saba asubuhi" written for 7 am); `daytime`: "mchana" is also the daytime as against
 * the night ("saa nne mchana" is said for 10:00), so a Swahili hour from 7 am on is one of its readings too.
 */
type Part = readonly [RegExp, DayPart, number, number, { face?: true; daytime?: number }?];
const PARTS: readonly Part[] = [
  [/\busiku wa manane\b/, 'midnight', 23, 4],
  [/\basubuhi na mapema\b/, 'early_morning', 4, 8],
  [/\balfajiri\b/, 'dawn', 4, 7],
  [/\b(?:asubuhi|morning)\b/, 'morning', 4, 12, { face: true }],
  [/\badhuhuri\b/, 'midday', 12, 15],
  // Alasiri: the afternoon's later hours ("saa tisa alasiri" is 15:00, never 3 am).
  [/\balasiri\b/, 'afternoon', 13, 18, { face: true }],
  [/\b(?:mchana|afternoon)\b/, 'afternoon', 11, 18, { face: true, daytime: 7 }],
  [/\b(?:jioni|evening)\b/, 'evening', 15, 22],
  [/\b(?:usiku|night)\b/, 'night', 18, 6],
];

const HOUR_WORDS = ['moja', 'mbili', 'tatu', 'nne', 'tano', 'sita', 'saba', 'nane', 'tisa', 'kumi', 'kumi na moja', 'kumi na mbili'];
/** A clock: Swahili hour words after "saa", figures (with "saa", a.m./p.m. or "hrs"), or "2200hrs". */
const CLOCK = /(?:(saa) )?(?<![\d:.])(?:(\d{2})(\d{2}) ?hrs|(\d{1,2})(?:[:.](\d{2}))?(?!\d)(?: ?([ap])\.? ?m\b\.?| ?(hrs))?)|saa (kumi na (?:moja|mbili)|moja|mbili|tatu|nne|tano|sita|saba|nane|tisa|kumi)\b/g;
const MINUTE_WORDS: Record<string, number> = { moja: 1, mbili: 2, tatu: 3, nne: 4, tano: 5, sita: 6, saba: 7, nane: 8, tisa: 9, kumi: 10, ishirini: 20, thelathini: 30 };

/** Minutes added to (or, "kasoro", taken from) the hour by the words after it; undefined when they are not understood. */
function minutesAfter(words: string): number | undefined {
  const w = words.replace(/\b(?:kamili|hivi)\b/g, '').trim();
  if (!w || /^(?:na|and|to|hadi|-|u|ya|za|usiku|asubuhi|mchana|jioni|alfajiri|adhuhuri|alasiri|morning|afternoon|evening|night|wa|manane|mapema|\s)*$/.test(w)) return 0;
  const m = /^(na|kasoro) (?:(nusu|robo)|dakika (\p{L}+))|^(u ?nusu|kasorobo)/u.exec(w);
  if (!m) return undefined;
  if (m[4]) return m[4] === 'kasorobo' ? -15 : 30;
  const n = m[2] === 'nusu' ? 30 : m[2] === 'robo' ? 15 : MINUTE_WORDS[m[3]];
  if (n === undefined) return undefined;
  return m[1] === 'kasoro' ? -n : n;
}

const both = (h12: number) => [h12 % 12, (h12 % 12) + 12];
const swahili = (n: number) => ((n + 5) % 12) + 1;

/**
 * The hours (0-23) one clock can mean, most likely first (`read`), and for Swahili hour words
 * the clock face's (`face`: "saa saba asubuhi" written for 7 am), read only where no Swahili hour fits.
 */
function hoursOf(m: RegExpExecArray): { read: number[]; face: number[] } {
  const only = (read: number[]) => ({ read, face: [] });
  if (m[8]) return { read: both(swahili(HOUR_WORDS.indexOf(m[8]) + 1)), face: both(HOUR_WORDS.indexOf(m[8]) + 1) };
  if (m[2]) return only([Number(m[2]) % 24]);
  const n = Number(m[4]);
  if (m[6]) return only([(n % 12) + (m[6] === 'p' ? 12 : 0)]);
  if (m[7] || n > 12 || n === 0) return only(n < 24 ? [n] : []);
  // "Saa 4": Swahili time first; figures alone ("at 10", "4:30") read on a clock face.
  return only(m[1] ? [...both(swahili(n)), ...both(n)] : both(n));
}

const inPart = (h: number, part: Part | undefined) => !part || (part[2] < part[3] ? h >= part[2] && h < part[3] : h >= part[2] || h < part[3]);
/** "Saa nne mchana": an hour of the daytime, before the part's own hours. */
const inDaytime = (h: number, part: Part | undefined) => part?.[4]?.daytime !== undefined && h >= part[4].daytime && h < part[2];

/** The hours one clock can mean in the part of the day typed with it: the part's own, then the daytime's, then a clock face's where no Swahili hour is the part's. */
function hoursIn(m: RegExpExecArray, part: Part | undefined): number[] {
  const { read, face } = hoursOf(m);
  const own = read.filter((h) => inPart(h, part));
  const hours = read.filter((h) => own.includes(h) || inDaytime(h, part));
  return [...new Set(own.length || !part?.[4]?.face ? hours : [...hours, ...face.filter((h) => inPart(h, part))])];
}
const hhmm = (min: number) => {
  const m = ((min % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** The time of day as typed, on the 24-hour clock (or the part of the day it names); undefined when the words do not settle it. */
export function readTimeOfDay(typed: string): TimeOfDayReading | undefined {
  const t = typed.toLowerCase().replace(/\s+/g, ' ').trim();
  const part = PARTS.find(([re]) => re.test(t));
  const clocks = [...t.matchAll(CLOCK)].filter((m) => m[0].trim() && (m[8] || m[2] || m[4]));
  if (!clocks.length) return part && !/\d/.test(t) ? { kind: 'part', part: part[1] } : undefined;
  if (clocks.length > 2) return undefined;
  const times: string[][] = [];
  for (const [i, m] of clocks.entries()) {
    const next = clocks[i + 1]?.index ?? t.length;
    const minutes = minutesAfter(t.slice((m.index ?? 0) + m[0].length, next));
    if (minutes === undefined) return undefined;
    const hours = hoursIn(m, part);
    times.push(hours.map((h) => hhmm(h * 60 + Number(m[5] ?? m[3] ?? 0) + minutes)));
  }
  const [from, to] = times;
  if (!from.length || (to && to.length !== from.length)) return undefined;
  const night = part?.[1] === 'night' || part?.[1] === 'midnight';
  const afterMidnight = night && from.some((f) => f < '06:00') ? { afterMidnight: true as const } : {};
  return { kind: 'clock', readings: from.map((f, i) => (to ? `${f}–${to[i]}` : f)), ...afterMidnight };
}
