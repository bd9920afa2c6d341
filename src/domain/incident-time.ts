import { DAY_MS } from './time-units';

/** When the incident happened, as the reporter chose it. Dates are Kenyan calendar days (UTC+3). */
export type WhenChoice = 'now' | 'today' | 'yesterday' | 'date';

const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

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
 * of the week ("Jumamosi", "last Saturday", "Ijumaa usiku", "jumanne wiki hii"), or days counted back ("3 days ago").
 * Not in the future and not more than a year ago: older cases go to the agencies directly.
 */
export function parseIncidentDate(input: string, now: Date, saidBefore?: string): ParsedDate {
  // "Tarehe 15 mwezi uliopita", "15 mwezi uliopita", "15th last month": the day with last month said beside it.
  // Only with a day of the month: "mwezi uliopita Jumamosi" names no day of last month to take.
  const inline = LAST_MONTH.test(input) && /^\s*(?:tarehe\s+)?\d{1,2}(?:st|nd|rd|th)?\s*$/i.test(input.replace(LAST_MONTH, ' '));
  const typed = inline ? input.replace(LAST_MONTH, ' ').replace(/^\s*(\d{1,2})\s*$/, 'tarehe $1').trim() : input;
  const { day, dayAlone } = splitTime(daySpelling(typed));
  // "Mwezi uliopita" answered first, then "tarehe 5": the 5th of last month, not of this one.
  // "Wiki iliyopita", then "Jumanne": last week's Tuesday, not the latest one.
  const said = (re: RegExp) => saidBefore !== undefined && re.test(saidBefore);
  // "The week before last" names last week's words too: the count wins.
  const weeksBack = weeksAgo(saidBefore);
  const before = { lastMonth: inline || said(LAST_MONTH), lastWeek: said(LAST_WEEK) && weeksBack === undefined, weeksBack };
  const parsed = parseDay(day, now, before);
  return !parsed.ok && dayAlone ? parseDay(dayAlone, now, before) : parsed;
}

const LAST_MONTH_WORDS = '(?:mwezi (?:uliopita|uliyopita|ulopita|jana)|last month)';
const LAST_MONTH = new RegExp(`\\b${LAST_MONTH_WORDS}\\b`, 'i');

/** Day words as they are often typed in a hurry: "usku" (usiku), "asbh" (asubuhi), "yestaday", "last nyt". */
/** "Yesterday" as typed ("yestaday", "yesterdy"), and "night" after "last" ("last nyt"): read here and in stories (`STORY_DAY`). */
const YESTERDAY_TYPED = String.raw`y(?:e?st[ae]?r?d[ae]?y|est[ae]rd[ae]?|esturday|esterdai|esterdy)`;
const NIGHT_TYPED = '(?:nyt|nite|niyt)';
/** "Tonight" as it is texted too: "tonite", "2nite", "2night". */
const TONIGHT_TYPED = '(?:to|2)ni(?:ght|te)';
const SPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/\b(?:usku|usik|usuku|usiko)\b/giu, 'usiku'],
  [/\b(?:asbh|asbuhi|asubui|asubhi|asubh|asb)\b/giu, 'asubuhi'],
  [/\b(?:jion|jioini)\b/giu, 'jioni'],
  [/\b(?:mchan|mchna)\b/giu, 'mchana'],
  [new RegExp(String.raw`\b${YESTERDAY_TYPED}\b`, 'giu'), 'yesterday'],
  [new RegExp(String.raw`\blast ?${NIGHT_TYPED}\b|\blastnight\b`, 'giu'), 'last night'],
  [new RegExp(String.raw`\b${TONIGHT_TYPED}\b`, 'giu'), 'tonight'],
  [/\b(?:nyt|nite)\b/giu, 'night'],
];

/** `input` with the day words' usual misspellings written out ("jana usku" is "jana usiku"); other words as typed. */
export function daySpelling(input: string): string {
  return SPELLINGS.reduce((s, [re, word]) => s.replace(re, word), input);
}

/** Words said before a day that are not part of it: "tarehe 9/8", "mnamo tarehe 9/8", "on the 9/8", "siku ya Jumamosi". */
const DAY_LEAD = /^(?:(?:mnamo|on(?:\s+the)?|siku\s+ya|tarehe)\s+){1,3}/i;

/**
 * What was said before the day answered: "mwezi uliopita" (last month), "wiki iliyopita" (last week), "wiki hii" (this week),
 * "wiki mbili zilizopita" (`weeksBack`: two weeks ago).
 */
type SaidBefore = { lastMonth: boolean; lastWeek: boolean; weeksBack?: number };

/**
 * "Two weeks ago", "2 weeks (back)", "a couple of weeks ago", "the week before last", "wiki mbili zilizopita", "wiki 2
 * zilizopita": weeks counted back, two to four.
 */
const WEEKS_AGO_WORDS = String.raw`(?:(\d|two|three|four|a couple of|couple of) weeks?(?: (?:ago|back))?|wiki (\d|mbili|tatu|nne) (?:zilizopita|ziliopita|zilopita|iliyopita|nyuma)|(?:the )?(week before last))`;
/** Not "not two weeks ago" ("last week, not two weeks ago"). */
const WEEKS_AGO = new RegExp(String.raw`(?<!\b(?:not|sio|si|siyo) )\b${WEEKS_AGO_WORDS}\b`, 'i');
/** A day said with them, either way round: "two weeks ago on Tuesday", "jumanne wiki mbili zilizopita". */
const WEEKS_AGO_DAY = new RegExp(String.raw`^${WEEKS_AGO_WORDS},? (?:on )?(.+)$|^(.+?),? (?:(?:of|ya) )?${WEEKS_AGO_WORDS}$`, 'i');
const WEEK_COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, mbili: 2, tatu: 3, nne: 4, 'a couple of': 2, 'couple of': 2, 'week before last': 2 };

/** The weeks counted back in what was said before the day ("wiki mbili zilizopita": 2), when two to four. */
function weeksAgo(said: string | undefined): number | undefined {
  const m = said === undefined ? null : WEEKS_AGO.exec(said);
  return m ? weeksIn(m.slice(1, 4)) : undefined;
}

/** The count of the first group that matched ("mbili", "2", "week before last"), when two to four. */
function weeksIn(groups: readonly (string | undefined)[]): number | undefined {
  const word = groups.find((g) => g !== undefined)?.toLowerCase();
  const n = word === undefined ? undefined : (WEEK_COUNTS[word] ?? Number(word));
  return n !== undefined && n >= 2 && n <= 4 ? n : undefined;
}

/** "Two weeks ago on Tuesday", "jumanne wiki mbili zilizopita": that day of the week, as after "which day?" (`weeksAgo`). */
function weekdayWeeksAgo(t: string, now: Date): Date | undefined {
  const m = WEEKS_AGO_DAY.exec(t);
  if (!m) return undefined;
  const day = m[4] ?? m[5];
  const weeksBack = weeksIn(m[4] !== undefined ? m.slice(1, 4) : m.slice(6, 9));
  return day && weeksBack ? lastWeekday(day, now, { weeksBack }) : undefined;
}

/** "It was on 5th", "ilikuwa tarehe 5": said before the day as the answer's own lead, no part of the day. */
const ANSWER_LEAD = /^(?:it\s+was|it['’]?s|was|ilikuwa|ilikua)\s+(?=\S)/i;

function parseDay(typed: string, now: Date, { lastMonth, ...week }: SaidBefore): ParsedDate {
  const s = typed.trim().replace(ANSWER_LEAD, '');
  const bare = s.replace(DAY_LEAD, '');
  const weekday = weekdayWeeksAgo(bare.toLowerCase().replace(/[.!?]/g, '').trim(), now) ?? lastWeekday(bare, now, week);
  // "Friday this week" typed on a Wednesday is a day still to come: in the future, said so.
  if (weekday) return inRange(weekday, now);
  const ago = daysAgo(bare, now);
  if (ago) return ago;
  // `namedDate` has the lead words too: "tarehe 3" is a day of the month where a lone "3" is not.
  const parts = numericDate(bare) ?? namedDate(s);
  if (!parts) return { ok: false, reason: 'format' };
  return checkedDate(lastMonth && !parts.thisMonth ? { ...parts, lastMonth } : parts, now);
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

/** `thisMonth`: said so ("tarehe 3 mwezi huu"), so never a day of an earlier month. */
type DayParts = { y: number; m: number; d: number; thisMonth?: true; lastMonth?: boolean };

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
/** A month's name as people write it ("august", "aug", "agosti"). */
export const isMonthName = (word: string): boolean => monthOf(word) > 0;
/** "Mwezi wa tatu" (the third month) is how many Kenyans name March. */
const SWAHILI_NUMBERS = ['moja', 'mbili', 'tatu', 'nne', 'tano', 'sita', 'saba', 'nane', 'tisa', 'kumi', 'kumi na moja', 'kumi na mbili'];
function monthNumberWords(t: string): string {
  return t.replace(/\bmwezi wa (\d{1,2}|kumi na (?:moja|mbili)|[a-z]+)\b/, (all, n: string) => {
    const m = /^\d+$/.test(n) ? Number(n) : SWAHILI_NUMBERS.indexOf(n) + 1;
    return m >= 1 && m <= 12 ? MONTHS[m - 1][0] : all;
  });
}

/** Counts in words, as "masaa" (plural agreement: "mawili") and English say them; "a few", "kadhaa" (several) as three. */
const HOUR_COUNTS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, moja: 1, mbili: 2, mawili: 2, tatu: 3, matatu: 3, nne: 4, manne: 4, tano: 5, matano: 5, sita: 6,
  'a few': 3, few: 3, 'a couple of': 2, 'couple of': 2, some: 3, kadhaa: 3, kumi: 10, ishirini: 20, thelathini: 30, arobaini: 40, hamsini: 50,
};
// "Saa tano iliyopita" is the eleven o'clock that passed (Swahili hours): only one hour, "saa moja iliyopita", is said so.
const AGO_EN = /^(?:(?:about|around|like|just|only) )?(\d{1,4}|[a-z]+|a few|a couple of|couple of) ?(hours?|hrs?|minutes?|mins?) (?:ago|back)$/;
const AGO_SW = /^(?:(?:kama|karibu) )?(?:(masaa|saa|dakika) (\d{1,4}|[a-z]+) (?:zilizopita|yaliyopita)|saa (moja) iliyopita)$/;
const HOUR_MS = 60 * 60 * 1000;

/** How long ago in hours ("2hrs ago", "30 minutes ago", "dakika kumi zilizopita"), or undefined. */
function hoursAgo(words: string): number | undefined {
  const en = AGO_EN.exec(words);
  const sw = en ? undefined : AGO_SW.exec(words);
  const said = en?.[1] ?? sw?.[2] ?? sw?.[3];
  const unit = en?.[2] ?? sw?.[1] ?? 'saa';
  const count = said === undefined ? undefined : /^\d+$/.test(said) ? Number(said) : Object.hasOwn(HOUR_COUNTS, said) ? HOUR_COUNTS[said] : undefined;
  if (count === undefined) return undefined;
  return /^(?:minutes?|mins?|dakika)$/.test(unit) ? count / 60 : count;
}

/**
 * "3 hours ago", "30 minutes ago", "masaa mawili yaliyopita" (typed words, normalised): today, or yesterday when that
 * long goes back past midnight in Nairobi; undefined for anything else, or more than a day.
 */
export function hoursAgoDay(words: string, now: Date): 'today' | 'yesterday' | undefined {
  const hours = hoursAgo(words);
  if (hours === undefined || hours > 24) return undefined;
  return startOfEatDay(new Date(now.getTime() - hours * HOUR_MS)) === startOfEatDay(now) ? 'today' : 'yesterday';
}

/** Tens in Swahili; "mosi" and "pili" are the first and the second ("tarehe mosi"). */
const SWAHILI_TENS = ['kumi', 'ishirini', 'thelathini'];
const DAY_WORDS = new RegExp(`\\btarehe (?:(${SWAHILI_TENS.join('|')})(?: na ([a-z]+))?|(mosi|pili|[a-z]+))\\b`);

/** "Tarehe mbili" is "tarehe 2", "tarehe ishirini na tano" "tarehe 25", "tarehe mosi" "tarehe 1"; other words as typed. */
function dayNumberWords(t: string): string {
  return t.replace(DAY_WORDS, (all, tens: string | undefined, unit: string | undefined, alone: string | undefined) => {
    const one = (w: string | undefined) => (w === 'mosi' ? 1 : w === 'pili' ? 2 : w === undefined ? 0 : SWAHILI_NUMBERS.slice(0, 9).indexOf(w) + 1);
    const n = tens !== undefined ? (SWAHILI_TENS.indexOf(tens) + 1) * 10 + one(unit) : one(alone);
    const fine = n > 0 && (unit === undefined || one(unit) > 0);
    return fine ? `tarehe ${n}` : all;
  });
}

/**
 * "3 December", "Dec 3rd", "tarehe 3 Desemba 2026", "tarehe 3" (this month), "the 3rd", "tarehe 3
 * mwezi huu": without a year (or month), the latest such day up to today.
 */
function namedDate(s: string): DayParts | undefined {
  const thisMonth = /\b(?:mwezi huu|this month)\b/i.test(s);
  const t = dayNumberWords(monthNumberWords(s.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ')))
    .replace(/\b(tarehe|mnamo|the|of|on|mwezi huu|this month)\b/g, ' ')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const dayFirst = /^(\d{1,2})(?: ([a-z]+))?(?: (\d{4}))?$/.exec(t);
  const monthFirst = dayFirst ? undefined : /^([a-z]+) (\d{1,2})(?: (\d{4}))?$/.exec(t);
  const [day, month, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : monthFirst ? [monthFirst[2], monthFirst[1], monthFirst[3]] : [];
  if (!day) return undefined;
  // A bare number is a day of the month only as "tarehe 3" or "3rd", never a lone "3".
  if (month === undefined && !thisMonth && !/tarehe|\d(st|nd|rd|th)\b|\bthe\b/i.test(s)) return undefined;
  const m = month === undefined ? NaN : monthOf(month);
  if (m === 0 || (thisMonth && month !== undefined)) return undefined;
  return { d: Number(day), m, y: year === undefined ? NaN : Number(year), ...(thisMonth ? { thisMonth: true as const } : {}) };
}

/** A date missing its year (or month) is the latest such day up to today; then checked like any. */
function checkedDate(parts: DayParts, now: Date): ParsedDate {
  const today = new Date(startOfEatDay(now) + EAT_OFFSET_MS);
  const { d } = parts;
  // "Tarehe 30 mwezi huu" typed on the 28th is ahead, not last month's 30th.
  if (Number.isNaN(parts.m) && parts.thisMonth && d > today.getUTCDate()) return { ok: false, reason: d > 31 ? 'format' : 'future' };
  if (Number.isNaN(parts.m)) return dayOfMonth(d, today, now, parts.lastMonth ? 1 : 0);
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

/** "Tarehe 31": the latest month up to today that has that day (from `from` months back: 1 after "last month"). */
function dayOfMonth(d: number, today: Date, now: Date, from = 0): ParsedDate {
  if (d < 1 || d > 31) return { ok: false, reason: 'format' };
  // Last month said: that month only ("31st last month" in December is no date), else the latest of three.
  for (let back = from; back < (from ? from + 1 : 3); back++) {
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
/** A part of the day, with how early or late in it ("early morning", "asubuhi mapema", "usiku sana", "late at night"). */
const PART =
  '(?:(?:za|ya)\\s+)?(?:(?:very\\s+)?(?:early|late)\\s+(?:in\\s+the\\s+|at\\s+)?)?(?:asubuhi(?:\\s+(?:na\\s+)?mapema)?|mchana|alasiri|jioni|usiku(?:\\s+(?:wa\\s+manane|sana))?|alfajiri|adhuhuri|morning|afternoon|evening|night)';
/** A time of day with the words around it: "saa nne usiku", "usiku saa nne", "at around 10pm", "kati ya saa nne na saa tano". */
const TIME_WORDS = `${LEAD}(?:${PART}\\s+)?${LEAD}${CLOCK}${MINUTES}(?:\\s+(?:na|and|to|hadi|-)\\s+${CLOCK}${MINUTES})?(?:\\s+${PART})?`;
/** A time of day after the day. */
const TIME_OF_DAY = new RegExp(`\\s+(${TIME_WORDS})\\.?$`, 'iu');
/** A time of day that is the whole answer: "saa tatu asubuhi", "jioni saa mbili", "at 9am", "usiku". */
const TIME_ALONE = new RegExp(`^(?:${TIME_WORDS}|${LEAD}${PART})\\.?$`, 'iu');
const AT_HOUR = /\s+((?:at|around|about)\s+\d{1,2})$/i;
/** A part of the day alone: "jana usiku", "yesterday at night", "Ijumaa asubuhi". */
const PART_ONLY = new RegExp(`\\s+(${LEAD}${PART})\\.?$`, 'iu');
const LED = new RegExp(`^${LEAD.slice(0, -1)}\\S`, 'iu');
/** A time of day before its day: "saa tano usiku juzi", "at 10pm yesterday" (the hour, then the day). */
const TIME_FIRST = new RegExp(`^(${TIME_WORDS})\\s+(\\S.*)$`, 'iu');
/** A part of the day before its day: "usiku wa kuamkia leo", "usiku wa jana", "asubuhi ya Jumamosi". */
const PART_FIRST = new RegExp(`^(${PART})\\s+(?:wa|ya)\\s+(\\S.*)$`, 'iu');

/** "Tonight" said as the day ("tonight", "it was tonight", "2nite"): today, at night. */
const TONIGHT = new RegExp(`(?:^|\\s)${TONIGHT_TYPED}[.!]?$`, 'iu');

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
  if (m && m[1].trim().length <= TIME_MAX_CHARS) {
    const day = s.slice(0, m.index).trim();
    // "Last night at 2am": the night is the day's too ("last" alone is none), as "jana" in "jana usiku saa nane".
    const night = /(?:^|\s)last$/i.test(day) ? /^(?:night|evening)\b/i.exec(m[1].trim()) : null;
    // "Usiku wa jana saa nne": the part of the day said before the day is the hour's too, as in "jana usiku saa nne".
    const before = PART_FIRST.exec(day);
    const both = before ? `${before[1]} ${m[1].trim()}` : '';
    if (before && both.length <= TIME_MAX_CHARS) return { day, time: both, dayAlone: before[2] };
    return { day: night ? `${day} ${night[0]}` : day, time: m[1].trim() };
  }
  const p = PART_ONLY.exec(s);
  if (!p || p[1].trim().length > TIME_MAX_CHARS) {
    const f = PART_FIRST.exec(s);
    if (f) return { day: s, time: f[1], dayAlone: f[2] };
    // "Tonight": the night is in the day's own word, as in "leo usiku".
    if (TONIGHT.test(s)) return { day: s, time: 'night' };
    // "Saa tano usiku juzi": the hour said first, the day after it (read as `dayAlone`).
    const t = TIME_FIRST.exec(s);
    return t && t[1].trim().length <= TIME_MAX_CHARS ? { day: s, time: t[1].trim(), dayAlone: t[2].trim() } : { day: s };
  }
  const alone = s.slice(0, p.index).trim();
  // `dayAlone`: to read when the day with its part is not understood ("jana alfajiri").
  return LED.test(p[1]) && !/^(?:za|ya)\s/i.test(p[1]) ? { day: alone, time: p[1].trim() } : { day: s, time: p[1].trim(), dayAlone: alone };
}


/**
 * A time of day typed without its day ("saa tatu asubuhi", "usiku", "at 9am"): the day most
 * likely meant, today, or yesterday when the earliest hour the words can mean has not come yet
 * today; the words kept as typed (see `splitTime`). Undefined when no hour or part of the day is
 * named ("saa hizo", at that time).
 */
export function timeAlone(input: string, now: Date): { day: 'today' | 'yesterday'; time: string } | undefined {
  const time = input.trim().replace(/\.$/, '');
  if (time.length > TIME_MAX_CHARS || !TIME_ALONE.test(time)) return undefined;
  const hour = earliestHour(time.toLowerCase().replace(/\s+/g, ' '));
  if (hour === undefined) return undefined;
  const nowHour = new Date(now.getTime() + EAT_OFFSET_MS).getUTCHours();
  return { day: hour > nowHour ? 'yesterday' : 'today', time };
}

/** Where each part of the day begins (24-hour clock); "usiku wa manane" is midnight, so before "usiku". */
const PART_START: readonly (readonly [RegExp, number])[] = [
  [/manane/, 0], [/alfajiri/, 4], [/asubuhi|morning/, 6], [/mchana|adhuhuri|alasiri|afternoon/, 12], [/jioni|evening/, 16], [/usiku|night/, 19],
];
const HOUR_OF = /(?:^|\s)(?:(\d{2})\d{2}\s*hrs|saa\s+(kumi na (?:moja|mbili)|[a-z]+)|(saa\s+)?(\d{1,2})(?:[:.]\d{2})?(?:\s*([ap])\.?\s?m\b|\s*hrs)?)/;

/** The earliest hour of the day (0-23) the words can mean; Swahili hours count from 7 am ("saa tatu" is 9). */
function earliestHour(t: string): number | undefined {
  const start = PART_START.find(([re]) => re.test(t))?.[1];
  const m = HOUR_OF.exec(t);
  if (!m) return start;
  if (m[1] !== undefined) return Number(m[1]) % 24;
  const swahili = (n: number) => ((n + 5) % 12) + 1;
  if (m[2] !== undefined) {
    const n = SWAHILI_NUMBERS.indexOf(m[2]) + 1;
    // "Saa hizo" (at that time): no hour, only the part of the day if one is named.
    return n > 0 ? inPart(swahili(n), start) : start;
  }
  const n = Number(m[4]);
  if (m[5] !== undefined) return (n % 12) + (m[5] === 'p' ? 12 : 0);
  if (n > 12 || m[0].includes('hrs')) return n % 24;
  // "Saa 4" may be Swahili (10 am) or read as on a clock (4): the earlier of the two.
  return Math.min(inPart(n, start), m[3] ? inPart(swahili(n), start) : 24);
}

/** An hour on a 12-hour clock (1-12) within a part of the day, on the 24-hour clock. */
function inPart(h: number, start: number | undefined): number {
  if (start === undefined || start < 12) return h % 12;
  if (start === 12) return h === 12 || h >= 9 ? h : h + 12;
  if (start === 16) return h === 12 ? 12 : h + 12;
  // At night: 7 to 11 are the evening's, 12 midnight, 1 to 6 the small hours.
  return h >= 7 && h < 12 ? h + 12 : h % 12;
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
const WEEKDAY_RE = /^(?:(last|this|next|on|siku ya)\s+)?([a-z]+)(?:\s+(iliyopita|iliopita|ilopita|hii|ijayo|morning|afternoon|evening|night|asubuhi|mchana|alasiri|jioni|usiku))?$/;

/** "Last week", "wiki iliyopita" (its spellings, and "wiki jana" as it is often said), "juma lililopita". */
const LAST_WEEK_WORDS = '(?:last week|the week before|the previous week|wiki (?:iliyopita|iliopita|ilopita|jana)|juma lililopita)';
const LAST_WEEK = new RegExp(`\\b${LAST_WEEK_WORDS}\\b`, 'i');
/** A day of last week, either way round: "last week on Tuesday", "Jumanne ya wiki iliyopita". */
const LAST_WEEK_DAY = new RegExp(`^(?:${LAST_WEEK_WORDS} (.+)|(.+?) (?:(?:of|ya) )?${LAST_WEEK_WORDS})$`);
/** "This week", "wiki hii", "juma hili". */
const THIS_WEEK_WORDS = '(?:this week|wiki hii|juma hili)';
/** A day of this week, either way round: "Tuesday this week", "wiki hii Jumanne", "Jumanne ya wiki hii". */
const THIS_WEEK_DAY = new RegExp(`^(?:${THIS_WEEK_WORDS} (.+)|(.+?) (?:(?:of|ya) )?${THIS_WEEK_WORDS})$`);

/** The day named in "Tuesday last week", "wiki hii jumanne", and the week it was said to be in. */
function dayOfWeekSaid(t: string): { words: string; week?: 'last' | 'this' } {
  const last = LAST_WEEK_DAY.exec(t);
  if (last) return { words: last[1] ?? last[2], week: 'last' };
  const current = THIS_WEEK_DAY.exec(t);
  return current ? { words: current[1] ?? current[2], week: 'this' } : { words: t };
}

/**
 * A day of the week, the Kenyan day's start: the last one up to today ("Jumamosi asubuhi" typed
 * on a Saturday is this morning), a week before today for today's name said as "last" or
 * "iliyopita". "Monday last week" is not "last Monday" (which may be this week's): it is the
 * Monday of the week before this one, as is a day named after "last week" was said (`lastWeek`).
 * "Tuesday this week", "this Tuesday", "jumanne hii", "jumanne wiki hii" is the latest Tuesday:
 * this week's, or last week's while this week's is still to come. "Next Tuesday", "jumanne
 * ijayo" is the coming one (in the future: the caller says so).
 * Undefined when the text is not a day of the week.
 */
function lastWeekday(input: string, now: Date, { lastWeek = false, weeksBack = 1 }: { lastWeek?: boolean; weeksBack?: number } = {}): Date | undefined {
  // "J'mosi", "J'pili": the apostrophe of the short forms goes.
  const t = input.toLowerCase().replace(/[.,!?'’]/g, '').replace(/\s+/g, ' ').trim();
  const { words, week } = dayOfWeekSaid(t);
  const m = WEEKDAY_RE.exec(words);
  const day = m ? WEEKDAYS.findIndex((names) => names.includes(m[2])) : -1;
  // "This week last Tuesday", "last week this Tuesday": two weeks at once; asked.
  if (!m || day < 0 || (week === 'this' && m[1] === 'last') || (week === 'last' && m[1] === 'this')) return undefined;
  const today = startOfEatDay(now);
  const todayIs = new Date(today + EAT_OFFSET_MS).getUTCDay();
  const last = m[1] === 'last' || /^il/.test(m[3] ?? '');
  const coming = m[1] === 'next' || m[3] === 'ijayo';
  if (coming && (week !== undefined || last)) return undefined;
  // "Next Tuesday", "jumanne ijayo": still to come, so the caller says it is in the future.
  if (coming) return new Date(today + ((day - todayIs + 7) % 7 || 7) * DAY_MS);
  const thisOne = week === 'this' || m[1] === 'this' || m[3] === 'hii';
  if (week === 'last' || (lastWeek && !last && !thisOne)) return new Date(today - daysBackInWeekBefore(todayIs, day) * DAY_MS);
  // "Which day?" after "two weeks ago": that day of the week before last (or earlier), Monday to Sunday as last week's.
  if (weeksBack > 1 && week === undefined && !last && !thisOne) return new Date(today - (daysBackInWeekBefore(todayIs, day) + (weeksBack - 1) * 7) * DAY_MS);
  // "This Tuesday", "jumanne wiki hii" are this week's (Monday to Sunday) when it has come; told of
  // what happened, one still to come is the one just past ("this Tuesday" typed on a Monday is not
  // tomorrow): either way the latest such day, as a day named alone.
  const back = (todayIs - day + 7) % 7 || (last ? 7 : 0);
  return new Date(today - back * DAY_MS);
}

/**
 * Days from today back to `day` (0 Sunday ... 6 Saturday) of last week. In Kenyan everyday usage
 * the week runs Monday to Sunday (the school and working week; Sunday ends it, with the weekend),
 * so on a Sunday "Tuesday last week" is twelve days back, not five; from 1 to 13 days back.
 */
function daysBackInWeekBefore(todayIs: number, day: number): number {
  const sinceMonday = (todayIs + 6) % 7;
  return sinceMonday + 7 - ((day + 6) % 7);
}

/** Today or yesterday named in a story, with a part of the day after it: "jana usiku", "yesterday", "last night", "leo asubuhi". */
/** Typed in a hurry as well ("yestaday", "last nyt": `SPELLINGS`), and a word after it that may be the part of the day ("usku"). */
const STORY_DAY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${YESTERDAY_TYPED}|last ?(?:night|${NIGHT_TYPED})|jana|today|${TONIGHT_TYPED}|this (?:morning|afternoon|evening)|leo)(?![\p{L}\p{N}]|['’]s\b)(?:\s+(\p{L}+))?`,
  'giu',
);
/** A day named with its part of the day ("last night", "this morning", after `daySpelling`): that part, as typed at the date question it is kept. */
const OWN_PART = /^(?:(?:last|this) (night|morning|afternoon|evening)|to(night))$/;
/** A word before "ya"/"wa"/"za" and the day ("asubuhi ya leo", "usku wa jana", "usiku wa manane wa jana"): the part of the day, when it is one (`partOfDay`). */
const PART_BEFORE_DAY = /(?<![\p{L}\p{N}])((\p{L}+)((?:\s+wa\s+manane)?)\s+(?:ya|wa|za)\s+)$/iu;
/** The parts of the day that may follow it (after `daySpelling`). */
const STORY_TIME = /^(?:usiku|asubuhi|jioni|mchana|alfajiri|morning|afternoon|evening|night)$/i;
/** Not the incident's day: "mwaka jana" (last year), "wiki jana", "hadi leo" (until today). */
const NOT_ITS_DAY = /^(?:mwaka|wiki|mwezi|juma|hadi|mpaka|until|till|up to)$/i;
/** "The day before yesterday": "juzi" in English (its "yesterday" is no yesterday). */
const DAY_BEFORE_YESTERDAY = String.raw`(?:(?:the\s+)?(?:day|night)\s+)?(?:before|b4)\s+(?:yesterday|yestaday|yesterdy)`;
const JUZI = new RegExp(String.raw`^(?:juzi|${DAY_BEFORE_YESTERDAY})$`, 'i');
/** Any other day named ("Tuesday", "juzi", "last week", "3/11", "kuamkia leo"): the story names more than one; asked. */
const OTHER_DAY = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${WEEKDAYS.flat().filter((w) => w.length > 4).join('|')}|juzi|${DAY_BEFORE_YESTERDAY}|kuamkia|${LAST_WEEK_WORDS}|ago|zilizopita|iliyopita|\\d{1,2}[/.-]\\d{1,2})(?![\\p{L}\\p{N}])`,
  'iu',
);

/**
 * The one day a story names, to offer at the date question: today or yesterday, named once (or
 * the same day again), with the part of the day said after it. Undefined when it names none, two
 * ("arrested yesterday and beaten today"), or another day besides; never "kijana", "yesterday's
 * results", "mwaka jana" (last year) nor "until today". Read, never taken: the reporter says yes.
 */
export function dayInStory(story: string): { when: 'today' | 'yesterday'; words: string; time?: string } | undefined {
  if (OTHER_DAY.test(story) || A_DATE.test(story)) return undefined;
  const found = storyDays(story);
  return found.length > 0 && found.every((f) => f.when === found[0].when) ? found[0] : undefined;
}

/** Each "today" or "yesterday" a story names (not "mwaka jana", "until today"), with the part of the day after it. */
function storyDays(story: string): { when: 'today' | 'yesterday'; words: string; time?: string }[] {
  const found: { when: 'today' | 'yesterday'; words: string; time?: string }[] = [];
  for (const m of story.matchAll(STORY_DAY)) {
    const before = /(\p{L}+(?:\s+to)?)\s*$/u.exec(story.slice(0, m.index))?.[1] ?? '';
    if (NOT_ITS_DAY.test(before) || NOT_ITS_DAY.test(before.split(/\s+/).pop() ?? '')) continue;
    const day = daySpelling(m[1]).toLowerCase();
    const when = /^(?:yesterday|last night|jana)$/.test(day) ? 'yesterday' : 'today';
    // The word after it only when it is a part of the day (read as spelt out: "usku" is "usiku").
    const after = partOfDay(m[2]);
    // "Last night", "this morning": the part of the day is in the day's own words, kept as "jana usiku" keeps "usiku".
    const own = OWN_PART.exec(day);
    // "Asubuhi ya leo", "usiku wa jana": the part of the day said before it, as "leo asubuhi" says it after.
    const first = PART_BEFORE_DAY.exec(story.slice(0, m.index));
    const part = first ? partOfDay(first[2]) : undefined;
    const time = part === undefined ? (after ?? own?.[1] ?? own?.[2]) : `${part}${first?.[3] ?? ''}`;
    const words = part !== undefined && first ? `${first[1]}${m[1]}` : after ? m[0] : m[1];
    found.push({ when, words, ...(time ? { time } : {}) });
  }
  return found;
}

/** The word after a day, when it is a part of the day (read as spelt out: "usku" is "usiku"). */
const partOfDay = (word: string | undefined): string | undefined => (word !== undefined && STORY_TIME.test(daySpelling(word)) ? daySpelling(word) : undefined);

/**
 * A day of the week named in a story ("on Tuesday", "last Friday", "Jumatano usiku", "siku ya
 * Ijumaa", "jumanne iliyopita"), or "juzi"; with "next" or "ijayo" it is still to come. Short
 * names ("sat", "wed") are everyday words too, never read here.
 */
const STORY_WEEKDAY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])((?:(last|this|next|on|siku ya)\s+)?(${WEEKDAYS.flat().filter((w) => w.length > 4).join('|')}|juzi|${DAY_BEFORE_YESTERDAY})(?:\s+(iliyopita|iliopita|ilopita|hii|ijayo))?)(?![\p{L}\p{N}])(?:\s+(\p{L}+))?`,
  'giu',
);

/** "Until Friday", "mpaka Jumatatu": when it ended (or ends), not the day it happened, as for "until today". */
const UNTIL = /(?:^|[^\p{L}])(?:until|till|mpaka|hadi)\s+$/iu;

/** Month names a story may give a day with; "may" and "mar" are everyday English too, read only after an ordinal or a lead. */
const MONTH_WORDS = MONTHS.flat().filter((w) => w !== 'may' && w !== 'mar').join('|');
const ORDINAL = String.raw`\d{1,2}(?:st|nd|rd|th)`;
/** A day of the month in Swahili words after "tarehe": "tarehe tisa", "tarehe ishirini na tano", "tarehe mosi". */
const SWAHILI_DAY_NUMBER = String.raw`(?:(?:kumi|ishirini|thelathini)(?:\s+na\s+(?:moja|mbili|tatu|nne|tano|sita|saba|nane|tisa))?|mosi|pili|moja|mbili|tatu|nne|tano|sita|saba|nane|tisa)`;
const LEAD_WORDS = String.raw`(?:on|mnamo|tarehe|siku ya)(?:\s+the)?\s+`;
/**
 * A date a story gives otherwise: days counted back ("2 days ago", "siku tatu zilizopita"), a day of a month
 * ("on 9th August", "tarehe 9 Agosti", "August 9", "9th may", "tarehe 9", "on the 5th"), or one in figures with
 * its year or a lead ("3/12/2026", "on 3/12"). Each is read as the date question reads the same words.
 */
const STORY_DATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.-])(` +
    [
      String.raw`(?:\d{1,2}|a|one|two|three|four|five|six|seven) days? (?:ago|back)`,
      String.raw`siku (?:\d{1,2}|moja|mbili|tatu|nne|tano|sita|saba) (?:zilizopita|ziliopita|zilopita|iliyopita|iliopita|ilopita|zimepita)`,
      String.raw`(?:${LEAD_WORDS})?(?:${ORDINAL}|\d{1,2})(?:\s+of)?\s+(?:${MONTH_WORDS})(?:,?\s+20\d{2})?`,
      String.raw`(?:${LEAD_WORDS}(?:${ORDINAL}|\d{1,2})|${ORDINAL})(?:\s+of)?\s+(?:may|mar)(?:,?\s+20\d{2})?`,
      String.raw`(?:on\s+(?:${MONTH_WORDS}|may|mar)\s+(?:${ORDINAL}|\d{1,2})|(?:${MONTH_WORDS}|may|mar)\s+${ORDINAL})(?:,?\s+20\d{2})?`,
      String.raw`(?:${MONTH_WORDS}|may|mar)\s+\d{1,2},?\s+20\d{2}`,
      String.raw`tarehe\s+(?:\d{1,2}|${SWAHILI_DAY_NUMBER})(?:\s+(?:mwezi huu|mwezi wa (?:\d{1,2}|kumi na (?:moja|mbili)|[a-z]+)|${MONTH_WORDS}|may|mar|${LAST_MONTH_WORDS}))?(?:\s+20\d{2})?`,
      String.raw`on\s+the\s+${ORDINAL}(?:\s+${LAST_MONTH_WORDS})?`,
      String.raw`${ORDINAL}\s+${LAST_MONTH_WORDS}`,
      String.raw`(?:${LEAD_WORDS})?\d{1,2}[/.-]\d{1,2}[/.-](?:20)?\d{2}`,
      String.raw`${LEAD_WORDS}\d{1,2}[/.-]\d{1,2}`,
    ].join('|') +
    String.raw`)(?![\p{L}\p{N}/]|[.-]\d)(?:\s+(\p{L}+))?`,
  'giu',
);
/** A day to come said near a date ("atapelekwa kortini tarehe 15", "watarudi tarehe 20", "on the 20th if I don't pay"): not the incident's. */
const TO_COME = /\b(?:will|going to|gonna|shall|ujao|ijayo|kesho|tomorrow|(?:a|wa|ni|tu)ta(?!ka\b)[a-z]{3,})\b[^.?!]*$/i;
/** ... or a condition right after it ("on the 20th if I don't pay"). */
const IF_AFTER = /^[^.?!]{0,15}\b(?:if|unless|kama|la sivyo)\b/i;
/** Things counted by an ordinal ("the 2nd floor", "the 3rd day of detention", "the 1st attempt"): no day of the month. */
const ORDINAL_NOUNS = new Set('floor day days time times attempt try round week month year person officer one car house gate stage phase street avenue lap class form grade born child son daughter wife'.split(' '));
/** Since a day ("tangu tarehe 3", "since 9th August"): when it began, not the last time it happened, which the question asks. */
const SINCE = /(?:^|[^\p{L}])(?:since|tangu|kuanzia)\s+$/iu;
/** A count said before "before yesterday": "a week", "2 days", "three weeks". */
const COUNT_BEFORE = /\b(?:\d+|a|an|one|two|three|four|five|six|seven)\s+(?:days?|weeks?|months?)\s+$/i;
/** A month, week or year to come: "mwezi ujao", "next month". */
const AHEAD = /\b(?:mwezi ujao|wiki ijayo|mwaka ujao|next (?:month|week|year))\b/i;

/** `STORY_DATE` for a test (a date besides today or yesterday): without the global flag's `lastIndex`. */
const A_DATE = new RegExp(STORY_DATE.source, 'iu');

/** Last year said: "mwaka jana", "mwaka uliopita", "last year". */
const YEAR_BACK = /\b(?:mwaka (?:jana|uliopita|uliyopita|ulopita)|last year)\b/i;

/** A day named in a story: its words (with the word after it, `next`), where they start, and the date they name. */
type StoryDay = { all: string; words: string; next?: string; index: number; at?: number };

/** Each day of the week or "juzi" a story names, as its date; undefined for one still to come or that it ended. */
function storyWeekdays(story: string, now: Date): StoryDay[] | undefined {
  const found = [...story.matchAll(STORY_WEEKDAY)];
  // "A week before yesterday", "2 days before yesterday": counted back from it, no day of its own here.
  const counted = (m: RegExpMatchArray) => /^(?:before|b4)\b/i.test(m[3]) && COUNT_BEFORE.test(story.slice(0, m.index));
  if (found.some((m) => /^next$/i.test(m[2] ?? '') || /^ijayo$/i.test(m[4] ?? '') || UNTIL.test(story.slice(0, m.index)) || counted(m))) return undefined;
  return found.map((m) => {
    const parsed = JUZI.test(m[3]) ? { ok: true as const, date: new Date(startOfEatDay(now) - 2 * DAY_MS) } : parseIncidentDate(m[1], now);
    return { all: m[0], words: m[1], next: m[5], index: m.index, at: parsed.ok ? parsed.date.getTime() : undefined };
  });
}

/**
 * Each other date a story gives (`STORY_DATE`); undefined for one it ended at ("until 9th August") or began at ("since"),
 * one near a day to come (`TO_COME`), or an ordinal that counts a thing ("on the 2nd floor"): none is the incident's day.
 */
function storyDates(story: string, now: Date): StoryDay[] | undefined {
  const found = [...story.matchAll(STORY_DATE)];
  // A day to come said just before the date, in its sentence ("wakasema atapelekwa kortini tarehe 15"); "watarudi" after it is another matter.
  const before = (m: RegExpMatchArray) => story.slice(0, m.index);
  const toCome = (m: RegExpMatchArray) => TO_COME.test(before(m).slice(-30)) || IF_AFTER.test(story.slice((m.index ?? 0) + m[1].length));
  if (found.some((m) => UNTIL.test(before(m)) || SINCE.test(before(m)) || toCome(m) || (/\d(?:st|nd|rd|th)$/i.test(m[1]) && ORDINAL_NOUNS.has((m[2] ?? '').toLowerCase())))) return undefined;
  return found.map((m) => {
    const parsed = parseIncidentDate(m[1], now);
    return { all: m[0], words: m[1], next: m[2], index: m.index, at: parsed.ok ? parsed.date.getTime() : undefined };
  });
}

/**
 * The one other day a story names, to offer at the date question as `dayInStory`'s today or
 * yesterday are: a day of the week or "juzi" ("police shot him on Tuesday"), days counted back
 * ("2 days ago") or a date ("on 9th August"), as its date, with the part of the day said after it.
 * Undefined when the story names none, two different days, a day still to come ("next Tuesday"),
 * one it ended ("until Friday", "mpaka Jumatatu"), one out of range, or any other day besides
 * ("yesterday", "last week", "3 hours ago"), whose week or order is not for a rule to guess. Read,
 * never taken: the reporter says yes.
 */
export function dateInStory(story: string, now: Date): { at: Date; words: string; time?: string } | undefined {
  const weekdays = storyWeekdays(story, now);
  const dates = storyDates(story, now);
  if (!weekdays || !dates) return undefined;
  const found = [...weekdays, ...dates].sort((a, b) => a.index - b.index);
  if (found.length === 0) return undefined;
  // What is left once these are taken out names no day at all.
  const rest = [...found].reverse().reduce((s, f) => `${s.slice(0, f.index)} ${s.slice(f.index + f.words.length)}`, story);
  // "Tarehe 5 mwezi uliopita", "mwaka jana": the month or year is not the one the date alone would be read in.
  if (OTHER_DAY.test(rest) || storyDays(rest).length > 0 || LAST_MONTH.test(rest) || YEAR_BACK.test(rest) || AHEAD.test(rest)) return undefined;
  const at = found[0].at;
  if (at === undefined || found.some((f) => f.at !== at)) return undefined;
  const time = partOfDay(found[0].next);
  return { at: new Date(at), words: time ? found[0].all : found[0].words, ...(time ? { time } : {}) };
}
