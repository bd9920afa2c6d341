import { categoryInWords, COUNTIES, incidentTimeFor, isMonthName, matchCounty, parseIncidentDate, splitTime, timeAlone, type CategoryCode, type ElectoralUnits, type WhenChoice } from '../../domain';
import type { Draft } from '../session';
import { formatDay, formatTime } from './format';
import { BARE_NUMBER, normalise, readWord } from './parse';
import { addNewOrTell } from './story';
import { plainlyPlace } from './place-words';
import type { Text } from './types';
import type { Turn } from './turn';

/**
 * A correction typed at the review ("hapana ilikuwa jana", "wrong county, it was Nakuru", "sio
 * Kisumu, ni Siaya"): added to the story, it left the answer wrong and the story saying otherwise.
 * It is read only when every word before the new answer is one of a correction's own (a "wrong",
 * the part's name, the old answer, "it was", "ni"), so "hapana, walirudi jana usiku" (no, they
 * came back last night) is still the story.
 */
export type Correction = { part: 'when' | 'county'; when?: NonNullable<Draft['fix']>['when']; county?: NonNullable<Draft['fix']>['county'] };

/** Words that say an answer is wrong; at least one is needed. */
const WRONG = new Set(
  'hapana hapna la no nope not sio siyo si wrong incorrect mistake makosa kosa nimekosea nilikosea umekosea mmekosea mlikosea imekosewa ilikosewa haiko actually kumbe oops haikuwa haikua wasnt wasn isnt isn'.split(' '),
);
/** Said right before a value, these make it the wrong one ("sio Kisumu", "haikuwa leo", "it wasn't today"), not the right one. */
const NOT = new Set(['sio', 'siyo', 'si', 'not', 'haikuwa', 'haikua', 'wasnt', 'isnt']);
const WHEN_PART = new Set('tarehe date siku day lini when wakati'.split(' '));
const PLACE_PART = 'mahali pahali place location eneo sehemu where wapi'.split(' ');
const COUNTY_PART = new Set(['kaunti', 'county', ...PLACE_PART]);
const FILLER = new Set(
  'ni ilikuwa ilikua ilitokea ilifanyika happened it its s t was is the that this should be ya iko sawa sahihi correct right na and but lakini bali i meant mean namaanisha nilimaanisha to say in at on katika kwa a my yangu hiyo hii ok okay sorry sori pole samahani oh ooh ah aah eh eeh aki ai'.split(
    ' ',
  ),
);
/** Days named as the answer that was wrong ("sio leo, ilikuwa jana"). */
const DAY_WORDS = new Set('leo today jana yesterday juzi sasa now'.split(' '));
const COUNTY_WORDS = new Set(COUNTIES.flatMap((c) => normalise(c.name).split(' ')));

/**
 * A date given as the wrong one ("si 3", "not the 3rd", "not 9th August"): a day of the month or a month's name. A day's
 * number alone ("3") only where a date is named ("tarehe 4 si 3"): elsewhere it may be a count ("sio siku 2, ni siku 3").
 */
const dateWord = (w: string, dated = false) => /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)$/.test(w) || isMonthName(w) || (dated && /^(?:[1-9]|[12]\d|3[01])$/.test(w));

const isPart = (w: string) => WHEN_PART.has(w) || COUNTY_PART.has(w);
/** A word a correction is made of, before its new answer (a date's words: "si tarehe 3, ni tarehe 4"). */
const ofCorrection = (w: string) => WRONG.has(w) || isPart(w) || FILLER.has(w) || DAY_WORDS.has(w) || COUNTY_WORDS.has(w) || dateWord(w);

/**
 * "Nimeandika kaunti vibaya" (I wrote the county wrongly), "nimechagua kaunti vibaya": a verb of
 * giving the answer, by the reporter, makes "vibaya" (wrongly) say the answer is wrong. "Vibaya"
 * alone says how something was done ("walinigusa vibaya", touched me wrongly): the story.
 */
const GAVE_ANSWER = /^(ni|tu)(me|li)(andika|chagua|weka|bonyeza|bofya|gusa|tuma|taja)$/;
const saysWrongly = (words: string[]) => words.includes('vibaya') && words.some((w) => GAVE_ANSWER.test(w));

/** Words that say an answer just given was wrong ("sorry", "pole", "nimekosea", "hapana", "county"): a county named with one corrects the county. */
const CORRECTING = new Set([...WRONG, 'sorry', 'sori', 'pole', 'samahani', 'kaunti', 'county']);

/**
 * "Sorry it was Nyamira", "hapana ni Nyamira county", "nimekosea kaunti" where the place is asked:
 * the county just given, corrected (`county`: the new one, when named); undefined for anything
 * else. A county's name alone stays a place ("Kisumu", as "Mombasa road" is one in Nairobi).
 */
export function countyCorrection(input: string, d: Pick<Draft, 'county' | 'when' | 'incidentAt'>, now: Date, dayFirst = false): Pick<Correction, 'county' | 'when'> | undefined {
  const words = normalise(input).split(' ');
  const correcting = words.some((w) => CORRECTING.has(w)) || saysWrongly(words);
  if (!correcting && !dayFirst) return undefined;
  const c = readCorrection(input, d, now);
  if (c?.part !== 'county') return undefined;
  // `dayFirst` (where the day is asked): a day, then another county's own name ("juzi saa nne usiku Nairobi")
  // corrects it without a "sorry"; a town there ("jana Kayole") is a place, kept in the story.
  // The day may be the one given already (`c.when` is then left out): said, it counts.
  if (!correcting && !(words.some((w) => DAY_BEFORE_COUNTY.has(w)) && c.county && !c.county.town)) return undefined;
  return { ...(c.county ? { county: c.county } : {}), ...(c.when ? { when: c.when } : {}) };
}

/**
 * "Nimekosea mahali", "wrong place": the words name the place, not the county ("nimekosea kaunti"),
 * so where the place was answered already only the place is asked again, the county kept.
 */
function namesPlaceNotCounty(input: string): boolean {
  const words = normalise(pollingPlaceAsPlace(input)).split(' ');
  return words.some((w) => PLACE_PART.includes(w)) && !words.some((w) => w === 'kaunti' || w === 'county');
}

/**
 * The part said wrong with no new answer, asked again: the county's question, or where the county
 * is kept and the words name the place (`namesPlaceNotCounty`) only the place's. The town given for
 * the county may be the part that was wrong: where is asked afresh, within the county.
 */
export function askPartAgain(turn: Turn, d: Draft, input: string, part: Correction['part']): void {
  const placeOnly = part === 'county' && d.county !== undefined && namesPlaceNotCounty(input);
  if (placeOnly) delete d.town;
  turn.go(placeOnly ? 'place' : part);
}

/** Words that say an answer was a mistake and nothing else ("hapana", "no", "sio" begin stories too). */
const MISTAKE = new Set('wrong incorrect mistake makosa kosa nimekosea nilikosea umekosea mmekosea mlikosea imekosewa ilikosewa'.split(' '));
/** Said before the new place ("ni", "it was"); never a place's own lead ("kwa", "at", "in": kept in it). */
const BEFORE_NEW_PLACE = new Set([...FILLER].filter((w) => !['at', 'in', 'on', 'katika', 'kwa', 'a', 'na', 'and', 'but', 'lakini', 'bali', 'to'].includes(w)));

/**
 * "Nimekosea mahali, ni Free Area", "wrong place, it was near the Shell": the place said to be a
 * mistake, and the new one after it, as typed; undefined for anything else. Only a mistake word
 * counts ("hapana, mahali walipompeleka ni mbali" is the story), and the county is not named.
 * "I was at the stage when they came": the place is "the stage", and `after` the clause of when
 * (which may tell what was done); `told` the words after the correction's own ("I was at the stage
 * when they beat me"), for the story when that clause tells an act. The caller checks that the
 * words are a place (no day, act or number).
 */
export function placeCorrection(typedInput: string): { place: string; after?: string; told?: string } | undefined {
  if ([...typedInput].length > 100) return undefined;
  const input = correctionWords(typedInput);
  const typed = input.trim().split(/\s+/);
  const plain = typed.map((w) => normalise(w).split(' ').filter(Boolean));
  const head = (w: string) => MISTAKE.has(w) || PLACE_PART.includes(w) || BEFORE_NEW_PLACE.has(w) || WAS_THERE.has(w) || w === 'vibaya' || GAVE_ANSWER.test(w);
  let k = 0;
  while (k < typed.length && plain[k].every(head)) k++;
  const said = plain.slice(0, k).flat();
  if (!said.some((w) => PLACE_PART.includes(w)) || !(said.some((w) => MISTAKE.has(w)) || saysWrongly(said)) || said.some((w) => w === 'kaunti' || w === 'county')) return undefined;
  // "I was at the stage": the "at" is of "I was", the stage the place.
  if (said.some((w) => WAS_THERE.has(w)) && plain[k]?.length === 1 && (plain[k][0] === 'at' || plain[k][0] === 'in')) k++;
  const end = whenClause(plain, k);
  const rest = plain.slice(k, end).flat();
  if (!rest.length || rest.some((w) => NOT.has(w))) return undefined;
  const place = typed.slice(k, end).join(' ').replace(/^[,.;:\-–—]+\s*/u, '').replace(/[.!,;:]+$/u, '');
  if (!place) return undefined;
  if (end === typed.length) return { place };
  // What the reporter said happened begins after the last word saying the place was wrong ("wrong place, | I was at ...").
  const from = plain.slice(0, k).reduce((last, w, i) => (w.some((x) => MISTAKE.has(x) || PLACE_PART.includes(x) || x === 'vibaya' || GAVE_ANSWER.test(x)) ? i + 1 : last), 0);
  return { place, after: typed.slice(end).join(' '), told: typed.slice(from).join(' ').replace(/^[,.;:\-–—]+\s*/u, '') };
}

/** A sorry or a no said first ("samahani,", "no"), before a new place or the one denied. */
const SORRY_FIRST = String.raw`^\s*(?:(?:samahani|sorry|pole|hapana|no|wait|ngoja|oops)[\s,.!]+)*`;
/** The place given denied first ("sio Umoja ni Kayole", "it wasn't Umoja it was Kayole", "not Umoja, Kayole"): what follows the denial. */
const DENIED_FIRST = new RegExp(String.raw`${SORRY_FIRST}(?:si|sio|siyo|not|haikuwa|haikua|it wasn t|it wasnt|it was not|it is not|it isn t|wasn t|wasnt)\s+(.+?)[\s.!]*$`, 'iu');
/** Said before the new place, after the one denied: "ni", "ilikuwa", "it was", "but". */
const NEW_LEAD = /^(?:(?:ni|ilikuwa|ilikua|it was|it s|its|was|but|bali|ila)\s+)+/iu;

/**
 * "Sio Umoja ni Kayole", "not Naivasha road, Kayole": the place given denied (its beginning, or all of it, in whole
 * words), then after a comma or "ni" / "it was" / "but" the new one. Undefined for anything else: "not the exact date,
 * ...", "sio Kayole tu" (not only Kayole), "it wasn't the first time" deny no place.
 */
function placeAfterDenial(typed: string, given: string): string | undefined {
  const m = DENIED_FIRST.exec(typed);
  if (!m) return undefined;
  const words = m[1].split(/\s+/);
  for (let k = words.length - 1; k >= 1; k--) {
    const rest = words.slice(k).join(' ');
    if (!/[,;:]$/u.test(words[k - 1]) && !NEW_LEAD.test(rest)) continue;
    const old = normalise(words.slice(0, k).join(' '));
    const place = rest.replace(/^[,;:\-–—]+\s*/u, '').replace(NEW_LEAD, '').replace(/[.!,;:]+$/u, '').trim();
    if (old && place && `${normalise(given)} `.startsWith(`${old} `)) return place;
  }
  return undefined;
}

/** Before the new place said instead of the one given: a sorry or a no, then "ni", "ilikuwa", "it was". */
const INSTEAD = new RegExp(String.raw`${SORRY_FIRST}(?:(?:ni|ilikuwa|ilikua|it was|it s|its|was)\s+)(.+?)[\s,]+(?:si|sio|siyo|not)\s+(.+?)[\s.!]*$`, 'iu');

/**
 * "Samahani ni Kayole si Umoja", "sorry it was Free Area not Naivasha road": the new place, then
 * the one given (`given`, or a part of it in whole words) said not to be it. No word for "place"
 * nor a mistake word is there, but the place given named after "si" / "not" says which answer is
 * corrected; it was "could not read that date" and lost. Undefined for anything else.
 */
export function placeInsteadOf(typedInput: string, given: string | undefined): { place: string; after?: string; told?: string } | undefined {
  if (!given || [...typedInput].length > 100) return undefined;
  const typed = typedInput.replace(/[’']/g, ' ');
  const m = INSTEAD.exec(typed);
  if (!m) {
    const place = placeAfterDenial(typed, given);
    return place ? { place } : undefined;
  }
  const old = normalise(m[2]);
  const place = m[1].replace(/[.!,;:]+$/u, '').trim();
  return old && place && ` ${normalise(given)} `.includes(` ${old} `) ? { place } : undefined;
}

/**
 * The place named as the place, at the review ("mahali ni Kayole", "the place was Kayole", "place: Kayole", "change the
 * place to Kayole", "badilisha mahali iwe Kawangware 46", "mahali si Globe, ni Ngara"): the new place, as typed. No
 * mistake word is needed: the review shows the place, so naming another is changing it. Undefined when it is the one given.
 */
const PLACE_NAMED = /^\s*(?:(?:sorry|samahani|pole|hapana|no|actually|kumbe)[\s,.!]+)*(?:(?:the )?(?:place|location|mahali|pahali|eneo)(?:\s+(?:ilikuwa|ilikua|was|is|ni|iwe|should be)\s+|\s+(?=(?:si|sio|siyo|not)\s)|\s*:\s*)|(?:please\s+)?(?:change|badilisha|badili)\s+(?:the\s+)?(?:place|location|mahali|pahali|eneo)(?:\s+(?:to|iwe|kuwa|ikuwe|ni))?\s+)(.+?)[\s.!]*$/iu;
/** "Si Globe, ni Ngara", "not Globe, it was Ngara": the place after the one denied. */
const NOT_THEN = /^(?:si|sio|siyo|not)\s+.+?[,;]?\s+(?:ni|ilikuwa|it was|but|bali|ila)\s+(.+)$/iu;

const PLACE_NAMED_MAX_WORDS = 6;
const CLAUSE = /\b(?:where|which|who|when|that|ambapo|ambako|ambayo|walipo\w*|tulipo\w*|nilipo\w*)\b/;

export function placeRestated(typedInput: string, given: string | undefined): { place: string } | undefined {
  if ([...typedInput].length > 100) return undefined;
  const named = PLACE_NAMED.exec(typedInput)?.[1]?.trim();
  // "Mahali si sawa", "the place is not right": said wrong, with no new place after the denial.
  const denied = named !== undefined && /^(?:si|sio|siyo|not)\s/iu.test(named);
  const place = named && (NOT_THEN.exec(named)?.[1] ?? (denied ? '' : named)).replace(/[.!,;:]+$/u, '').trim();
  // "The place was a bar in Kisumu where they drink": a description, for the story; a place is a few words.
  if (!place || place.split(/\s+/).length > PLACE_NAMED_MAX_WORDS || CLAUSE.test(normalise(place))) return undefined;
  return given !== undefined && normalise(place) === normalise(given) ? undefined : { place };
}

/** Said before the new place: "I was (at)", "we were", "nilikuwa" (I was), as "ni" and "it was" are. */
const WAS_THERE = new Set('we was were nilikuwa nilikua tulikuwa tulikua nikiwa tukiwa'.split(' '));

/** Swahili "when" in a verb: "walipokuja" (when they came), "nilipofika" (when I arrived). */
const WHEN_VERB = /^(ni|tu|u|m|a|wa|i)lipo[a-z]{2,}$/;

/**
 * Where a clause of when begins after the new place ("... the stage when they came", "stage
 * walipokuja"): not the place. Its index in `plain`, or the end when there is none.
 */
export function whenClause(plain: string[][], from: number): number {
  for (let i = from + 1; i < plain.length; i++) {
    const [w] = plain[i];
    if (plain[i].length === 1 && (w === 'when' || w === 'while' || w === 'wakati' || WHEN_VERB.test(w))) return i;
  }
  return plain.length;
}

/**
 * "Mahali pa kupiga kura" (the polling place), "wrong polling station": the place named by what it
 * is for, read as "mahali" (the place), not a new place called "pa kupiga kura".
 */
function pollingPlaceAsPlace(input: string): string {
  return input.replace(/\b(mahali|pahali)\s+pa\s+(kupiga|kupigia)\s+kura\b/giu, '$1').replace(/\bwrong\s+polling\s+(station|place|centre|center)\b/giu, 'wrong place');
}

/** A correction of the date or the county/place, with the new answer when it can be read; undefined when the words are no correction. */
export function readCorrection(typedInput: string, d: Pick<Draft, 'county' | 'when' | 'incidentAt'>, now: Date): Correction | undefined {
  if ([...typedInput].length > 100) return undefined;
  const input = correctionWords(typedInput);
  // Read as typed ("25/11/2026" loses its slashes to `normalise`); each typed word checked in its plain form.
  const typed = input.trim().split(/\s+/);
  const plain = typed.map((w) => normalise(w).split(' ').filter(Boolean));
  const words = plain.flat();
  // "Kaunti ni Kisumu", "ilikuwa Kisumu", "Kisumu" alone: a new answer corrects it too, without a "wrong"
  // (only asked about: nothing changes without a tap).
  const wrongly = saysWrongly(words);
  const wrong = wrongly || words.some((w) => WRONG.has(w));
  const dated = words.includes('tarehe') || words.includes('date');
  const ofIt = (w: string) => ofCorrection(w) || dateWord(w, dated) || (wrongly && (w === 'vibaya' || GAVE_ANSWER.test(w)));
  const named = words.some((w) => WHEN_PART.has(w)) ? 'when' : words.some((w) => COUNTY_PART.has(w)) ? 'county' : undefined;
  // "It was Kisumu not Nakuru": the answer corrected away from comes last; it is no part of the new one.
  const tail = negatedTail(typed, plain, dated);
  const end = afterAnswer(plain, tail ?? typed.length);
  const inTime = timeAfterDay(plain);
  for (let i = 0; i < end && (i === 0 || plain[i - 1].every(ofIt) || inTime.has(i - 1)); i++) {
    if (i > 0 && plain[i - 1].some((w) => NOT.has(w))) continue;
    const value = typed.slice(i, end).join(' ').replace(/[.!,;:]+$/u, '');
    const when = named !== 'county' ? readDay(value, now) : undefined;
    if (when) return sameDay(when, d) ? undefined : { part: 'when', when };
    // A number alone ("1", "ni 12") is a county's code only with the county named ("kaunti 32"): it may be a house, a count, a button's place.
    const county = named !== 'when' && (named === 'county' || !BARE_NUMBER.test(value)) ? readCounty(value) : undefined;
    if (!county) continue;
    if (county.code === d.county && !county.town) return undefined;
    // "Sorry ni juzi Nairobi": the day said before the county is corrected too.
    const day = dayBefore(plain.slice(0, i), typed, now);
    return { part: 'county', county, ...(day && !sameDay(day, d) ? { when: day } : {}) };
  }
  if (!wrong || !words.every(ofIt)) return undefined;
  // No new answer: the part is named, or pointed to by its old answer ("sio leo").
  const part = named ?? (words.some((w) => DAY_WORDS.has(w)) ? 'when' : words.some((w) => COUNTY_WORDS.has(w) && !isPart(w)) ? 'county' : undefined);
  return part ? { part } : undefined;
}

/** A wish to change, or a mistake owned, leading a correction: the same as "wrong". */
const CHANGE_LEAD = /^\s*(?:(?:wait|ngoja|sorry|samahani|oops)[\s,.!]+)*(?:i (?:want|need|would like|d like) to change|let me change|i (?:have )?made a mistake(?: in)?|nataka kubadilisha|naomba kubadilisha)\b[\s,.:;-]*/i;

/**
 * A correction's words as both readings take them (the place's and the county's or the day's): a polling station as a
 * place, and "wait I want to change the county, it was Kiambu", "I made a mistake, the place is ..." read as "wrong ...".
 */
function correctionWords(typedInput: string): string {
  return pollingPlaceAsPlace(typedInput).replace(CHANGE_LEAD, 'wrong ');
}

/**
 * Where a closing "not Nakuru", "si leo", "sio Nakuru county" begins (the old answer, after the
 * new one); undefined when there is none ("kaunti si sawa ni Nyandarua" goes on past its "si").
 */
function negatedTail(typed: string[], plain: string[][], dated: boolean): number | undefined {
  for (let i = typed.length - 2; i >= 1; i--) {
    if (!(plain[i].length === 1 && NOT.has(plain[i][0]))) continue;
    const old = plain.slice(i + 1).flat();
    const named = (w: string) => COUNTY_WORDS.has(w) || DAY_WORDS.has(w) || dateWord(w, dated);
    return old.some(named) && old.every((w) => named(w) || isPart(w) || w === 'the') ? i : undefined;
  }
  return undefined;
}

/** Said after the new answer, none of it ("it was in Nakuru actually", "ilikuwa Nakuru kumbe"). */
const AFTER_ANSWER = new Set('actually kumbe sorry sori samahani pole oops please tafadhali'.split(' '));

/** Where the new answer ends, before `end`: the words said after it (`AFTER_ANSWER`) left out; it was read as "Nakuru actually", no county. */
function afterAnswer(plain: string[][], end: number): number {
  let k = end;
  while (k > 1 && plain[k - 1].length > 0 && plain[k - 1].every((w) => AFTER_ANSWER.has(w))) k--;
  return k;
}

/**
 * Another county's own name, alone or said as the answer ("ilikuwa nrb", "it was in Nairobi"), typed
 * where the place is asked with no word that says the county was wrong: the county it names, to ask
 * whether to change to it (it may yet be a place's name). Undefined for the county chosen, for a
 * town ("Naivasha": a place, whose county no question here doubts), for a day said with it, and for
 * a ward or constituency of the chosen county by that name (`units`: "Nzoia" is a ward in Kakamega, not Trans Nzoia).
 */
export function countyNamedAtPlace(input: string, d: Pick<Draft, 'county' | 'when' | 'incidentAt'>, now: Date, units?: Pick<ElectoralUnits, 'matchConstituency' | 'matchWard'>): number | undefined {
  const c = readCorrection(input, d, now);
  if (c?.part !== 'county' || !c.county || c.county.town || c.when || c.county.code === d.county) return undefined;
  const scope = { countyCode: d.county };
  const inCounty = units && [units.matchConstituency(input, scope), units.matchWard(input, scope)].some((m) => m.kind === 'exact' || m.kind === 'ambiguous');
  return inCounty ? undefined : c.county.code;
}

/** Days that name the right one when said before a county ("ni jana Kisumu"); "sasa" (now, also "so") does not. */
const DAY_BEFORE_COUNTY = new Set('leo today jana yesterday juzi'.split(' '));

/** Most words a time of day after such a day runs to ("saa nne na nusu usiku"). */
const TIME_WORDS_MAX = 8;

/** The end (exclusive) of the time of day said right after the day word at `k` ("juzi | saa nne usiku | Nairobi"), or `k + 1` when none is. */
function timeEnd(words: string[][], k: number): number {
  const day = words[k][0];
  for (let j = Math.min(words.length, k + 1 + TIME_WORDS_MAX); j > k + 1; j--) {
    const s = splitTime(words.slice(k, j).flat().join(' '));
    if (s.time && (s.day === day || s.dayAlone === day)) return j;
  }
  return k + 1;
}

const isDayWord = (w: string[]) => w.length === 1 && DAY_BEFORE_COUNTY.has(w[0]);

/** The words of a time of day said after such a day ("juzi usiku Nairobi", "juzi saa nne usiku Nairobi"): the day's time, not the county's words. */
function timeAfterDay(words: string[][]): Set<number> {
  const inTime = new Set<number>();
  words.forEach((w, k) => {
    if (!isDayWord(w)) return;
    for (let i = k + 1; i < timeEnd(words, k); i++) inTime.add(i);
  });
  return inTime;
}

/** The one day named among the correction's words before the county, not said to be the wrong one ("sio leo"), with its time of day (as typed). */
function dayBefore(words: string[][], typed: string[], now: Date): Correction['when'] {
  const days = words.flatMap((w, k) => (isDayWord(w) && !(k > 0 && words[k - 1].some((x) => NOT.has(x))) ? [k] : []));
  if (new Set(days.map((k) => words[k][0])).size !== 1) return undefined;
  const k = days[days.length - 1];
  // The hour as the reporter typed it ("saa 4:30 usiku"), the day word as read.
  const time = typed.slice(k + 1, timeEnd(words, k)).join(' ').replace(/[.!,;:]+$/u, '');
  return readDay(time ? `${words[k][0]} ${time}` : words[k][0], now);
}

function readDay(value: string, now: Date): Correction['when'] {
  const { day, time, dayAlone } = splitTime(value);
  const word = readWord(day) ?? (dayAlone ? readWord(dayAlone) : undefined);
  const at = (choice: Exclude<WhenChoice, 'date'>) => incidentTimeFor(choice, now).getTime();
  const withTime = (w: NonNullable<Correction['when']>) => (time && w.when !== 'now' ? { ...w, timeOfDay: time } : w);
  if (word === 'now' || word === 'today' || word === 'yesterday') return withTime({ when: word, incidentAt: at(word) });
  if (word === 'dayBefore') return withTime({ when: 'date', incidentAt: at('yesterday') - 24 * 60 * 60 * 1000 });
  if (word) return undefined;
  const parsed = parseIncidentDate(value, now);
  return parsed.ok ? withTime({ when: 'date', incidentAt: parsed.date.getTime() }) : undefined;
}

function readCounty(value: string): Correction['county'] {
  const m = matchCounty(value);
  return m.kind === 'exact' ? { code: m.county.code, ...(m.town ? { town: m.town } : {}) } : undefined;
}

function sameDay(w: NonNullable<Correction['when']>, d: Pick<Draft, 'when' | 'incidentAt'>): boolean {
  return w.when === d.when && (w.when === 'now' || formatDay(w.incidentAt) === formatDay(d.incidentAt ?? 0));
}

/**
 * Words typed at the review that correct the date or the county: asked whether to change it, with
 * the new answer ("Change the county to Nyandarua?"), or taken to that part's question when the
 * new answer cannot be read. Nothing changes without the reporter's tap; the words wait on the
 * draft (`fix`) and go to the story if they are not used for a change. `place`: the new place the
 * words give ("nimekosea mahali, ni Free Area"; `placeCorrection`, checked by the caller), asked
 * about the same way when they correct nothing else. False: no correction.
 */
export function correctAtReview(turn: Turn, d: Draft, input: string, place?: PlaceFix): boolean {
  const category = categoryCorrection(input, d);
  if (category) {
    d.fix = { part: 'category', words: input.trim(), category };
    return said(turn, d, { key: 'review.fix_category', params: { category: { key: `common:categoryButton.${category}` } } });
  }
  // "Si hongo", "not a bribe", no other named: which it was is asked, with the list (as Change -> Type -> category).
  if (categoryDenied(input, d)) {
    d.editing = true;
    turn.go('cat');
    return true;
  }
  const there = countyThenPlace(input, d, turn.now);
  if (there) {
    d.fix = { part: 'county', words: input.trim(), county: { code: there.county }, place: there.place };
    return said(turn, d, { key: 'review.fix_town', params: { town: there.place, county: { countyCode: there.county } } });
  }
  const c = readCorrection(input, d, turn.now) ?? timeCorrection(input, d, turn.now);
  if (!c && place !== undefined) return offerPlace(turn, d, input, place);
  if (!c) return false;
  d.fix = { part: c.part, words: input.trim(), ...(c.when ? { when: c.when } : {}), ...(c.county ? { county: c.county } : {}) };
  if (c.when && c.county) return said(turn, d, { key: 'review.fix_county_when', params: { county: { countyCode: c.county.code }, when: dayText(c.when) } });
  if (c.when) return said(turn, d, whenText(c.when, c.when.timeOfDay));
  if (c.county?.town) return said(turn, d, { key: 'review.fix_town', params: { town: c.county.town, county: { countyCode: c.county.code } } });
  if (c.county) return said(turn, d, { key: 'review.fix_county', params: { county: { countyCode: c.county.code } } });
  // As Change -> When or Change -> Place would: the answer comes back to the review. "Nimekosea
  // mahali" names the place, not the county: only the place is asked again, the county kept.
  d.editing = true;
  askPartAgain(turn, d, input, c.part);
  return true;
}

/** A place after a county corrected, behind a comma: ", pale Free Area", ", kule Githurai 45", ", at the chief's office". */
const PLACE_AFTER = /^(.+?)\s*[,;]\s*((?:pale|hapo|kule|huko|karibu na|at|near|around|next to|in)\s+(.+?))[\s.!]*$/iu;
/** A time or a day is no place: ", in the evening", ", pale saa nne". */
const NOT_A_PLACE = /\b(?:morning|evening|night|afternoon|midnight|dawn|dusk|noon|asubuhi|jioni|usiku|mchana|alfajiri|saa|\d{1,2}\s*[ap]m|yesterday|today|jana|leo|juzi)\b/iu;
const PLACE_AFTER_MAX_WORDS = 8;

/**
 * "Hapana ilikuwa Nakuru sio Nairobi, pale Free Area": the county corrected, then where in it. Both
 * offered in one question (they went to the story, the county left wrong); undefined for anything
 * else, a day said with the county ("sorry ni juzi Kisumu, pale stage") among it.
 */
function countyThenPlace(input: string, d: Draft, now: Date): { county: number; place: string } | undefined {
  const m = PLACE_AFTER.exec(input.trim());
  // Plainly a place, led into ("pale Free Area", "near the Kondele roundabout"): never "at around 8", "in fact I was
  // confused", "pale walinipiga", nor another county's name.
  if (!m || NOT_A_PLACE.test(m[3]) || normalise(m[3]).split(' ').some((w) => dateWord(w)) || m[3].split(/\s+/).length > PLACE_AFTER_MAX_WORDS || !plainlyPlace(m[2].replace(/\s\d+\b/g, '').replace(/['’]s\b/g, '')) || countyNameAlone(m[3])) return undefined;
  const c = readCorrection(m[1], d, now);
  return c?.county && !c.county.town && !c.when ? { county: c.county.code, place: m[3] } : undefined;
}

/** A county's own name, not a town's ("Kericho", not "Kondele"). */
function countyNameAlone(words: string): boolean {
  const m = matchCounty(words);
  return m.kind === 'exact' && m.town === undefined;
}

/** What leads a time corrected ("hapana", "sorry", "ilikuwa", "it was") and what it was not after it ("sio jioni", "not in the evening"). */
const TIME_LEAD = /^(?:(?:hapana|no|sorry|samahani|wait|ngoja)[\s,.!]+)*(?:(?:ilikuwa|it was|it['’]s|ni)\s+)?/i;
const NOT_THAT_TIME = /[\s,]+(?:sio|si|siyo|not)\s+.+$/i;

/**
 * "Ilikuwa saa tatu usiku", "saa tatu usiku sio jioni", "hapana ilikuwa asubuhi" at the review: the day given, with the
 * time typed ("Change the date to yesterday, saa tatu usiku?"). They went to the story only, the review's time unchanged.
 */
function timeCorrection(input: string, d: Draft, now: Date): Correction | undefined {
  if (d.when === undefined || d.when === 'now' || d.incidentAt === undefined) return undefined;
  const typed = input.trim();
  const time = typed.replace(TIME_LEAD, '').replace(NOT_THAT_TIME, '').replace(/[.!]+$/u, '').trim();
  // Said as a correction ("ilikuwa ...", "... sio jioni") or with its hour: "Morning", "usiku" alone greet or say less.
  const corrects = time !== typed.replace(/[.!]+$/u, '').trim() || /\d|\bsaa\b/.test(time);
  const read = time && corrects ? timeAlone(time, now) : undefined;
  if (!read || time === d.timeOfDay) return undefined;
  // "Saa nne usiku" for a report of today, at noon, is still to come: last night, as the date question reads it.
  if (d.when === 'today' && read.day === 'yesterday') return { part: 'when', when: { when: 'yesterday', incidentAt: incidentTimeFor('yesterday', now).getTime(), timeOfDay: time } };
  return { part: 'when', when: { when: d.when, incidentAt: d.incidentAt, timeOfDay: time } };
}

/** A new place read from a correction (`correctedPlace`): with the day said after it, and `told`, what was done there, for the story. */
export type PlaceFix = { place: string; when?: NonNullable<Correction['when']>; told?: string };

/**
 * "Wrong place, I was at the stage jana": the place and the day offered in one question, as the
 * county and the day are ("sorry ni juzi Kisumu"). One question that says all it will change,
 * answered with one tap, is what a frightened reporter follows best: a second question after the
 * Yes would read as if the first had not worked, and one left unanswered would change half of
 * what they said. The day is left out when it is the one given already (nothing to change).
 * What was done there (`told`) goes to the story on Yes; on No all the words do, as for any fix.
 */
function offerPlace(turn: Turn, d: Draft, input: string, fix: PlaceFix): true {
  const when = fix.when && !(sameDay(fix.when, d) && (!fix.when.timeOfDay || fix.when.timeOfDay === d.timeOfDay)) ? fix.when : undefined;
  d.fix = { part: 'place', words: input.trim(), place: fix.place, ...(when ? { when } : {}), ...(fix.told ? { told: fix.told } : {}) };
  if (!when) return said(turn, d, { key: 'review.fix_place', params: { place: fix.place } });
  const params = { place: fix.place, when: dayText(when) };
  return said(turn, d, when.timeOfDay ? { key: 'review.fix_place_when_time', params: { ...params, time: when.timeOfDay } } : { key: 'review.fix_place_when', params });
}

function said(turn: Turn, d: Draft, text: Text): true {
  turn.message([text], { keyboard: { type: 'fix', draftId: d.id } });
  return true;
}

/** "Change the date to yesterday (27/11/2026)?": the day as the review writes it, in the middle of a sentence. */
function whenText(w: NonNullable<Correction['when']>, time: string | undefined): Text {
  const day = dayText(w);
  return time ? { key: 'review.fix_when_time', params: { when: day, time } } : { key: 'review.fix_when', params: { when: day } };
}

/** The day as the review's questions write it: "yesterday (27/11/2026)", or the date. */
function dayText(w: NonNullable<Correction['when']>): Text | string {
  if (w.when === 'now') return { key: 'review.fix_day.now', params: { date: formatDay(w.incidentAt), time: formatTime(w.incidentAt) } };
  return w.when === 'date' ? formatDay(w.incidentAt) : { key: `review.fix_day.${w.when}`, params: { date: formatDay(w.incidentAt) } };
}

/** The question waits for a tap at the review (as against its part's question opened). */
export function fixAsked(d: Draft): boolean {
  // At the place question: "Change the county to Nairobi City?" after another county's name typed there (`countyNamedAtPlace`).
  if (d.step === 'place') return d.fix?.county !== undefined;
  return d.step === 'review' && Boolean(d.fix?.when || d.fix?.county || d.fix?.place || d.fix?.category);
}

/** Saying the answer was not it: "si", "sio", "not", "haikuwa" (it was not), "wasn't". */
const NOT_IT = new Set(['si', 'sio', 'siyo', 'not', 'haikuwa', 'haikua', 'wasn', 'isn']);

/**
 * "Si hongo ni kupigwa", "not a bribe, they beat me", "it was bribery not arrest": the category
 * chosen said not to be it, and another one named: that one (only ever offered for a tap).
 * The old one must be the words said not to be it: "they did not arrest me, they beat me" under a
 * bribe is the story. Undefined for anything else.
 */
export function categoryCorrection(input: string, d: Pick<Draft, 'kind' | 'category'>): CategoryCode | undefined {
  if (!d.kind || !d.category || [...input].length > 100) return undefined;
  const words = normalise(input).split(' ').filter(Boolean);
  const i = words.findIndex((w) => NOT_IT.has(w));
  if (i < 0) return undefined;
  const kind = d.kind;
  const named = (from: number, to: number) => (to > from ? categoryInWords(words.slice(from, to).join(' '), kind) : undefined);
  const other = (code: CategoryCode | undefined) => (code && code !== d.category ? code : undefined);
  // The new one before: "it was bribery not arrest".
  if (named(i + 1, words.length) === d.category && other(named(0, i))) return named(0, i);
  // The new one after: the fewest words said not to be it that name the old one, then the rest.
  for (let k = i + 2; k < words.length; k++) {
    if (named(i + 1, k) !== d.category) continue;
    const after = other(named(k, words.length));
    if (after) return after;
  }
  return undefined;
}

/** Said before "not it": "it was not", "hii si", "hapana, si". */
const BEFORE_NOT = new Set(['it', 'was', 'its', 's', 'that', 'this', 'hii', 'hiyo', 'hapana', 'no', 'ni', 'ilikuwa', 'ilikua']);

/**
 * "Si hongo", "not a bribe", "it was not a bribe": the category chosen said not to be it, and nothing
 * else said (a new one named is `categoryCorrection`'s; "hongo si 500" corrects the sum, for the story).
 */
export function categoryDenied(input: string, d: Pick<Draft, 'kind' | 'category'>): boolean {
  if (!d.kind || !d.category || [...input].length > 40) return false;
  const words = normalise(input).split(' ').filter(Boolean);
  const i = words.findIndex((w) => NOT_IT.has(w));
  if (i < 0 || !words.slice(0, i).every((w) => BEFORE_NOT.has(w))) return false;
  const rest = words.slice(i + 1);
  return rest.length > 0 && rest.length <= 3 && categoryInWords(rest.join(' '), d.kind) === d.category;
}

/** The correction not used for a change: its words go to the story, as any detail typed at the review. */
export function keepFixWords(turn: Turn, d: Draft): void {
  const words = d.fix?.words;
  delete d.fix;
  if (words) addNewOrTell(turn, d, words);
}
