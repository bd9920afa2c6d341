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
 * of the week ("Jumamosi", "last Saturday", "Ijumaa usiku").
 * Not in the future and not more than a year ago: older cases go to the agencies directly.
 */
export function parseIncidentDate(input: string, now: Date): ParsedDate {
  const s = input.trim();
  const weekday = lastWeekday(s, now);
  if (weekday) return { ok: true, date: weekday };
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
    if (!match) return { ok: false, reason: 'format' };
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (y < 100) y += 2000;
  }
  const utc = Date.UTC(y, m - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return { ok: false, reason: 'format' };
  const date = new Date(utc - EAT_OFFSET_MS);
  if (date.getTime() > startOfEatDay(now)) return { ok: false, reason: 'future' };
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  if (date.getTime() < startOfEatDay(yearAgo)) return { ok: false, reason: 'too_old' };
  return { ok: true, date };
}

/** Days of the week as people type them, Sunday first (as `getUTCDay` counts). */
const WEEKDAYS: readonly (readonly string[])[] = [
  ['sunday', 'sun', 'jumapili'],
  ['monday', 'mon', 'jumatatu'],
  ['tuesday', 'tue', 'tues', 'jumanne'],
  ['wednesday', 'wed', 'jumatano'],
  ['thursday', 'thu', 'thur', 'thurs', 'alhamisi'],
  ['friday', 'fri', 'ijumaa'],
  ['saturday', 'sat', 'jumamosi'],
];
const WEEKDAY_RE = /^(?:(last|on|siku ya)\s+)?([a-z]+)(?:\s+(iliyopita|morning|afternoon|evening|night|asubuhi|mchana|jioni|usiku))?$/;

/**
 * A day of the week, the Kenyan day's start: the last one up to today ("Jumamosi asubuhi" typed
 * on a Saturday is this morning), a week before today for today's name said as "last" or
 * "iliyopita". "Monday last week" is not read (it is not the same as "last Monday"): the reporter
 * is asked for the date. Undefined when the text is not a day of the week.
 */
function lastWeekday(input: string, now: Date): Date | undefined {
  const m = WEEKDAY_RE.exec(input.toLowerCase().replace(/[.,!?]/g, '').replace(/\s+/g, ' ').trim());
  const day = m ? WEEKDAYS.findIndex((names) => names.includes(m[2])) : -1;
  if (!m || day < 0) return undefined;
  const today = startOfEatDay(now);
  const todayIs = new Date(today + EAT_OFFSET_MS).getUTCDay();
  const last = m[1] === 'last' || m[3] === 'iliyopita';
  const back = (todayIs - day + 7) % 7 || (last ? 7 : 0);
  return new Date(today - back * DAY_MS);
}
