/** When the incident happened, as the reporter chose it. Dates are Kenyan calendar days (UTC+3). */
export type WhenChoice = 'now' | 'today' | 'yesterday' | 'date';

const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ParsedDate = { ok: true; date: Date } | { ok: false; reason: 'format' | 'future' | 'too_old' };

/** Start of the Kenyan day containing `at`, as a UTC instant. */
function startOfEatDay(at: Date): number {
  return Math.floor((at.getTime() + EAT_OFFSET_MS) / DAY_MS) * DAY_MS - EAT_OFFSET_MS;
}

export function incidentTimeFor(choice: Exclude<WhenChoice, 'date'>, now: Date): Date {
  if (choice === 'now') return now;
  if (choice === 'today') return new Date(startOfEatDay(now));
  return new Date(startOfEatDay(now) - DAY_MS);
}

/**
 * Parse a typed date: DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY (Kenyan order) or YYYY-MM-DD, or a day
 * of the week ("Jumamosi", "last Saturday", "Ijumaa usiku"), or days counted back ("3 days ago").
 * Not in the future and not more than a year ago: older cases go to the agencies directly.
 */
export function parseIncidentDate(input: string, now: Date): ParsedDate {
  const { day, dayAlone } = splitTime(input);
  const parsed = parseDay(day, now);
  return !parsed.ok && dayAlone ? parseDay(dayAlone, now) : parsed;
}

/** Words said before a day that are not part of it: "tarehe 9/8", "mnamo tarehe 9/8", "on the 9/8", "siku ya Jumamosi". */
const DAY_LEAD = /^(?:(?:mnamo|on(?:\s+the)?|siku\s+ya|tarehe)\s+){1,3}/i;

function parseDay(s: string, now: Date): ParsedDate {
  const bare = s.trim().replace(DAY_LEAD, '');
  const weekday = lastWeekday(bare, now);
  if (weekday) return { ok: true, date: weekday };
  const ago = daysAgo(bare, now);
  if (ago) return ago;
  // `namedDate` has the lead words too: "tarehe 3" is a day of the month where a lone "3" is not.
  const parts = numericDate(bare) ?? namedDate(s);
  if (!parts) return { ok: false, reason: 'format' };
  return checkedDate(parts, now);
}

/** "3 days ago", "two days back", "siku mbili zilizopita" (and the spellings of "iliyopita" people type). */
const DAYS_AGO = /^(\d+|[a-z]+) ?days? (?:ago|back)$/;
const SIKU_ZILIZOPITA = /^siku (\d+|[a-z]+) (?:zilizopita|ziliopita|zilopita|iliyopita|iliopita|ilopita|zimepita|nyuma)$/;
/** In words only up to a week: further back, people count in weeks or give the date. */
const ENGLISH_COUNTS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven'];

/** A count of days before today; undefined when the text is not one. Never today or later. */
function daysAgo(s: string, now: Date): ParsedDate | undefined {
  const t = s.toLowerCase().replace(/[.,!?]/g, '').replace(/\s+/g, ' ').trim();
  const english = DAYS_AGO.exec(t);
  const word = (english ?? SIKU_ZILIZOPITA.exec(t))?.[1];
  if (word === undefined) return undefined;
  const names = english ? ENGLISH_COUNTS : SWAHILI_NUMBERS.slice(0, 7);
  const n = /^\d+$/.test(word) ? Number(word) : english && word === 'a' ? 1 : names.indexOf(word) + 1;
  if (n < 1) return { ok: false, reason: 'format' };
  // Any count past the year is too old; capped so a long run of digits stays a valid Date.
  return inRange(new Date(startOfEatDay(now) - Math.min(n, 1000) * DAY_MS), now);
}

type DayParts = { y: number; m: number; d: number };

/** 3/12/2026, 03-12-26, 3.12.2026, 2026-12-03, or 3/12 (the latest such day up to today). */
function numericDate(s: string): DayParts | undefined {
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  match = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(s);
  if (!match) return undefined;
  const y = match[3] === undefined ? NaN : Number(match[3]);
  return { d: Number(match[1]), m: Number(match[2]), y: y < 100 ? y + 2000 : y };
}

/** Months as people write them in English and Swahili (first three letters of the English will do). */
const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'januari'], ['february', 'feb', 'februari', 'febuari'], ['march', 'mar', 'machi'], ['april', 'apr', 'aprili'], ['may', 'mei'], ['june', 'jun', 'juni'],
  ['july', 'jul', 'julai'], ['august', 'aug', 'agosti', 'agusti'], ['september', 'sep', 'sept', 'septemba'], ['october', 'oct', 'oktoba'], ['november', 'nov', 'novemba'], ['december', 'dec', 'desemba', 'disemba'],
];
const monthOf = (word: string) => MONTHS.findIndex((names) => names.includes(word)) + 1;
/** "Mwezi wa tatu" (the third month) is how many Kenyans name March. */
const SWAHILI_NUMBERS = ['moja', 'mbili', 'tatu', 'nne', 'tano', 'sita', 'saba', 'nane', 'tisa', 'kumi', 'kumi na moja', 'kumi na mbili'];
function monthNumberWords(t: string): string {
  return t.replace(/\bmwezi wa (\d{1,2}|kumi na (?:moja|mbili)|[a-z]+)\b/, (all, n: string) => {
    const m = /^\d+$/.test(n) ? Number(n) : SWAHILI_NUMBERS.indexOf(n) + 1;
    return m >= 1 && m <= 12 ? MONTHS[m - 1][0] : all;
  });
}

/**
 * "3 December", "Dec 3rd", "tarehe 3 Desemba 2026", "tarehe 3" (this month), "the 3rd": without a
 * year (or month), the latest such day up to today.
 */
function namedDate(s: string): DayParts | undefined {
  const t = monthNumberWords(s.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' '))
    .replace(/\b(tarehe|mnamo|the|of|on)\b/g, ' ')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const dayFirst = /^(\d{1,2})(?: ([a-z]+))?(?: (\d{4}))?$/.exec(t);
  const monthFirst = dayFirst ? undefined : /^([a-z]+) (\d{1,2})(?: (\d{4}))?$/.exec(t);
  const [day, month, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : monthFirst ? [monthFirst[2], monthFirst[1], monthFirst[3]] : [];
  if (!day) return undefined;
  // A bare number is a day of the month only as "tarehe 3" or "3rd", never a lone "3".
  if (month === undefined && !/tarehe|\d(st|nd|rd|th)\b|\bthe\b/i.test(s)) return undefined;
  const m = month === undefined ? NaN : monthOf(month);
  if (m === 0) return undefined;
  return { d: Number(day), m, y: year === undefined ? NaN : Number(year) };
}

/** A date missing its year (or month) is the latest such day up to today; then checked like any. */
function checkedDate(parts: DayParts, now: Date): ParsedDate {
  const today = new Date(startOfEatDay(now) + EAT_OFFSET_MS);
  const { d } = parts;
  if (Number.isNaN(parts.m)) return dayOfMonth(d, today, now);
  const m = parts.m;
  const yearless = Number.isNaN(parts.y);
  const y = yearless ? today.getUTCFullYear() - (m > today.getUTCMonth() + 1 || (m === today.getUTCMonth() + 1 && d > today.getUTCDate()) ? 1 : 0) : parts.y;
  const utc = Date.UTC(y, m - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return { ok: false, reason: 'format' };
  // "29/11" typed on the 28th is tomorrow mistyped, not last year's: a year-less day in the next few
  // weeks is said to be in the future rather than taken as eleven months ago.
  if (yearless && today.getTime() - utc > 320 * DAY_MS) return { ok: false, reason: 'future' };
  return inRange(new Date(utc - EAT_OFFSET_MS), now);
}

/** "Tarehe 31": the latest month up to today that has that day. */
function dayOfMonth(d: number, today: Date, now: Date): ParsedDate {
  if (d < 1 || d > 31) return { ok: false, reason: 'format' };
  for (let back = 0; back < 3; back++) {
    const utc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, d);
    if (new Date(utc).getUTCDate() === d && utc <= today.getTime()) return inRange(new Date(utc - EAT_OFFSET_MS), now);
  }
  return { ok: false, reason: 'format' };
}

/** Not in the future and not more than a year ago: older cases go to the agencies directly. */
function inRange(date: Date, now: Date): ParsedDate {
  if (date.getTime() > startOfEatDay(now)) return { ok: false, reason: 'future' };
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  if (date.getTime() < startOfEatDay(yearAgo)) return { ok: false, reason: 'too_old' };
  return { ok: true, date };
}

/** Words before a time: "at", "around", "mida ya", "majira ya", "kati ya"... */
const LEAD = '(?:(?:at around|at about|at|around|about|by|in the|kama|mnamo|mida ya|mida|mwendo wa|karibu|yapata|majira ya|wakati wa|kwa|kati ya)\\s+)?';
/** Swahili hours are counted from 7 am: "saa moja" is 7, "saa kumi na mbili" 6; only these words, so "saa ngapi" is no time. */
const HOUR_WORD = '(?:moja|mbili|tatu|nne|tano|sita|saba|nane|tisa|kumi(?:\\s+na\\s+(?:moja|mbili))?|hizo|hiyo)';
const AM_PM = '(?:[ap]\\.?\\s?m\\.?|hrs)';
const CLOCK = `(?:saa\\s+(?:${HOUR_WORD}|\\d{1,2}(?:[:.]\\d{2})?(?:\\s*${AM_PM})?|\\d{4}\\s*hrs)|\\d{1,2}:\\d{2}(?:\\s*${AM_PM})?|\\d{1,2}(?:\\.\\d{2})?\\s*${AM_PM}|\\d{4}\\s*hrs)`;
const MINUTES = '(?:\\s+(?:na\\s+(?:nusu|robo|dakika\\s+\\p{L}+)|u\\s?nusu|kasoro\\s+(?:robo|dakika\\s+\\p{L}+)|kasorobo|kamili|hivi)){0,3}';
/** Longest time kept (the report's field holds 60): longer is words, not a time, and left with the day. */
const TIME_MAX_CHARS = 60;
const PART = '(?:(?:za|ya)\\s+)?(?:asubuhi(?:\\s+na\\s+mapema)?|mchana|jioni|usiku(?:\\s+wa\\s+manane)?|alfajiri|adhuhuri|morning|afternoon|evening|night)';
/** A time of day after the day, with the words around it: "saa nne usiku", "usiku saa nne", "at around 10pm", "kati ya saa nne na saa tano". */
const TIME_OF_DAY = new RegExp(`\\s+(${LEAD}(?:${PART}\\s+)?${LEAD}${CLOCK}${MINUTES}(?:\\s+(?:na|and|to|hadi|-)\\s+${CLOCK}${MINUTES})?(?:\\s+${PART})?)\\.?$`, 'iu');
const AT_HOUR = /\s+((?:at|around|about)\s+\d{1,2})$/i;
/** A part of the day alone: "jana usiku", "yesterday at night", "Ijumaa asubuhi". */
const PART_ONLY = new RegExp(`\\s+(${LEAD}${PART})\\.?$`, 'iu');
const LED = new RegExp(`^${LEAD.slice(0, -1)}\\S`, 'iu');
/** A part of the day before its day: "usiku wa kuamkia leo", "usiku wa jana", "asubuhi ya Jumamosi". */
const PART_FIRST = new RegExp(`^(${PART})\\s+(?:wa|ya)\\s+(\\S.*)$`, 'iu');

/**
 * A time of day after the day ("3/12 saa nne usiku", "jana saa 4", "Monday at 10pm") apart from
 * the day: the day is what is asked for and parsed; the time is kept as typed for the agency (in
 * Swahili time "saa nne usiku" is 10 pm, and a wrong conversion would mislead more than the words).
 * A part of the day alone ("jana usiku") is kept as the time and left with the day too, where it
 * is read ("usiku wa jana"); after "at" ("yesterday at night") it is taken off the day. One
 * before the day ("usiku wa kuamkia leo") is kept as the time too, the whole still read first:
 * "usiku wa kuamkia leo" is last night, not "leo".
 */
export function splitTime(input: string): { day: string; time?: string; dayAlone?: string } {
  const s = input.trim();
  const m = TIME_OF_DAY.exec(s) ?? AT_HOUR.exec(s);
  if (m && m[1].trim().length <= TIME_MAX_CHARS) return { day: s.slice(0, m.index).trim(), time: m[1].trim() };
  const p = PART_ONLY.exec(s);
  if (!p || p[1].trim().length > TIME_MAX_CHARS) {
    const f = PART_FIRST.exec(s);
    return f ? { day: s, time: f[1], dayAlone: f[2] } : { day: s };
  }
  const alone = s.slice(0, p.index).trim();
  // `dayAlone`: to read when the day with its part is not understood ("jana alfajiri").
  return LED.test(p[1]) && !/^(?:za|ya)\s/i.test(p[1]) ? { day: alone, time: p[1].trim() } : { day: s, time: p[1].trim(), dayAlone: alone };
}


/** Days of the week as people type them, Sunday first (as `getUTCDay` counts); "sato" is Sheng. */
const WEEKDAYS: readonly (readonly string[])[] = [
  ['sunday', 'sun', 'jumapili', 'jpili'],
  ['monday', 'mon', 'jumatatu', 'jtatu'],
  ['tuesday', 'tue', 'tues', 'jumanne', 'jnne'],
  ['wednesday', 'wed', 'jumatano', 'jtano'],
  ['thursday', 'thu', 'thur', 'thurs', 'alhamisi', 'alhamis', 'alamisi'],
  ['friday', 'fri', 'ijumaa'],
  ['saturday', 'sat', 'jumamosi', 'jmosi', 'sato'],
];
const WEEKDAY_RE = /^(?:(last|on|siku ya)\s+)?([a-z]+)(?:\s+(iliyopita|iliopita|ilopita|morning|afternoon|evening|night|asubuhi|mchana|jioni|usiku))?$/;

/**
 * A day of the week, the Kenyan day's start: the last one up to today ("Jumamosi asubuhi" typed
 * on a Saturday is this morning), a week before today for today's name said as "last" or
 * "iliyopita". "Monday last week" is not read (it is not the same as "last Monday"): the reporter
 * is asked for the date. Undefined when the text is not a day of the week.
 */
function lastWeekday(input: string, now: Date): Date | undefined {
  // "J'mosi", "J'pili": the apostrophe of the short forms goes.
  const m = WEEKDAY_RE.exec(input.toLowerCase().replace(/[.,!?'’]/g, '').replace(/\s+/g, ' ').trim());
  const day = m ? WEEKDAYS.findIndex((names) => names.includes(m[2])) : -1;
  if (!m || day < 0) return undefined;
  const today = startOfEatDay(now);
  const todayIs = new Date(today + EAT_OFFSET_MS).getUTCDay();
  const last = m[1] === 'last' || /^il/.test(m[3] ?? '');
  const back = (todayIs - day + 7) % 7 || (last ? 7 : 0);
  return new Date(today - back * DAY_MS);
}
