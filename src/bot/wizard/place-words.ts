// Where it happened, read from the text alone (no Turn, no Draft): a place typed with or without
// its lead ('pale Kencom'), a plausible place name, a named spot, a county or town named, a county
// and a place together. Pure readings used by messages.ts.
import { checkText, countyShortForm, countyTownName, daySpelling, LIMITS, matchCounty, parseIncidentDate, splitTime, timeAlone, phoneNumberWritten, townNamed, withoutTownWords, everydayWord, soundOnly, addressWord, feelingWord, rankIn, type County, type CountyMatch, namesAPerson } from '../../domain';
import { BARE_NUMBER, dontKnow, normalise, readWord } from './parse';
import { electoralUnits } from './units';
import { tellsAnAct, doneInOneWord, tellsWhoTheyWere, namesWeaponOrBlow, NO_ACCOUNT_WORDS, NOT_UNDERSTOOD } from './story-words';

/** How someone is ("niko poa", "kidogo tu", "just bruises"): a try at "was anyone hurt?", never more of the story. */
export const HOW_SOMEONE_IS = /\b(poa|sawa|fiti|ok|okay|fine|well|salama|shida|noma|kidogo|sana|\w*umia|\w*umizwa|\w*jeruhiwa|majeraha|jeraha|injur\w*|hurt|bruis\w*|wound\w*|minor|serious\w*|badly)\b/;

/** A town or area named alone ("Kayole", "Roysambu"): a known town that is no greeting ("hola") nor everyday word ("umoja"), or a constituency or ward of one county. */
export function areaNamed(words: string): boolean {
  const town = townNamed(words);
  return town ? !town.greeting && !WORD_TOWNS.has(town.name.toLowerCase()) : countyOfUnit(words) !== undefined;
}

/**
 * A place phrase typed before the place is asked: plainly a place (`placeTypedAlone`), or a name
 * and a place's noun ("Kencom stage", "Central police station", "Moi avenue"); never a county ("Nakuru county")
 * nor place nouns with no name ("police", "police station").
 */
export function placePhraseFirst(input: string): string | undefined {
  const words = normalise(input).split(' ');
  // A name with it: "police", "kituo cha polisi" alone name no place (and "police" there is the kind said again).
  if (countyAlone(input) || words.every((w) => PLACE_NOUNS.has(w))) return undefined;
  const last = words[words.length - 1] ?? '';
  const nounLast = words.length >= 2 && PLACE_NOUNS.has(last) && !NO_SPOT_WORDS.has(last) && plainlyPlace(`at ${input.trim()}`);
  const check = nounLast && !VAGUE_WHEN.test(normalise(input)) ? checkText(input.trim(), LIMITS.placeMaxChars) : undefined;
  return check?.ok ? check.text : placeTypedAlone(input);
}

/** Who, or how they are ("he is", "amelazwa"), care aside. */
const WHO_OR_HOW = 'i|he|she|they|we|it|is|was|were|are|am|has|have|had|did|will|yuko|yupo|niko|ako|wako|alikuwa|nilikuwa|walikuwa|amelazwa';

/** Who, or how they are ("he is in hospital", "amelazwa"): no place is worded so. */
const NO_PLACE_WORDS = new RegExp(String.raw`\b(${WHO_OR_HOW}|hospital|hospitali|clinic|doctor|daktari)\b`);

/** `NO_PLACE_WORDS` without care ("hospital", "doctor"): for a spot named so ("Kenyatta Hospital", "Hospital Hill"), where care is the place's name, not how someone is. */
const NO_PLACE_WORDS_BUT_CARE = new RegExp(String.raw`\b(${WHO_OR_HOW})\b`);

const PLACE_AHEAD_MAX_WORDS = 6;

/** A few words telling no act, no person, no weapon, no state, no answer and no question (`placeAhead`): a place, as typed and checked; undefined for anything else. */
export function fewWordsOfPlace(input: string, maxWords = PLACE_AHEAD_MAX_WORDS, spot = false): string | undefined {
  const words = normalise(input);
  const list = words.split(' ').filter(Boolean);
  // "Mang'u High School" is three words, as typed.
  if (!list.length || wordCount(input) > maxWords || input.trim().endsWith('?') || readWord(list[0]) || dontKnow(input)) return undefined;
  // "Sio Kayole", "not Kisumu": where it was not, no place ("Sio Port", a town of Busia, is one).
  if (NOT_LEAD.test(words) && knownPlace(words.replace(NOT_LEAD, ''))) return undefined;
  if ((spot ? NO_PLACE_WORDS_BUT_CARE : NO_PLACE_WORDS).test(words) || HOW_SOMEONE_IS.test(words) || tellsAnAct(words) || list.some(doneInOneWord) || tellsWhoTheyWere(words) || namesWeaponOrBlow(words) || phoneNumberWritten(input)) return undefined;
  if (list.every((w) => NO_ACCOUNT_WORDS.has(w) || NOT_UNDERSTOOD.has(w))) return undefined;
  const check = checkText(input, LIMITS.placeMaxChars);
  return check.ok ? check.text : undefined;
}

/** Most words of a town's or village's name ("Mai Mahiu", "Port Victoria", "Kambi Moto"). */
export const TOWN_NAME_MAX_WORDS = 4;

/** Titles a person is named by ("Chief Kamau", "Bwana Otieno", "Station Commander Otieno"): who, not where. */
const PERSON_TITLES = 'chief bwana commander mheshimiwa mca mp senator governor'.split(' ');

/** Everyday words typed where the county is asked, that no town or village is called (with `everydayWord`'s). */
const EVERYDAY_WORDS = new Set(
  ('mimi sisi wewe yeye wao subiri ngoja ngojea nyumbani home house shamba kazini kazi work huko kule pale hapo lini kesho bado hakuna ' +
    'nothing none test testing jaribu sijui wait where who here there why sababu ukweli true false samahani pole naomba karibu freshi fresh ' +
    'kwaheri bye goodbye halo hallo nimechoka naogopa haraka other others nyingine nyingi uongo later baadaye siwezi sitaki jina name sure ' +
    'kweli labda pengine maybe hata kidogo hivi unknown anywhere somewhere mahali place area eneo mtaani kijijini village city ' +
    // Where said of no place, people, feelings, what is typed to go on or start again, prayers and insults (a probe of 150 answers, 2026-12-06).
    'everywhere nowhere kwetu kwao kwenu barabarani njiani huku mbali far near kenya mbogi kanjo wasee jamaa ocs ocpd dcio afande ' +
    'sad angry upset hasira uchungu huzuni hofu woga wasiwasi start restart exit anza upya endelea continue mbona nil null lie lies ' +
    'amen ameen inshallah mashallah wallahi haki jesus yesu mungu god lord shenzi mshenzi washenzi mjinga wajinga fala mafala ' +
    'stupid idiot fool nonsense upuzi ujinga fuck fucking shit boda ' +
    // One's own people ("mama yangu", "mwanangu"): who it happened to, no place ("wangu" is a ward of Murang'a).
    'yangu yetu wetu langu letu mwanangu wanangu mwenzangu wenzangu ' +
    // The weather or the dark (when or how it was), and the parties said as who they were.
    'giza mvua jua baridi joto upepo mwanga rain dark darkness azimio jubilee odm uda wiper').split(' ').concat(PERSON_TITLES),
);

/**
 * Words of places said of none: a party or coalition named with them ("Kenya Kwanza": Kwanza is a
 * constituency, "Ford Kenya", "Roots Party"), and "not here" ("sio hapa"; "sio" alone is no such
 * word: Sio Port is a town of Busia).
 */
const NO_PLACE_PHRASES = /^(?:kenya kwanza|ford kenya|narc kenya|azimio la umoja|\p{L}+ party|(?:sio|siyo|si|not) (?:hapa|hapo|pale|huko|kule|here|there)(?: .*)?)$/u;

/** A place noun said with the Swahili "at" ("shuleni", "barabarani", "polisini", "stejini"): where, but no name. */
function atPlaceNoun(w: string): boolean {
  if (!w.endsWith('ni')) return false;
  const stems = [w.slice(0, -2), ...(w.endsWith('ini') ? [w.slice(0, -3)] : [])];
  if (stems.some((s) => PLACE_NOUNS.has(s) || EVERYDAY_WORDS.has(s))) return true;
  const one = singularAt(w);
  return one !== undefined && (EVERYDAY_WORDS.has(one) || atPlaceNoun(one));
}

/** Plural prefixes of place nouns and their singular's: "vijiji" (kijiji), "mitaa" (mtaa), "mashamba" (shamba). */
const PLURAL_PREFIX = /^(vi|mi|ma)(\p{L}{3,}ni)$/u;

const SINGULAR_PREFIX: Record<string, string> = { vi: 'ki', mi: 'm', ma: '' };

/** A plural said with "at" ("vijijini", "mitaani", "mashambani"), as its singular ("kijijini", "mtaani", "shambani"); undefined for any other word. */
function singularAt(w: string): string | undefined {
  const m = PLURAL_PREFIX.exec(w);
  return m ? SINGULAR_PREFIX[m[1]] + m[2] : undefined;
}

/**
 * Words refused alone that are words of real places' names too: "Kenya Re" (an estate), "Soko
 * Mjinga" however typed. "Kenya" beside a word that is neither it nor a place noun is the name
 * ("Kenya Police" is who); an insult only after a place noun ("soko mjinga", never "mjinga sana").
 */
function inPlaceName(list: readonly string[], i: number): boolean {
  const w = list[i];
  if (w === 'kenya') return list.some((o) => o !== w && !PLACE_NOUNS.has(o));
  return w === 'mjinga' && i > 0 && PLACE_NOUNS.has(list[i - 1]);
}

/**
 * Typed unasked at the county question: a name, not a common word ("samahani", "leo", "other"),
 * courtesy, answer, verb ("nimechoka", "walinipiga"), sound ("haha"), whom one addresses ("boss"),
 * a feeling ("scared"), a rank ("Sergeant") or place noun alone ("mjini", "police station", "shuleni").
 */
export function plausibleName(input: string): boolean {
  const list = normalise(input).split(' ').filter(Boolean);
  if (!list.length || everydayWord(list[0]) || (list.length === 1 && rankIn(list[0]) !== undefined) || NO_PLACE_PHRASES.test(list.join(' '))) return false;
  // "Ilikuwa usiku", "ilikuwa mbaya": "it was" before words read as no place is a sentence, not a name ("ilikuwa Ndabibi" is cut).
  if (list.length > 1 && onlyLead(list[0]) && placeWithoutLead(input) === input.trim()) return false;
  // "All Saints": "all" before a capitalised name is the name's ("all over", "all day" are not).
  const allSaints = /^[Aa]ll\s+\p{Lu}\p{Ll}/u.test(input.trim());
  if (list.some((w, i) => (EVERYDAY_WORDS.has(w) && !inPlaceName(list, i)) || (addressWord(w) && !(i === 0 && allSaints)) || feelingWord(w) || COURTESY.has(w) || NO_ACCOUNT_WORDS.has(w) || NOT_UNDERSTOOD.has(w) || readWord(w) !== undefined)) return false;
  return !list.every((w) => PLACE_NOUNS.has(w) || TOWN_ONLY_WORDS.has(w) || CAPITALISED_PLACE_ENDS.has(w) || atPlaceNoun(w)) && !list.some(doneInOneWord);
}

/** Place nouns that name who or what, not where ("Polisi wa Moto", "Matatu ya Kamau"). */
const NOT_WHERE_NOUNS = new Set(['police', 'polisi', 'chief', 'matatu', 'bus']);

/** "Mji wa Huruma": a town's word heads a spot's name as a place noun does; elsewhere it only says the town (`TOWN_ONLY_WORDS`). */
const SPOT_HEADS = new Set(['mji']);

/**
 * A word people are called by ("Mzee") before a place noun, or before names running into one, is
 * the spot's name ("Mzee Stage", "Mzee Kenyatta Avenue"); before a name alone, or a small word, it
 * is a person ("Mzee Kamau", "Mzee Kamau wa Kambi").
 */
function namesTheSpot(kinds: readonly string[], i: number): boolean {
  const next = kinds.slice(i + 1).find((k) => k !== 'name');
  return next === 'noun' || next === 'either';
}

/** "Police", "chief" before a place noun say which building ("Bondeni Police Station", "Chief's Camp"); before a name, who ("Polisi wa Moto"). */
const whereOfWho = (w: string, next: string | undefined) => NOT_WHERE_NOUNS.has(w) && next !== undefined && PLACE_NOUNS.has(next) && !NOT_WHERE_NOUNS.has(next) && !BETWEEN_PLACE_NOUNS.includes(next);

/** Ends of a road's name: a place noun before one, both capitalised, is the name ("Station Road", "Church Road", "Market Street"). */
const WAY_ENDS = new Set('road street avenue highway'.split(' '));

const namesTheWay = (typed: readonly string[], i: number) =>
  i + 1 < typed.length && WAY_ENDS.has(normalise(typed[i + 1])) && [typed[i], typed[i + 1]].every((t) => CAPITALISED.test(t));

/** A capitalised word, apostrophes within it ("Kang'ethe", "Mang’u", "Ng'ang'a"). */
const CAPITALISED = /^\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)*$/u;

/** Whose place ("Mary's", "Ngina’s", "Peter's shop"): the name, and the place it says (`namedSpot`). */
const POSSESSIVE = /^(\p{L}+(?:['’]\p{L}+)*?)['’]s$/u;

/** A saint, in the name of a church, school or hospital ("St Mary's", "St. Joseph", "Saint Teresa"): a place's head, as "mji" is. */
export const SAINT = /^(?:St\.?|Saint)$/u;

/** An apostrophe within a word ("Kang'ethe", "Mary’s"): one word, never split in two. */
const APOSTROPHE_IN_WORD = /(?<=\p{L})['’](?=\p{L})/gu;

const NUMBER_IN_NAME = /^\d{1,3}$/;

const withoutApostrophes = (s: string) => s.replace(APOSTROPHE_IN_WORD, '');

/** The words as typed, an apostrophe within one never splitting it ("Joseph Kang'ethe": two). */
export const wordCount = (s: string) => normalise(withoutApostrophes(s)).split(' ').filter(Boolean).length;

/**
 * "Kambi ya Moto", "Soko Mjinga", "Ndabibi Primary School": a spot no list knows, named by a place
 * noun and a name (capitalised, no everyday word, rank or form of address), with only the small
 * words between them: no act, no person, so a place, not the story. Lower case ("kambi ya moto")
 * cannot be told from a story's words, nor can "Polisi wa Moto" (who, not where): those stay as they were.
 */
export function namedSpot(input: string): boolean {
  const typed = input.trim().split(/\s+/).map((t) => POSSESSIVE.exec(t)?.[1] ?? t);
  if (typed.length < 2 || typed.length > TOWN_NAME_MAX_WORDS) return false;
  const kinds = typed.map((t, i) => {
    const w = normalise(withoutApostrophes(t));
    if (BETWEEN_PLACE_NOUNS.includes(w)) return 'between';
    if (SAINT.test(t)) return 'noun';
    // "Githurai 45 stage", "Section 58": a number after a capitalised name is of the name.
    if (NUMBER_IN_NAME.test(t)) return i > 0 && CAPITALISED.test(typed[i - 1]) ? 'name' : 'other';
    const capitalised = CAPITALISED.test(t);
    if (capitalised && (NAMING_NOUNS.has(w) || (i > 0 && CAPITALISED_PLACE_ENDS.has(w)))) return 'either';
    if ((PLACE_NOUNS.has(w) && !NOT_WHERE_NOUNS.has(w)) || SPOT_HEADS.has(w) || whereOfWho(w, typed[i + 1] && normalise(typed[i + 1]))) return 'noun';
    if (capitalised && addressWord(w)) return 'address';
    const name = capitalised && !everydayWord(w) && !PERSON_TITLES.includes(w) && rankIn(w) === undefined && !doneInOneWord(w);
    return name ? 'name' : 'other';
  });
  // "St Mary's", "Mama Ngina's": the place of the one named last, unsaid.
  if (POSSESSIVE.test(input.trim().split(/\s+/).pop() ?? '')) kinds.push('noun');
  const read = kinds.map((k, i) => (k === 'address' ? (namesTheSpot(kinds, i) ? 'name' : 'other') : k === 'noun' && namesTheWay(typed, i) ? 'name' : k));
  const nounAndName = read.includes('either') || (read.includes('noun') && read.includes('name'));
  return !read.includes('other') && nounAndName && read[0] !== 'between' && read[read.length - 1] !== 'between';
}

/** "Sio", "not" before a place: the place said not to be it. */
export const NOT_LEAD = /^(?:sio|siyo|si|not)(?: (?:in|at|katika|kwa|pale))? (?=\S)/;

/** Thanks and greetings at the review say nothing about what happened; "sawa, pia walichukua simu" does. */
export const COURTESY = new Set('asante ahsante thank thanks you sana very much kwa msaada help habari yako hello hi sawa poa okay ok fine good nzuri mzuri so for the your'.split(' '));

/** The county when there is one only: "yes" cannot say which of two. */
export function soleCounty(counties: readonly number[] | undefined): number | undefined {
  return counties?.length === 1 ? counties[0] : undefined;
}

/** Words that lead into where, at the county question ("at the roadblock", "kwa Mama Ngina", "pale stage", "hapa Ndabibi"). */
export const PLACE_LEAD_WORDS = new Set('at near around outside inside opposite behind along beside in pale hapa hapo huko kule kwa karibu katika kwenye nje mbele ndani next'.split(' '));

/** "Next" leads into where only as "next to" ("next to Kencom"; "next time", "next please" say no place). */
const leadAt = (list: readonly string[]) => PLACE_LEAD_WORDS.has(list[0]) && (list[0] !== 'next' || list[1] === 'to');

/** What follows such a word and is no place: a reason, a way, a state, a time, or only "here"/"there" said again ("kwa sababu", "in pain", "at about", "pale tu", "hapa hapa"). */
export const NO_PLACE_AFTER = /^(kwa (sababu|nini|hivyo|hiyo|bahati|nguvu|kweli|ajili|mfano|sasa|hakika|kawaida|haraka|siri|simu)|in (pain|fear|hiding|danger|trouble|shock|custody|tears)|(at|in|around) (about|around|\d))\b|^(pale|hapa|hapo|huko|kule)( (tu|hapa|hapo|pale|huko|kule|sasa|ndio|ndiyo|hivi))+$/;

export const TIME_WORDS = /\b(morning|evening|afternoon|night|tonight|tonite|2nite|2night|midnight|dawn|noon|asubuhi|jioni|usiku|mchana|alfajiri|saa|am|pm|leo|jana|juzi|today|yesterday|week|wiki|month|mwezi)\b|\d(am|pm|hrs)\b/;

/** What is not part of a town's name ("Githurai 45", "Murang'a"): where its words are split. */
const NOT_NAME_CHARS = /[^\p{L}\p{N}'-]+/u;

/** A town in two counties named by one word or two of a longer answer ("near Githurai 45", "stage ya Rongai"). */
export function townInTwoCounties(input: string): ReturnType<typeof townNamed> {
  const words = input.split(NOT_NAME_CHARS).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    for (const n of [2, 1]) {
      const town = i + n <= words.length ? townNamed(words.slice(i, i + n).join(' ')) : undefined;
      if (town?.also !== undefined) return town;
    }
  }
  return undefined;
}

/** "Near Githurai", "nje kidogo ya Githurai 45": beside the town and nothing more (`besideTown`, for a town no county's name finds). */
export function besideTownOnly(input: string, town: string): boolean {
  const words = normalise(input).replace(BEFORE_PLACE, '').split(' ').filter(Boolean);
  const rest = words.filter((w) => !PLACE_LEAD_WORDS.has(w) && !TOWN_ONLY_WORDS.has(w) && !BESIDE_QUALIFIERS.has(w));
  return words.some((w) => BESIDE_TOWN_WORDS.has(w)) && rest.length > 0 && townNamed(rest.join(' '))?.name === town;
}

/** The small words between place nouns ("ofisi za kaunti ya Nakuru", "gate of the chief's camp"). */
export const BETWEEN_PLACE_NOUNS = 'cha za ya la wa na of the a to by and'.split(' ');

/** Small words among place nouns, and the county's own word: no spot named by them. */
const NO_SPOT_WORDS = new Set(['county', 'kaunti', ...BETWEEN_PLACE_NOUNS]);

/**
 * "At the junction near Nakuru county offices", "karibu na ofisi za kaunti ya Nakuru": plainly a
 * place (`plainlyPlace`) with a spot named in it beside the county's name, so the whole is the
 * place, not the story. "In Nairobi at Kayole", "in Nakuru county" name no spot: the county named.
 */
export function countyLandmark(input: string, county: County): boolean {
  // The county's name is a name however it is typed ("nakuru", "NAKURU").
  const own = new Set(normalise(county.name).split(' '));
  if (!plainlyPlace(input, own)) return false;
  const words = normalise(input).split(' ');
  if (words.some((w) => PLACE_NOUNS.has(w) && !NO_SPOT_WORDS.has(w))) return true;
  // "Near Nakuru county Kaptembwo": near a spot named beside the county's name; the county alone would lose the "near".
  return words.some((w) => BESIDE_TOWN_WORDS.has(w)) && words.some((w) => !own.has(w) && !PLACE_LEAD_WORDS.has(w) && !PLACE_NOUNS.has(w));
}

/** Words beside a town's name that say no more of where in it ("in", "mji wa", "town"). */
const TOWN_ONLY_WORDS = new Set('the of na ya wa la mji town city centre center mjini area'.split(' '));

/** Lead words that put the place beside the town, not in it ("nje ya Naivasha": outside Naivasha). */
const BESIDE_TOWN_WORDS = new Set('near around outside beside behind opposite along karibu nje mbele nyuma'.split(' '));

/**
 * "In Eldoret", "kwenye mji wa Thika": the town and nothing more, so where in it is still to ask.
 * "Nje ya Naivasha", "near Naivasha" say more: not in the town (kept whole as the place, where
 * "Where in Naivasha exactly?" dropped the "outside" and the report said Naivasha town).
 */
export function townAlone(input: string, town: string): boolean {
  const townWords = new Set(normalise(town).split(' '));
  return normalise(input)
    .replace(BEFORE_PLACE, '')
    .split(' ')
    .every((w) => !w || townWords.has(w) || (PLACE_LEAD_WORDS.has(w) && !BESIDE_TOWN_WORDS.has(w)) || TOWN_ONLY_WORDS.has(w));
}

/** How far beside ("nje kidogo ya Naivasha", "just outside Kisumu"): no more of where. */
const BESIDE_QUALIFIERS = new Set('kidogo tu just a bit little slightly right'.split(' '));

/**
 * "Nje ya Naivasha", "near Kisumu town", "karibu na mji wa Nakuru": beside the town (or the county's
 * own town) and nothing more, so where exactly is still to ask, as for a town alone.
 */
export function besideTown(input: string, within: NamedCounty): boolean {
  const words = normalise(input).replace(BEFORE_PLACE, '').split(' ').filter(Boolean);
  const rest = words.filter((w) => !PLACE_LEAD_WORDS.has(w) && !TOWN_ONLY_WORDS.has(w) && !BESIDE_QUALIFIERS.has(w));
  if (!words.some((w) => BESIDE_TOWN_WORDS.has(w)) || !rest.length) return false;
  const m = matchCounty(rest.join(' '));
  return m.kind === 'exact' && m.county.code === within.county.code && m.town === within.town;
}

/** Where, led into ("at the roadblock", "kwa Mama Ngina"; no time, reason or act), as typed and checked; undefined for anything else. */
export function placePhrase(input: string): string | undefined {
  if (input.trim().endsWith('?')) return undefined;
  const words = normalise(input).replace(BEFORE_PLACE, '');
  const list = words.split(' ');
  if (list.length < 2 || !leadAt(list) || NO_PLACE_AFTER.test(words) || TIME_WORDS.test(words) || tellsAnAct(words)) return undefined;
  if (HERE_LEADS.has(list[0]) && !hereNamesPlace(input)) return undefined;
  return checkedPlace(input);
}

/** A place's words as checked for the case file (`checkText`); undefined when they cannot be kept. */
export function checkedPlace(input: string): string | undefined {
  const check = checkText(input, LIMITS.placeMaxChars);
  return check.ok ? check.text : undefined;
}

/**
 * Kinds of place that are where only with a name ("Hospital Hill", "Mama Ngina Drive", "Fort Jesus",
 * "Shamba la Mawe", "Valley Arcade"): alone they name none ("Hill", "the valley"), and capitalised
 * beside another place noun they are the name (`namedSpot`).
 */
const NAMING_NOUNS = new Set('hill drive lane crescent causeway valley park gardens grounds square plaza arcade flats apartments fort court courts mahakama river beach waterfront bustani kilima shamba phase'.split(' '));

/**
 * Words that name a place only capitalised, after its name: an area ("Industrial Area", "Free
 * Area") or a school, as Kenyans name the ones used as polling stations ("Moi Girls", "Dagoretti
 * High", "Moi Forces Academy"). Alone ("area", "Boys") or in small letters ("Peter high") none.
 */
const CAPITALISED_PLACE_ENDS = new Set('area high boys girls academy'.split(' '));

/** "Here", "there": everyday words before anything ("hapo awali", "hapa sijui", "hapo sawa"), a lead into where only before a place. */
const HERE_LEADS = new Set(['hapa', 'hapo']);

/** "Hapa Ndabibi", "hapo stage": after "hapa"/"hapo", a name or a place noun; "earlier", "I don't know", "Kenya" were kept as the place. */
function hereNamesPlace(input: string): boolean {
  const rest = placeWithoutLead(input);
  if (rest === input.trim()) return false;
  return plausibleName(rest) || namedSpot(rest) || normalise(rest).split(' ').some((w) => PLACE_NOUNS.has(w) && !BETWEEN_PLACE_NOUNS.includes(w));
}

/** Things places are named by ("stage", "soko", "junction") and the small words between them: with the words that lead into where, and names, all a plain place is made of. */
export const PLACE_NOUNS = new Set([
  ...NAMING_NOUNS,
  ...'stage stej matatu bus ferry junction roundabout roadblock road street avenue highway bypass barabara njia reli railway bridge daraja market soko sokoni station stesheni kituo police polisi chief camp kambi office offices ofisi kanisa church mosque msikiti shule school primary secondary college chuo hospital hospitali clinic zahanati petrol shell total rubis duka shop supermarket mall hotel hoteli bar baa club estate mtaa plot gate lango stadium uwanja ground field bank benki post posta hall ukumbi county kaunti assembly tallying centre center polling booth'.split(' '),
  ...BETWEEN_PLACE_NOUNS,
]);

/**
 * A phrase led into where ("near the bus stage opposite the chief camp", "karibu na stage ya matatu
 * mbele ya kanisa la Kilimani"), made only of lead words, place nouns and names (capitalised, in a
 * message neither in capitals nor With Every Word So; `names` however typed): plainly a place, however long. Anything else,
 * a verb above all ("near my house the police were waiting"), may be the story and stays so.
 */
export function plainlyPlace(input: string, names: ReadonlySet<string> = new Set()): boolean {
  if (placePhrase(input) === undefined) return false;
  const typedWords = input.trim().split(/\s+/);
  const noNames = input === input.toUpperCase() || typedWords.every((w) => /^\p{Lu}/u.test(w));
  return typedWords.every((typed) => {
    const words = normalise(typed).split(' ').filter(Boolean);
    return words.every((w) => PLACE_LEAD_WORDS.has(w) || PLACE_NOUNS.has(w) || names.has(w)) || (!noNames && /^\p{Lu}/u.test(typed));
  });
}

/**
 * A constituency or ward typed at the county question, by its exact name: its county, when every
 * unit of that name lies in one (ward names such as "Township" repeat across counties: no guess).
 */
export function countyOfUnit(input: string): { area: string; county: number } | undefined {
  if ([...input].length > 40) return undefined;
  const units = electoralUnits();
  const unitsNamed = (words: string) => [units.matchConstituency(words), units.matchWard(words)].flatMap((m) => (m.kind === 'exact' ? [m.unit] : m.kind === 'ambiguous' ? m.units : []));
  // "Kangundo town", "mji wa Kangundo": Kangundo, once no unit is named so whole ("Machakos Town").
  const bare = withoutTownWords(input);
  let found = unitsNamed(input);
  if (!found.length && bare && bare !== input.trim()) found = unitsNamed(bare);
  const counties = new Set(found.map((u) => u.countyCode));
  return counties.size === 1 ? { area: found[0].name, county: found[0].countyCode } : undefined;
}

/** Longer than any county's or town's name (Elgeyo-Marakwet is 15). */
export const COUNTY_NAME_MAX_CHARS = 40;

/** Towns named by an everyday word: "wote" (all of us) or "mwingi" (much) at "was anyone hurt?", or as the rest of a story, is no place. */
const WORD_TOWNS = new Set(['wote', 'mwingi', 'umoja', 'manyatta']);

/**
 * A county (or a town's) typed alone where another answer is asked, unless the town is an everyday
 * word (`WORD_TOWNS`). Never a bare number: "1" at the kind question was kept as Mombasa.
 */
export function countyAlone(input: string): Extract<CountyMatch, { kind: 'exact' }> | undefined {
  if (BARE_NUMBER.test(input)) return undefined;
  const m = matchCounty(input);
  return m.kind === 'exact' && !(m.town && WORD_TOWNS.has(m.town.toLowerCase())) ? m : undefined;
}

/** What may stand between the county and the place: a comma, semicolon, colon, new line, hyphen or dash. */
const COUNTY_PLACE_SEPARATOR = /\s*[,;:\n\-–—]+\s*/gu;

/**
 * The county and the place of "Nairobi, Kayole" or "Nairobi - Kayole": the longest beginning
 * before a separator that is exactly a county (or a town), so a county's own hyphen stays in it
 * ("Tharaka-Nithi - Chuka"); undefined when none is.
 */
export function countyAndPlace(s: string): { county: Extract<CountyMatch, { kind: 'exact' }>; place: string } | undefined {
  let found: ReturnType<typeof countyAndPlace>;
  for (const sep of s.matchAll(COUNTY_PLACE_SEPARATOR)) {
    // No county or town name is this long: a long answer is not read name by name (spelling distance costs).
    if (sep.index > COUNTY_NAME_MAX_CHARS) break;
    const place = s.slice(sep.index + sep[0].length);
    const county = sep.index > 0 && place ? matchCounty(s.slice(0, sep.index)) : undefined;
    if (county?.kind === 'exact') found = { county, place };
  }
  return found;
}

/**
 * "nrb kayole", "Kisumu Kondele stage": a county's name or short form, a space, and a town or
 * area of that same county (src/domain/towns.ts, or a constituency or ward), so both say one
 * place. Anything else after the name is no place for sure ("Mombasa road" is in Nairobi): the
 * county is then offered as before.
 */
export function countyThenKnownPlace(s: string): ReturnType<typeof countyAndPlace> {
  let found: ReturnType<typeof countyAndPlace>;
  for (const sp of s.matchAll(/\s+/gu)) {
    if (sp.index > COUNTY_NAME_MAX_CHARS) break;
    const place = s.slice(sp.index + sp[0].length);
    const county = sp.index > 0 && place ? matchCounty(s.slice(0, sp.index)) : undefined;
    if (county?.kind === 'exact' && !county.town && placeIn(place, county.county.code)) found = { county, place };
  }
  return found;
}

/** The place begins with a town, area, constituency or ward lying in the county (one word or two). */
function placeIn(place: string, county: number): boolean {
  const words = place.split(/\s+/);
  // "Nairobi cbd near archives": every county's town has its CBD.
  if (normalise(words[0]) === 'cbd') return true;
  const units = electoralUnits();
  return [2, 1].some((n) => {
    if (words.length < n) return false;
    const name = words.slice(0, n).join(' ');
    const town = townNamed(name);
    if (town && (town.county === county || town.also === county)) return true;
    const found = [units.matchConstituency(name), units.matchWard(name)].flatMap((m) => (m.kind === 'exact' ? [m.unit] : m.kind === 'ambiguous' ? m.units : []));
    return found.length > 0 && found.every((u) => u.countyCode === county);
  });
}

/** A day ("jana", "tarehe 9/8"), a sound ("hmm") or no words at all ("📍") where the place was asked: no place. */
export function notAPlace(input: string, now: Date): boolean {
  if (!input.trim()) return false; // said to be empty, as such
  return !/\p{L}/u.test(input) || soundOnly(input) || dayWithItsHour(input, now) || timeAlone(input, now) !== undefined;
}

const DAY_WORDS: ReadonlySet<string> = new Set(['now', 'today', 'yesterday', 'dayBefore']);
/**
 * A day, said with or without its hour ("jana", "juzi saa nne usiku", "yesterday around 8pm", "12/8 saa tatu"): "juzi
 * saa nne" was kept as the place, and "usiku" alone after it as yesterday.
 */
function dayWithItsHour(input: string, now: Date): boolean {
  const { day, dayAlone } = splitTime(daySpelling(input));
  return [input, day, dayAlone].some((words) => words !== undefined && (DAY_WORDS.has(readWord(words) ?? '') || parseIncidentDate(words, now).ok));
}

/** A sorry before the place ("sorry nimekosea,", "samahani"), and what may follow it ("ni", "it was", "I meant"). */
const SORRY_RUN = /^(?:(?:sorry|sori|samahani|pole|nimekosea|nilikosea|my bad|oops)(?:\s+sana)?(?:\s*[,.!:;-]+\s*|\s+))+/iu;

const MEANT_LEAD = /^(?:(?:ni|ilikuwa|ilikua|it was|it s|its|was)\s+|(?:i meant|i mean|nilimaanisha|namaanisha)[\s,:]+)/iu;

const I_MEANT = /^(?:i meant|i mean|nilimaanisha|namaanisha)\b/iu;

/** "Pole" alone, unmarked, may be a pole ("pole ya stima"): a sorry only with a mark after it or "ni"/"it was". */
const POLE_ONLY = /^(?:pole\s+)+$/iu;

/** Apostrophes, read as spaces ("my bad", "it's"). */
const APOSTROPHES = /[’']/g;

/**
 * A sorry and nothing after it ("sorry", "samahani sana", "pole,", "sorry nimekosea", "my bad"): no
 * place nor any answer; "pole" alone too, as no place is called so ("pole ya stima" says more).
 */
export function sorryOnly(input: string): boolean {
  const typed = `${input.trim().replace(APOSTROPHES, ' ')} `;
  return typed.trim() !== '' && SORRY_RUN.exec(typed)?.[0].length === typed.length;
}

/**
 * "Sorry nimekosea, ilikuwa Githurai", "samahani ni Kayole", "I meant Kibera": the words after the
 * sorry or "I meant", for the place question to read as if typed alone; undefined when there is no
 * such lead or nothing after it.
 */
export function placeMeant(input: string): string | undefined {
  const typed = input.trim().replace(/[’']/g, ' ');
  const sorry = SORRY_RUN.exec(typed)?.[0] ?? '';
  const lead = MEANT_LEAD.exec(typed.slice(sorry.length))?.[0] ?? '';
  if (sorry ? POLE_ONLY.test(sorry) && !lead : !I_MEANT.test(lead)) return undefined;
  // Read with the apostrophes as spaces ("it's"), the place kept as written ("Kang'undo"): the same length either way.
  const rest = input.trim().slice(sorry.length + lead.length).replace(/[.!,;:]+$/u, '').trim();
  return rest || undefined;
}

/**
 * The place in an answer to "Where in <county>?": without the words that lead into it
 * (`placeWithoutLead`), and a county's short form read as the county question reads it ("nrb" is
 * Nairobi City): the county's town, "Nairobi", never a place called "nrb" (kept after No to
 * "Change the county to Nairobi City?", or in Nairobi City itself).
 */
export function placeInWords(input: string): string {
  const place = placeWithoutLead(input);
  const county = countyShortForm(place);
  return county ? countyTownName(county) : place;
}

/** Where, after what was done, the word itself no part of the place: "at X", "in X", "on X", "pale X", "hapo X", "hapa X", "katika X", "kwenye X"; "kwa X" apart (`KWA`). */
export const WHERE_AFTER_ACT = new Set(['at', 'in', 'on', 'pale', 'hapo', 'hapa', 'katika', 'kwenye']);

/** Most words the lead into a place runs to ("it was in", "tulikuwa pale"). */
const LEAD_MAX_WORDS = 3;

/** Words that only lead into where: "it was", "ilikuwa", "ni", "ndio" (`BEFORE_PLACE`), then "at", "pale", "hapa" (`WHERE_AFTER_ACT`), or either alone. */
export function onlyLead(words: string): boolean {
  // A word put after them, since `BEFORE_PLACE` reads a lead only before more words.
  const after = `${words} .`.replace(BEFORE_PLACE, '');
  const rest = after.slice(0, -1).trim();
  return rest ? WHERE_AFTER_ACT.has(rest) : after !== `${words} .`;
}

/** A town or a county named by the words as a whole, however typed: "thika", "Githurai 45", "nrb". */
const knownPlace = (words: string) => townNamed(words) !== undefined || matchCounty(words).kind === 'exact';

/**
 * The place in an answer to "Where in <county>?" said in a sentence ("ni Thika", "it was in
 * Thika", "ilikuwa pale Kencom", "hapa Githurai"): the words after the lead, as typed, when they
 * are a place (a known name however typed, or names and place nouns: `plainlyPlace`). Otherwise,
 * and for a lead alone ("ni", "ilikuwa pale"), a question or a whole known name, the answer as
 * typed. Kept whole, the case file read "ni Thika", and the county checks missed Thika in it.
 * No town, ward or constituency name begins with a lead word (test/unit/bot/wizard-place-lead.test.ts
 * checks them all); the units are not searched here, as a ward's fuzzy match costs milliseconds.
 */
export function placeWithoutLead(input: string): string {
  const typed = input.trim().split(/\s+/);
  // "Ni Thika?" asks; a name that is a place as a whole is never cut.
  if (input.trim().endsWith('?') || knownPlace(input)) return input.trim();
  for (let k = Math.min(typed.length - 1, LEAD_MAX_WORDS); k >= 1; k--) {
    if (!onlyLead(normalise(typed.slice(0, k).join(' ')))) continue;
    const rest = typed.slice(k).join(' ');
    const names = new Set(normalise(rest).split(' ').filter(knownPlace));
    const place = !onlyLead(normalise(rest)) && /\p{L}/u.test(rest) && (knownPlace(rest) || plainlyPlace(`at ${rest}`, names));
    return place ? rest : input.trim();
  }
  return input.trim();
}

/** Place nouns that also say who did it ("police officers beat us"). */
export const WHO_NOUNS = new Set(['police', 'polisi']);

/** Place nouns that name a spot ("stage", "road", "station"); not "police" (who) nor the small words between. */
const SPOT_NOUNS = new Set([...PLACE_NOUNS].filter((w) => !BETWEEN_PLACE_NOUNS.includes(w) && !WHO_NOUNS.has(w) && w !== 'county' && w !== 'kaunti'));

/** A spot's name, and nothing else: "Thika road", "stage ya Githurai", "the stage" (begun by a spot noun or a name, holding a spot noun). */
export function spotNamed(words: string): boolean {
  const list = normalise(words).split(' ').filter(Boolean);
  const first = list[0] === 'the' ? list[1] : list[0];
  const lead = words.trim().split(/\s+/)[list[0] === 'the' ? 1 : 0] ?? '';
  return list.some((w) => SPOT_NOUNS.has(w)) && first !== undefined && (SPOT_NOUNS.has(first) || /^\p{Lu}/u.test(lead)) && plainlyPlace(`at ${words}`);
}

/** A county named in an answer, and the town that named it, if a town did ("at Thika"). */
export type NamedCounty = { county: County; town?: string };

/** A county named by one word or two of a longer answer ("I am in Nairobi", "Niko Taita Taveta sasa", "kwenye barabara ya Thika"). */
export function countyNamedIn(input: string): NamedCounty | undefined {
  const words = input.split(/[^\p{L}'-]+/u).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    for (const n of [2, 1]) {
      const m = i + n <= words.length ? matchCounty(words.slice(i, i + n).join(' ')) : undefined;
      if (m?.kind === 'exact') return { county: m.county, ...(m.town ? { town: m.town } : {}) };
    }
  }
  return undefined;
}

/** A town or area of this county named by one word or two of a longer answer ("in Nairobi at Kayole"). */
export function townWithin(input: string, county: number): string | undefined {
  const words = input.split(/[^\p{L}'-]+/u).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    for (const n of [2, 1]) {
      const town = i + n <= words.length ? townNamed(words.slice(i, i + n).join(' ')) : undefined;
      if (town && !town.greeting && town.county === county && town.also === undefined) return town.name;
    }
  }
  return undefined;
}

/** A county's name is one word or two ("Nakuru", "Homa Bay", "Taita Taveta"). */
const COUNTY_NAME_MAX_WORDS = 2;

/** A comma or dash left after the estate ("Pipeline, Nakuru"). */
const TRAILING_SEPARATOR = /[,;:\-–—]+$/u;

/**
 * "Pipeline Nakuru", "Kaloleni Kisumu", "Manyatta Kisumu": an estate or area of the county, then
 * the county's own name. The estate, as typed, for where in the county to be asked within it, as a
 * known town is ("Kayole Nairobi"): a known town of that county (one of two counties, "Manyatta"),
 * or a name no list knows that reads as a place's (`plausibleName`, no person); undefined for
 * anything else ("walinipiga Nakuru", "Chief Nakuru"), a town of another county, or a county named
 * by a town. Only the county was kept, and "Pipeline" was lost.
 */
export function estateBeforeCounty(input: string, county: number): string | undefined {
  const typed = input.trim().split(/\s+/);
  for (let n = COUNTY_NAME_MAX_WORDS; n >= 1; n--) {
    if (typed.length <= n || typed.length - n > TOWN_NAME_MAX_WORDS) continue;
    const m = matchCounty(typed.slice(-n).join(' '));
    if (m.kind !== 'exact' || m.town || m.county.code !== county) continue;
    return estateBefore(typed, n, county);
  }
  return undefined;
}

/** The estate before the county's name in its last `n` words, as `estateIn` reads it; none when too many words come before. */
function estateBefore(typed: readonly string[], n: number, county: number): string | undefined {
  return typed.length - n > TOWN_NAME_MAX_WORDS ? undefined : estateIn(typed.slice(0, -n).join(' ').replace(TRAILING_SEPARATOR, ''), county);
}

/** An estate of the county, as typed: a known town of it (or of it and another), or a name no list knows that reads as a place's, no person. */
function estateIn(estate: string, county: number): string | undefined {
  const town = townNamed(estate);
  const fits = town ? !town.greeting && [town.county, town.also].includes(county) : matchCounty(estate).kind === 'none' && plausibleName(estate) && !namesAPerson(estate);
  return fits ? checkedPlace(estate) : undefined;
}

const LETTER = /\p{L}/u;

/**
 * "Kayole Nairobi", "Pipeline, Nakuru", "Kitengela Kajiado": the county named last by its own name
 * (never a town's, never its number: "Section 9", "Phase 2") and the estate before it
 * (`estateBeforeCounty`); undefined for anything else.
 */
export function estateAndCounty(input: string): { county: County; estate: string } | undefined {
  const typed = input.trim().split(/\s+/);
  for (let n = COUNTY_NAME_MAX_WORDS; n >= 1; n--) {
    const named = typed.slice(-n).join(' ');
    const m = typed.length > n && LETTER.test(named) ? matchCounty(named) : undefined;
    if (m?.kind !== 'exact' || m.town) continue;
    const estate = estateBefore(typed, n, m.county.code);
    return estate !== undefined ? { county: m.county, estate } : undefined;
  }
  return undefined;
}

/** A place beginning with the CBD, which every county's town has ("cbd", "CBD near archives", "nrb cbd"): the county's town, not an estate. */
const CBD_FIRST = /^cbd\b/;

/**
 * The county first by its own name or short form, then a place (`countyAndPlace`, `countyThenKnownPlace`): "Kisumu, Kondele",
 * "nrb kayole"; undefined for a county named by a town ("Thika, Kiandutu") or the county's CBD ("nrb cbd", "Nairobi CBD").
 */
export function countyByNameThenPlace(input: string): ReturnType<typeof countyAndPlace> {
  const typed = input.trim();
  const parts = countyAndPlace(typed) ?? countyThenKnownPlace(typed);
  return parts && parts.county.town === undefined && !CBD_FIRST.test(normalise(parts.place)) ? parts : undefined;
}

/**
 * "Nairobi, Kayole", "nrb kayole", "Kisumu Kondele": the county first by its own name or short form (`countyAndPlace`,
 * `countyThenKnownPlace`), then an estate of it (`estateIn`), as `estateAndCounty` reads "Kayole Nairobi"; undefined for
 * anything else ("Nairobi, near the stage", "Mombasa road", "Thika, Kiandutu", "nrb cbd", read as they were).
 */
function countyThenEstate(input: string): { county: County; estate: string } | undefined {
  const parts = countyByNameThenPlace(input);
  if (!parts || wordCount(parts.place) > TOWN_NAME_MAX_WORDS) return undefined;
  const estate = estateIn(parts.place.replace(TRAILING_SEPARATOR, ''), parts.county.county.code);
  return estate !== undefined ? { county: parts.county.county, estate } : undefined;
}

/** An estate with its county, either way round: "Kayole Nairobi" (`estateAndCounty`) or "Nairobi, Kayole" (`countyThenEstate`). */
export function estateWithCounty(input: string): { county: County; estate: string } | undefined {
  return estateAndCounty(input) ?? countyThenEstate(input);
}

/** "Last week", "mwezi uliopita", "the other day", "two weeks ago": a time, not a day; the day is asked for. */
export const VAGUE_WHEN = /^(last|this|wiki|mwezi|week|month|juma|mwaka|year|majuzi|juzi juzi|hivi karibuni|karibuni|recently|siku|(the )?other day|a few days|few days|(\d|two|three|four|a couple of|couple of) weeks?|the week before last)\b/;

/**
 * Words that are plainly a place and nothing else: led into ("at Globe roundabout"), or beginning
 * with a place's noun or a known town and a place's noun ("stage ya Kitengela", "Kitengela stage"), then only place
 * nouns and names (`plainlyPlace`); no day, time, act or question. Undefined for anything else.
 */
export function placeTypedAlone(input: string): string | undefined {
  const typed = input.trim();
  const first = normalise(typed).split(' ')[0] ?? '';
  const words = normalise(typed).split(' ');
  const nounFirst = PLACE_NOUNS.has(first) && !BETWEEN_PLACE_NOUNS.includes(first);
  // A town's name alone ("Naivasha") may be the place given, said again, or a day misread: not taken.
  const spot = words.some((w) => PLACE_NOUNS.has(w) && !BETWEEN_PLACE_NOUNS.includes(w));
  const plain = PLACE_LEAD_WORDS.has(first) ? plainlyPlace(typed) : (nounFirst || (namesAPlace(typed) && spot)) && plainlyPlace(`at ${typed}`);
  if (!plain || VAGUE_WHEN.test(normalise(typed)) || dontKnow(typed)) return undefined;
  const check = checkText(typed, LIMITS.placeMaxChars);
  return check.ok ? check.text : undefined;
}

/** Words that lead into where ("at", "pale", "huko", "karibu na"). */
export const PLACE_LEADS = new Set('at in near around by outside inside opposite behind along pale hapo huko kule kwa karibu katika nje mbele ndani'.split(' '));

/** "It was", "ilikuwa", "tulikuwa", "ndio" before where: "ilikuwa pale stage" names a place as "pale stage" does. */
export const BEFORE_PLACE = /^(?:(?:it|this|that|we|i) (?:was|were|happened)|was|were|happened|ilikuwa|ilikua|ilitokea|ilifanyika|tulikuwa|tulikua|nilikuwa|nilikua|nikiwa|tukiwa|ni|iko|ikiwa|ndio|ndiyo) (?=\S)/;

/** Words that say where: led by "at", "pale", "huko"..., or beginning with a town, area or county ("Kayole", "Kondele stage"). */
export function namesAPlace(words: string): boolean {
  const list = normalise(words).replace(BEFORE_PLACE, '').split(' ');
  if (PLACE_LEADS.has(list[0]) && list.length > 1) return true;
  return [2, 1].some((n) => list.length >= n && (townNamed(list.slice(0, n).join(' ')) !== undefined || matchCounty(list.slice(0, n).join(' ')).kind === 'exact'));
}
