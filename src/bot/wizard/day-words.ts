// When it happened, read from the text alone (no Turn): the day a word names ('jana', 'juzi', 'now'),
// a day answer, a day with a place, an act or who did it after it ('jana | pale Kayole'), a place
// with its day after it ('karibu na soko jana usiku', 'Kayole tarehe 12'). Pure readings used by messages.ts.
import { daySpelling, hoursAgoDay, incidentTimeFor, parseIncidentDate, splitTime, timeAlone } from '../../domain';
import type { Draft } from '../session';
import { normalise, readWord, type Word } from './parse';
import { tellsAnAct, tellsWhoTheyWere } from './story-words';
import { notAPlace, namesAPlace } from './place-words';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Small words a place's name goes on after ("stage ya Leo", "hoteli ya Jana"): a day word after them is the name's. */
const NAME_GOES_ON = new Set('ya la cha wa za pa kwa na of the at in'.split(' '));

/**
 * A place with a day named after it ("near the stage Juzi Jioni", "karibu na soko jana usiku"):
 * the place and the day (a day's word, with its time of day); undefined when the words end in no day.
 */
export function placeThenDay(input: string, now: Date): { place: string; day: DayRead } | undefined {
  const words = input.trim().split(/\s+/);
  for (let k = Math.max(1, words.length - 5); k < words.length; k++) {
    const last = normalise(words[k - 1]).split(' ').pop() ?? '';
    if (NAME_GOES_ON.has(last)) continue;
    const { day, time, dayAlone } = splitTime(words.slice(k).join(' '));
    const word = readWord(day) ?? (dayAlone ? readWord(dayAlone) : undefined);
    // "At Globe at 10pm": an hour alone is a day too, as the date question reads it (`timeAlone`).
    const alone = word ? undefined : timeAlone(words.slice(k).join(' '), now);
    const read = word === 'now' ? undefined : (wordDay(word ?? alone?.day, now, alone?.time ?? time) ?? dateDay(words.slice(k).join(' '), now, time));
    const place = withoutItWas(words.slice(0, k).join(' ').replace(/[.!,;:]+$/u, ''));
    if (read && /\p{L}/u.test(place) && !notAPlace(place, now)) return { place, day: read };
  }
  return undefined;
}

/** "It was", "ilikuwa" ending the place before its day ("Kangemi. Ilikuwa jana jioni"): no part of the place's name. */
const IT_WAS_END = /(?:[\s.!,;:-]+|^)(?:(?:and|na)\s+)?(?:ilikuwa|it was|it['’]?s|was)$/iu;
/** The place without a trailing "it was" ("Kangemi. Ilikuwa" is Kangemi); as typed when nothing else is left ("Ilikuwa"). */
function withoutItWas(place: string): string {
  const kept = place.replace(IT_WAS_END, '').replace(/[.!,;:]+$/u, '');
  return /\p{L}/u.test(kept) ? kept : place;
}

/**
 * "It was", "ilikuwa", "on", "from", "the whole day" leading a day ("it was yesterday evening", "from 6am today"): read
 * without it. Not "since" or "tangu": that it goes on is read elsewhere, the words kept.
 */
const IT_WAS_LEAD = /^\s*(?:it was|it['’]?s|was|ilikuwa|ilitokea|it happened|happened|on|from|(?:the )?whole day|all day|siku nzima)\s+/i;

/**
 * A date written ("tarehe 12", "12/11", "Jumanne iliyopita"), with the time of day typed with it; after a place too
 * ("Kayole tarehe 12", "Kayole 12/11"), as the date question reads it. A number alone is no date ("Section 58",
 * "Phase 2" keep theirs).
 */
function dateDay(words: string, now: Date, time: string | undefined, saidBefore?: string): DayRead | undefined {
  const parsed = parseIncidentDate(words, now, saidBefore);
  return parsed.ok ? { when: 'date', incidentAt: parsed.date.getTime(), time } : undefined;
}

/** A day read from the reporter's words, with the time of day typed with it (kept as typed). */
export type DayRead = { when: Exclude<Draft['when'], undefined>; incidentAt: number; time?: string };

/** The day a typed word names ("jana", "juzi", "now"); undefined for any other word. */
export function wordDay(word: Word | undefined, now: Date, time?: string): DayRead | undefined {
  // "Now" has its own time; a time typed with another day is kept as typed.
  if (word === 'now') return { when: 'now', incidentAt: incidentTimeFor('now', now).getTime() };
  if (word === 'today' || word === 'yesterday') return { when: word, incidentAt: incidentTimeFor(word, now).getTime(), time };
  if (word === 'dayBefore') return { when: 'date', incidentAt: incidentTimeFor('yesterday', now).getTime() - DAY_MS, time };
  return undefined;
}

/** The answer to "when?", whole: a day word ("jana saa nne usiku"), an hour alone ("saa tatu asubuhi") or a date. */
export function dayAnswer(typed: string, now: Date, saidBefore?: string): DayRead | undefined {
  // "Jna usku", "yestaday", "leo asbh": read as the words they are meant to be.
  const input = daySpelling(typed.replace(IT_WAS_LEAD, ''));
  // "Jana saa nne usiku": yesterday, said with the hour (not asked for, kept as typed).
  const { day, time, dayAlone } = splitTime(input);
  const word = readWord(day) ?? (dayAlone ? readWord(dayAlone) : undefined);
  const named = wordDay(word, now, time);
  if (named) return named;
  // "Saa tatu asubuhi" with no day: today, or yesterday when that hour has not come yet today.
  const alone = timeAlone(input, now);
  const byHour = alone ? wordDay(alone.day, now, alone.time) : undefined;
  if (byHour) return byHour;
  // "3 hours ago", "masaa mawili yaliyopita": today or yesterday, as the domain counts the hours back.
  return wordDay(hoursAgoDay(normalise(input), now), now) ?? dateDay(input, now, time, saidBefore);
}

/** A number alone, as a day of the month is often answered ("12"). */
const NUMBER_ALONE = /^\s*(\d{1,2})\s*[.!]?\s*$/u;

/**
 * "12" answered to "when?": the 12th, as "tarehe 12" is (this month, or last month when the 12th is still to
 * come). Only where the day is asked: elsewhere a number alone is no day ("Section 58", "Phase 2").
 */
export function dayOfMonthAlone(typed: string, now: Date, saidBefore?: string): DayRead | undefined {
  const alone = NUMBER_ALONE.exec(typed);
  return alone ? dayAnswer(`tarehe ${alone[1]}`, now, saidBefore) : undefined;
}

/** The longest beginning of the words that is a day, and a place, an act, who did it or when in the day after it ("jana | pale Kayole"). */
export function dayThenMore(input: string, now: Date, saidBefore?: string): { day: DayRead; rest: string } | undefined {
  const found = thenMore(input, (head) => dayAnswer(head, now, saidBefore));
  return found && { day: found.head, rest: found.rest };
}

/** The longest beginning of the words that `head` reads, and a place, an act or who did it after it. */
export function thenMore<T>(input: string, head: (words: string) => T | undefined): { head: T; rest: string } | undefined {
  const words = input.trim().split(/\s+/);
  if ([...input].length > 200) return undefined;
  for (let k = words.length - 1; k >= 1; k--) {
    const rest = words.slice(k).join(' ');
    // Only a place after the day: "usiku wa kuamkia Jumamosi", "tarehe 30 mwezi huu" are one answer, never a day and more.
    if (!namesAPlace(rest) && !addsNothing(rest) && !tellsAnAct(normalise(rest)) && !tellsWhoTheyWere(normalise(rest)) && !WHEN_IN_THE_DAY.test(normalise(rest))) continue;
    const read = head(words.slice(0, k).join(' '));
    if (read !== undefined) return { head: read, rest };
  }
  return undefined;
}

/** When in that day, after the day ("during tallying", "after voting", "wakati wa kuhesabu kura"): kept in the story with the day. */
const WHEN_IN_THE_DAY = /^(?!(?:before|kabla ya) (?:last|iliyopita|the last one|that)\b)(?:during|after|before|while|when|at the time of|wakati(?: wa)?|baada ya|kabla ya|katikati ya)\b|^(?:on )?(?:the )?(?:polling|election|voting) day$|^siku ya (?:kura|uchaguzi|kupiga kura)$/;

/** What only softens, hedges or ends an answer ("jana tu", "yesterday please", "yesterday, I think"): nothing to keep. */
const NOTHING_MORE = new Set('tu hivi hiyo hio ok okay sawa please pls tafadhali asante thanks thank you basi bana ndio yes sir madam boss i think guess nadhani labda maybe pengine probably'.split(' '));

export const addsNothing = (words: string) => normalise(words).split(' ').every((w) => !w || NOTHING_MORE.has(w));
