import { DAY_MS, incidentTimeFor } from '../../domain';

const EAT_MS = 3 * 60 * 60 * 1000;

/** The day of the month of the Kenyan day (UTC+3) containing `at`. */
export function dayOfMonth(at: number): number {
  return new Date(at + EAT_MS).getUTCDate();
}

/** DD/MM/YYYY of the Kenyan day (UTC+3) containing `at`. */
export function formatDay(at: number): string {
  const iso = new Date(at + EAT_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * The weekend "wikendi" means: the Saturday and Sunday of the latest Sunday up to today (Kenyan
 * days, each as its start). On a Saturday that is the weekend before: today is "leo", not "wikendi".
 */
export function lastWeekend(now: Date): [number, number] {
  const today = incidentTimeFor('today', now).getTime();
  const sunday = today - new Date(today + EAT_MS).getUTCDay() * DAY_MS;
  return [sunday - DAY_MS, sunday];
}

const DASHES = /-/g;

/** A weekend day's button value: 'd' and its Kenyan date (d20261122). */
export function weekendValue(at: number): string {
  return `d${kenyanDate(at)}`;
}

/** The button value of a day the story names (`dateInStory`): 's' and its Kenyan date (s20261125). */
export function storyDayValue(at: number): string {
  return `s${kenyanDate(at)}`;
}

/** The Kenyan date of `at` as eight digits (20261122). */
const kenyanDate = (at: number) => new Date(at + EAT_MS).toISOString().slice(0, 10).replace(DASHES, '');

/** The day a weekend button names, when it is one of this weekend's or the one before (asked on a Saturday, tapped on Sunday); undefined for any other. */
export function weekendDay(value: string, now: Date): number | undefined {
  const [sat, sun] = lastWeekend(now);
  return [sat, sun, sat - 7 * DAY_MS, sun - 7 * DAY_MS].find((day) => weekendValue(day) === value);
}

/** HH:MM in Kenyan time. */
export function formatTime(at: number): string {
  return new Date(at + EAT_MS).toISOString().slice(11, 16);
}

export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
}
