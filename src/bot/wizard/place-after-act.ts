// Where and when, told after what was done ('walinipiga kwa rungu pale Kencom', 'they stopped me
// at 10pm at Globe'): splitPlaceAfterAct and the readings it is made of; beginsDoneToSomeone; and
// the new place a correction gives, with its day (correctedPlace). Pure readings used by messages.ts.
import { checkText, everydayWord, LIMITS, phoneNumberWritten } from '../../domain';
import { placeCorrection, placeInsteadOf, placeRestated, whenClause } from './correction';
import { normalise } from './parse';
import { ACT_PLACES, tellsAnAct, beginsWithAct, doneInOneWord, tellsWhoTheyWere } from './story-words';
import { PLACE_NOUNS, BETWEEN_PLACE_NOUNS, WHO_NOUNS, PLACE_LEAD_WORDS, WHERE_AFTER_ACT, NO_PLACE_AFTER, PLACE_LEADS, spotNamed, TIME_WORDS, notAPlace, namesAPlace, namedSpot, plainlyPlace, plausibleName } from './place-words';
import { type DayRead, dayAnswer, placeThenDay } from './day-words';

/**
 * Beside where, kept with it as a corrected place keeps "near the Shell": the place is near X, not
 * X. The Swahili ones only with their small word ("karibu na", "mbele ya"): "karibu" alone is "nearly".
 */
const BESIDE_AFTER_ACT = new Map(
  [...'near opposite behind outside beside along'.split(' ').map((w) => [w, ''] as const), ['karibu', 'na'], ['nje', 'ya'], ['mbele', 'ya'], ['nyuma', 'ya'], ['kando', 'ya'], ['pembeni', 'ya']],
);

/** After "in", "on", "mbele ya"...: the body ("in the face", "nyuma ya kichwa"), people ("in front of my children"), their car, the way: no place. */
const NOT_A_SPOT = new RegExp(
  String.raw`^(?:(?:the|a|an|my|his|her|our|their|your|ya|la|wa|za|cha) )?(?:(?:police )?(?:car|vehicle|van|lorry|truck|pick ?up|land ?cruiser)|gari|head|face|eyes?|stomach|belly|back|chest|ribs?|legs?|arms?|hands?|neck|mouth|ears?|knees?|nose|teeth|body|` +
    String.raw`children|kids|wife|husband|family|everyone|everybody|people|neighbou?rs|crowd|friends?|public|daylight|broad daylight|way|foot|duty|` +
    String.raw`kichwa\w*|uso\w*|macho|jicho|tumbo\w*|mgongo\w*|kifua\w*|mbavu|mguu\w*|miguu|mkono\w*|mikono|shingo\w*|mdomo\w*|sikio|goti|mwili\w*|watoto|mtoto|mke|mume|familia|watu|majirani|umati|wananchi|marafiki|rafiki)\b(?! of\b)`,
);

const KWA = 'kwa';

/** "They stopped me", "police took us": who did it, what, and to whom; a clause, never a place's name. */
const DONE_TO_WHOM = /^(the )?(they|he|she|police|cops?|officers?|policemen|askari|polisi)( \w+){1,2} (me|us|him|her|them|my \w+)$/;

/**
 * `DONE_TO_WHOM`, with no place's noun nor lead into where between who and whom: "police post near
 * us", "the police station next to me" are where, near the reporter; read as "police posted us",
 * they went to the story and the place was asked again.
 */
const doneToWhom = (words: string) => DONE_TO_WHOM.test(words) && !words.split(' ').slice(1, -1).some((w) => (PLACE_NOUNS.has(w) && !BETWEEN_PLACE_NOUNS.includes(w) && !WHO_NOUNS.has(w)) || PLACE_LEAD_WORDS.has(w));

/** "Seli ya Central" tells no act: a cell is a place, as `beginsWithAct` reads it. */
export const tellsWhatWasDone = (head: string) =>
  !ACT_PLACES.test(head.split(' ')[0]) && (tellsAnAct(head) || beginsWithAct(head) || doneInOneWord(head.split(' ')[0]) || doneToWhom(head) || doneToMe(head));

/** "I was stopped", "we were pulled over", "my son got arrested": what was done, told of whom it was done to. */
const DONE_TO_ME_EN =
  /\b(was|were|got|been|being) (stopped|arrested|beaten|harassed|searched|frisked|detained|held|questioned|interrogated|chased|caught|pulled|turned|blocked|insulted|intimidated|roughed|manhandled|bundled|extorted|attacked|assaulted|slapped|kicked|injured|hurt|pushed|forced|ordered|asked|denied|taken|robbed|threatened|teargassed|shot|locked|grabbed|abused|mugged|whipped|stripped|tortured)\b/;

/**
 * "Nilisimamishwa" (I was stopped), "tulizuiliwa", "mwanangu alifukuzwa": a passive verb, whoever it
 * was done to ("ni-", "tu-", "a-", "wa-"), first or after who. "Nilikuwa", "nilipokuwa" (I was, when I
 * was) tell no act.
 */
const DONE_TO_ME_SW = /^(ni|tu|a|wa)(li|me|ka|na|lipo)[a-z]{3,}wa$/;

const doneToMe = (head: string) => DONE_TO_ME_EN.test(head) || head.split(' ').slice(0, 2).some((w) => DONE_TO_ME_SW.test(w) && !/kuwa$/.test(w));

/** Who it was done to, before a passive that begins the words ("I was beaten", "mwanangu alikamatwa"). */
const TO_WHOM_FIRST = /^(?:(?:i|we|he|she|they|mimi|sisi|yeye|wao|(?:my|our|his|her|their|the) \w+|mwanangu|mwenzangu|bibi yangu|mume wangu|mke wangu|kaka yangu|dada yangu|rafiki yangu) )?/;

/**
 * Words begun with what was done to someone, no where in them ("I was beaten badly", "tulisimamishwa
 * kwa nguvu", "they stopped me on my way home"): the story, never a place. Only at their start:
 * "the stage where I was arrested", "Kencom, pale nilipokamatwa" are places.
 */
export function beginsDoneToSomeone(words: string): boolean {
  const rest = words.replace(TO_WHOM_FIRST, '');
  const first = rest.split(' ')[0];
  if (DONE_TO_ME_EN.exec(rest)?.index === 0) return true;
  if (DONE_TO_ME_SW.test(first) && !/kuwa$/.test(first)) return true;
  const list = words.split(' ');
  // "They stopped me", "police officers beat us": who did it, what, and to whom; "my son" only as a whole (`DONE_TO_WHOM`).
  return [3, 4].some((n) => list.length >= n && /(me|us|him|her|them)$/.test(list[n - 1]) && doneToWhom(list.slice(0, n).join(' ')));
}

/** "Kwa Mama Ngina", "kwa Njenga": a "kwa" leads into where only before a name (never "kwa rungu", by a club). */
const kwaName = (word: string | undefined) => word !== undefined && /^\p{Lu}\p{Ll}/u.test(word);

/** "Kwa roadblock ya Kangemi", "kwa stage": a "kwa" before a spot means "at"; the place is the spot. Never "kwa nguvu", "kwa matatu" (by force, by matatu). */
const KWA_SPOTS = new Set('roadblock stage steji junction roundabout kituo soko duka hoteli kanisa msikiti shule ofisi chief gate lango mtaa estate plot bar baa club hospitali zahanati'.split(' '));

/**
 * Where, after what was done, read from each "at", "in", "near", "pale", "karibu na"... in turn
 * until one leads into a place ("they stopped me at 10pm at Globe": "at 10pm" leads into none). A
 * "kwa" only with no other ("walinipiga kwa rungu pale Kencom").
 */
export function splitPlaceAfterAct(input: string, now: Date): { place: string; day?: DayRead } | undefined {
  if ([...input].length > 200) return undefined;
  const typed = input.trim().split(/\s+/);
  const plain = typed.map((w) => normalise(w).split(' ').filter(Boolean));
  const wheres = plain.flatMap((_, i) => (i > 0 && whereAt(plain, i) ? [i] : []));
  const at = wheres.length ? wheres : plain.flatMap((_, i) => (i > 0 && kwaAt(typed, plain, i) ? [i] : []));
  // Each split reads the same runs of words as a day again: read once per answer.
  const day = dayOnce(now);
  for (const k of at) {
    const found = placeAt(typed, plain, k, now, day);
    if (found) return found;
  }
  return bareAfterAct(typed, plain, now, day);
}

/** A day read out of words (`dayAnswer` at one moment). */
type DayOf = (words: string) => DayRead | undefined;

/** `dayAnswer` at `now`, each words read once: the splits of one answer try the same runs of words many times. */
function dayOnce(now: Date): DayOf {
  const read = new Map<string, DayRead | undefined>();
  return (words) => {
    if (!read.has(words)) read.set(words, dayAnswer(words, now));
    const found = read.get(words);
    // A copy, so that no caller changes the reading another gets.
    return found && { ...found };
  };
}

/** A lead into where at `i` ("at", "in front of", "karibu na"), its length in words, and whether it stays in the place ("near Kencom"). */
function whereAt(plain: string[][], i: number): { keep: boolean; length: number } | undefined {
  const w = (j: number) => (plain[j]?.length === 1 ? plain[j][0] : '');
  if (w(i) === 'in' && w(i + 1) === 'front' && w(i + 2) === 'of') return { keep: true, length: 3 };
  if (w(i) === 'next' && w(i + 1) === 'to') return { keep: true, length: 2 };
  if (WHERE_AFTER_ACT.has(w(i))) return { keep: false, length: 1 };
  const joined = BESIDE_AFTER_ACT.get(w(i));
  if (joined === undefined || (joined && w(i + 1) !== joined)) return undefined;
  return { keep: true, length: joined ? 2 : 1 };
}

/** "Kwa Mama Ngina" (kept: the place's own name), "kwa roadblock ya Kangemi" (at the roadblock); never "kwa rungu", "kwa nguvu". */
function kwaAt(typed: string[], plain: string[][], i: number): { keep: boolean; length: number } | undefined {
  const w = (j: number) => (plain[j]?.length === 1 ? plain[j][0] : '');
  if (w(i) !== KWA) return undefined;
  if (kwaName(typed[i + 1])) return { keep: true, length: 1 };
  return KWA_SPOTS.has(w(i + 1)) ? { keep: false, length: 1 } : undefined;
}

/**
 * The place led into at `k`, after words that tell what was done; an hour or a day said between
 * them ("walinisimamisha | saa nne usiku | pale Globe") is the day, as the date question reads it.
 * Undefined when no place follows (a time, the body, people: "in the face", "mbele ya watoto").
 */
function placeAt(typed: string[], plain: string[][], k: number, now: Date, day: DayOf): { place: string; day?: DayRead } | undefined {
  const where = whereAt(plain, k) ?? kwaAt(typed, plain, k);
  if (!where) return undefined;
  const hour = hourBefore(typed, k, day);
  const done = doneBefore(typed, plain, hour?.from ?? k, day);
  if (!done || NO_PLACE_AFTER.test(plain.slice(k, k + 2).flat().join(' '))) return undefined;
  if (NOT_A_SPOT.test(plain.slice(k + where.length).flat().join(' '))) return undefined;
  // "The stage where I was arrested | near Kencom": the place named first keeps its lead ("the stage near Kencom").
  const named = placeNamedFirst(typed, plain, k);
  const from = where.keep || named ? k : k + 1;
  const end = Math.min(whenClause(plain, from), moreDone(typed, plain, from));
  const found = placeAndDay(typed.slice(from, end).join(' ').replace(/[.!,;:]+$/u, ''), now, true);
  if (!found) return undefined;
  const place = named && checkText(`${named} ${found.place}`, LIMITS.placeMaxChars).ok ? `${named} ${found.place}` : found.place;
  return { place, ...(found.day || hour || done.day ? { day: found.day ?? hour?.day ?? done.day } : {}) };
}

/**
 * Whether the words before `end` tell what was done ("walinisimamisha", "they stopped me"), with
 * the day said first, if it was ("jana saa nne usiku | walinisimamisha"): read as the date question
 * reads it. Undefined when they tell no act, or begin with where ("pale walipomkamata, nje ya
 * Naivas": the whole is a place that tells what was done there).
 */
function doneBefore(typed: string[], plain: string[][], end: number, dayOf: DayOf): { day?: DayRead } | undefined {
  if (PLACE_LEADS.has(plain[0][0] ?? '')) return undefined;
  const head = (from: number) => plain.slice(from, end).flat().join(' ');
  for (let j = Math.min(end - 1, HOUR_WORDS_MAX); j >= 1; j--) {
    // The act first: reading a day costs more, and the day counts only before an act.
    if (!tellsWhatWasDone(head(j))) continue;
    const day = dayOf(typed.slice(0, j).join(' ').replace(/[.!,;:]+$/u, ''));
    if (day && day.when !== 'now') return { day };
  }
  return tellsWhatWasDone(head(0)) ? {} : undefined;
}

/** Words that tell what was done at a place named before them: "where", "ambapo", "nilipokamatwa" (when/where I was arrested). */
const RELATIVE = /^(where|ambapo|ambako|(ni|tu|a|wa|m|u)(li|na|me)?po[a-z]{3,})$/;

/**
 * "The stage where I was arrested", "stage ambapo walinikamata", before where it lies: the place
 * named first (its nouns and names only), as typed; undefined when the words begin otherwise.
 */
function placeNamedFirst(typed: string[], plain: string[][], k: number): string | undefined {
  const r = plain.findIndex((w, i) => i > 0 && i < k && w.length === 1 && RELATIVE.test(w[0]));
  if (r < 1) return undefined;
  const named = typed.slice(0, r).join(' ').replace(/[.!,;:]+$/u, '');
  return spotNamed(named) ? named : undefined;
}

/** Words before where someone was taken, or came from: "to", "hadi", "walinipeleka". */
const TAKEN_TO = /^(to|into|towards|till|until|from|hadi|mpaka|kutoka|\w*pelek\w*)$/;

/**
 * "Walinisimamisha Thika road", "they stopped me Thika road", "walinikamata stage ya Githurai":
 * what was done, then where with no word leading into it. Only a spot's name is read so
 * (`spotNamed`); "walinipiga kwa rungu", "they stopped me on my way home" are the story still.
 */
function bareAfterAct(typed: string[], plain: string[][], now: Date, day: DayOf): { place: string; day?: DayRead } | undefined {
  for (let k = 1; k < plain.length; k++) {
    // Where someone was taken to ("they took me to Central police station", "walinipeleka kituo cha polisi") is not where it happened.
    if (plain[k - 1].some((w) => TAKEN_TO.test(w))) return undefined;
    const end = Math.min(whenClause(plain, k), moreDone(typed, plain, k));
    const place = typed.slice(k, end).join(' ').replace(/[.!,;:]+$/u, '');
    if (!spotNamed(place)) continue;
    const hour = hourBefore(typed, k, day);
    const done = doneBefore(typed, plain, hour?.from ?? k, day);
    const found = done && placeAndDay(place, now, true);
    if (found) return { place: found.place, ...(found.day || hour || done.day ? { day: found.day ?? hour?.day ?? done.day } : {}) };
  }
  return undefined;
}

/** Most words an hour with its day runs to ("jana saa nne na nusu usiku"). */
const HOUR_WORDS_MAX = 8;

/** An hour or a day said right before where (`k`): where it begins and the day read, as an answer to "when?" is; "now" is none (the danger question's). */
function hourBefore(typed: string[], k: number, dayOf: DayOf): { from: number; day: DayRead } | undefined {
  for (let j = Math.max(1, k - HOUR_WORDS_MAX); j < k; j++) {
    const day = dayOf(typed.slice(j, k).join(' ').replace(/[.!,;:]+$/u, ''));
    if (day && day.when !== 'now') return { from: j, day };
  }
  return undefined;
}

/**
 * The place in words read out of a sentence, with a day said after it (`placeThenDay`); undefined
 * when they are no place (a day, an act, who they were, a phone number; with `noTimes`, a time of
 * day or nothing) or too long. For a correction's new place and for "... at X" after an act.
 */
function placeAndDay(typed: string, now: Date, noTimes = false): { place: string; day?: DayRead } | undefined {
  const split = placeThenDay(typed, now);
  const place = split?.place ?? typed;
  const words = normalise(place);
  if ((noTimes && (!words || TIME_WORDS.test(words))) || notAPlace(place, now) || tellsAnAct(words) || beginsWithAct(words) || tellsWhoTheyWere(words) || phoneNumberWritten(place)) return undefined;
  const check = checkText(place, LIMITS.placeMaxChars);
  return check.ok ? { place: check.text, ...(split ? { day: split.day } : {}) } : undefined;
}

/** Words that join one act to the next ("... at the stage and took my phone", "... na wakachukua simu"). */
const THEN_WORDS = new Set('and then na kisha halafu alafu'.split(' '));

/**
 * Where more of what was done begins after the place ("at the stage and took my phone", "pale stage
 * wakachukua simu", "at Kencom, then took him"): its index in `plain`, or the end when there is none.
 * Only at a joining word or after a comma, or at a verb told in one word ("wakachukua"), with an act
 * there: "the Mwiki and Kasarani junction" is not cut.
 */
function moreDone(typed: string[], plain: string[][], from: number): number {
  for (let i = from + 1; i < plain.length; i++) {
    const [w] = plain[i];
    const joined = plain[i].length === 1 && (THEN_WORDS.has(w) || /,$/u.test(typed[i - 1]));
    const verb = plain[i].length === 1 && (doneInOneWord(w) || (/^(wa|a|tu)(li|me|ka)/.test(w) && tellsAnAct(w)));
    if ((joined || verb) && beginsWithAct(plain.slice(i).flat().join(' '))) return i;
  }
  return plain.length;
}

/** What is said of a place, never its name ("eneo ni hatari", "the place was wrong", "mahali ni mbali"). */
const SAID_OF_A_PLACE = new Set('wrong incorrect hatari hatarini dangerous mbali far karibu near salama safe sawa right correct same tofauti different mbaya bad noma poa sahihi accurate crowded noisy quiet siri secret dark giza hapo pale'.split(' '));

/** "Mahali ni Kayole", "the place was Free Area" (`placeRestated`), when what follows reads as a place. */
function placeNamed(input: string, given: string | undefined): { place: string; after?: string; told?: string } | undefined {
  const read = placeRestated(input, given);
  if (!read) return undefined;
  const p = read.place;
  const words = normalise(p).split(' ');
  const known = namesAPlace(p) || namedSpot(p);
  // "Sahihi", "crowded" are said of a place; a name no list knows counts only as typed with a capital ("Free Area").
  if (!known && words.some((w) => SAID_OF_A_PLACE.has(w))) return undefined;
  return known || plainlyPlace(p) || (plausibleName(p) && /^\p{Lu}/u.test(p) && !words.some(everydayWord)) ? read : undefined;
}

/**
 * The new place a correction gives (`placeCorrection`), when the words are a place: no day, act, who
 * they were or phone number; a day said after it (`placeThenDay`) apart; or said instead of the place
 * `given` ("samahani ni Kayole si Umoja": `placeInsteadOf`), or named as the place ("mahali ni Kayole": `placeRestated`). A clause of when after it
 * ("when they came") is dropped, unless it tells what was done or who did it ("when they beat me"):
 * then `told`, the sentence from "I was" on, is for the story. A phone number there: no correction.
 */
export function correctedPlace(input: string, now: Date, given?: string, atReview = false): { place: string; day?: DayRead; told?: string } | undefined {
  // Named as the place ("mahali ni Free Area") only at the review, where it is asked about before it changes anything.
  const read = placeCorrection(input) ?? placeInsteadOf(input, given) ?? (atReview ? placeNamed(input, given) : undefined);
  if (read === undefined || phoneNumberWritten(read.after ?? '')) return undefined;
  const after = normalise(read.after ?? '');
  const told = after && (tellsAnAct(after) || beginsWithAct(after) || tellsWhoTheyWere(after)) ? read.told : undefined;
  const found = placeAndDay(read.place, now);
  return found && { ...found, ...(told ? { told } : {}) };
}
