import { FIRST_NAMES } from './first-names';

/**
 * A reporter introducing themselves in their story ("jina langu ni Achieng", "naitwa Wafula",
 * "I'm Njeri"): sent anonymously, staff would still read the name there.
 */

/** Words that say, a name does: after these, a name in lower case is still a name ("my name is john"). */
const SAYS_NAME = String.raw`jina\s+langu\s+ni|majina\s+yangu\s+ni|my\s+name\s+is|my\s+names\s+are`;

/** Words after which a name follows as often as anything else ("mimi ni mwalimu", "I am scared"): only a capital makes it a name. */
const MAY_NAME = String.raw`mimi\s+naitwa|ninaitwa|naitwa|mimi\s+ni|i\s+am|i['’]m|im`;

const WORD = String.raw`[\p{L}\p{M}][\p{L}\p{M}'’-]*`;

const INTRO = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:(${SAYS_NAME})|(?:${MAY_NAME}))[ \\t]+(${WORD}(?:[ \\t]+${WORD}){0,2})`, 'giu');

/**
 * Words that are no name, capitalised or not: what people are ("mwalimu", "Kenyan"), titles
 * ("Mama yake"), how they feel or where they are ("scared", "at"), and a name kept back ("siri").
 */
const NOT_NAMES = new Set([
  // English
  'a', 'an', 'the', 'at', 'in', 'on', 'from', 'with', 'here', 'there', 'not', 'so', 'very', 'just', 'also', 'still', 'now', 'being', 'going', 'writing',
  'reporting', 'calling', 'sorry', 'fine', 'ok', 'okay', 'sure', 'safe', 'scared', 'afraid', 'worried', 'hiding', 'injured', 'hurt', 'alone', 'home', 'back',
  'and', 'but', 'witness', 'victim', 'kenyan', 'christian', 'muslim', 'teacher', 'student', 'voter', 'agent', 'clerk', 'officer', 'police', 'nurse', 'driver',
  'rider', 'boda', 'farmer', 'trader', 'mother', 'father', 'withheld', 'anonymous', 'unknown', 'confidential', 'secret', 'catholic',
  'presiding', 'returning', 'citizen', 'member', 'resident', 'tired', 'sick', 'ill', 'happy', 'sad', 'angry', 'pregnant', 'disabled', 'old', 'young',
  'new', 'ready', 'innocent', 'poor', 'unemployed', 'jobless', 'married', 'single', 'helpless', 'desperate', 'lost', 'stranded', 'traumatised', 'traumatized', 'only',
  // Communities, said as who one is ("I am Kikuyu", "mimi ni Mjaluo"): no one's name
  'kikuyu', 'luo', 'luhya', 'kalenjin', 'kamba', 'kisii', 'meru', 'maasai', 'masai', 'somali', 'mijikenda', 'turkana', 'embu', 'kuria', 'teso', 'pokot',
  'mkikuyu', 'mjaluo', 'mluhya', 'mkalenjin', 'mkamba', 'mkisii', 'mmeru', 'mmaasai', 'msomali', 'mkatoliki',
  // Swahili
  'na', 'ni', 'wa', 'kwa', 'katika', 'hapa', 'pale', 'sasa', 'bado', 'pia', 'tu', 'siri', 'mkenya', 'mkristo', 'mwislamu', 'mwanafunzi', 'mwalimu', 'mlinzi',
  'dereva', 'mkulima', 'mfanyabiashara', 'mwanamke', 'mwanaume', 'kijana', 'shahidi', 'mpiga', 'wakala', 'ajenti', 'askari', 'polisi', 'mgonjwa', 'mjane',
  'mwanachama', 'mwananchi', 'raia', 'mmoja', 'yule', 'huyo', 'mwenyewe', 'mzazi', 'mkazi', 'mfanyakazi', 'mama', 'baba', 'mzee', 'dada', 'kaka', 'shosh', 'cucu', 'guka',
  'mtu', 'mwenye', 'mwathiriwa', 'muathiriwa', 'mhudumu', 'mfuasi', 'mwanamume', 'msichana', 'mvulana', 'mjamzito',
  // Titles, in either
  'madam', 'pastor', 'bishop', 'sister', 'brother', 'uncle', 'auntie', 'aunty', 'mr', 'mrs', 'miss', 'mister', 'doctor', 'daktari', 'chief', 'bro', 'sis',
]);

/** Bodies, parties and services said as who one is ("I am IEBC clerk", "MIMI NI ODM"): written in capitals, never a name. */
const ACRONYMS = new Set(
  'iebc uda odm kdf gsu nps dci ocs ocpd kps mca mp kanu anc ford narc ipoa odpp ncic eacc knchr kra ntsa kws kfs jubilee azimio wiper dap nasa kenya'.split(' '),
);

/**
 * Common Kenyan names that end as an English past participle does ("MOHAMED", "ALFRED"): in
 * capitals they are names all the same, where "SCARED" or "ARRESTED" is how someone is.
 */
const NAMES_IN_ED = new Set(
  ('mohamed mohammed muhammed muhamed mohamedi ahmed ahamed hamed hameed saeed sayed rashed rasheed majeed waleed khaled abed ' +
    'javed naveed fred alfred wilfred winfred winifred manfred jared ted ned').split(' '),
);

const CURLY_APOSTROPHE = /’/g;
/** The "'s" of whose: "Peter's" is Peter's. */
const POSSESSIVE_END = /['’]s$/u;

/** A common Kenyan first name ("Mohamed", "Alfred", "Brian", "Otieno"; src/domain/first-names.ts): a person, never a place. */
export function knownFirstName(word: string): boolean {
  // "Kang’ethe" typed with a curly apostrophe is "Kang'ethe".
  const lower = word.toLowerCase().replace(CURLY_APOSTROPHE, "'");
  return NAMES_IN_ED.has(lower) || FIRST_NAMES.has(lower);
}

/** Titles and words a person is called by, before their name ("Pastor John", "Mama Njeri", "Dr. Wanjiku"), in either language. */
const TITLES = new Set(
  ('pastor mchungaji sheikh shehe imam ustadh bishop askofu reverend rev father fr padre mwalimu teacher dr doctor daktari prof professor ' +
    'mr mrs ms madam mama baba').split(' '),
);

/** What is not part of a name ("Dr. Wanjiku", "O'Brien"): where its words are split. */
const NOT_NAME_LETTERS = /[^\p{L}'’]+/u;

/** Places named with a title that everyone knows: "Mama Lucy" (Kibaki Hospital), "Mama Ngina" (Drive), "Baba Dogo" (a Nairobi ward). */
const TITLED_PLACES = new Set(['mama lucy', 'mama ngina', 'baba dogo']);

/**
 * A person named in these few words, not a place: a common first name first ("Brian Otieno",
 * "Otieno"), or a title, alone or before a name ("Pastor John", "Mama Njeri", even a name no list
 * knows) unless a place known by it ("Mama Lucy"). A place noun after ("Tom Mboya Street") is the
 * caller's to weigh: this reads the words alone.
 */
export function namesAPerson(text: string): boolean {
  // "Peter's", "Kang’ethe's son": the person's, the person's name all the same.
  const words = text.toLowerCase().split(NOT_NAME_LETTERS).filter(Boolean).map((w) => w.replace(POSSESSIVE_END, ''));
  if (!words.length) return false;
  if (knownFirstName(words[0])) return true;
  return TITLES.has(words[0]) && !TITLED_PLACES.has(words.slice(0, 2).join(' '));
}

/**
 * A word in capitals that can be a name ("PETER", "KAMAU", "MOHAMED"): three letters or more, a
 * vowel among them, no body's initials ("IEBC", "UDA"), no word of `NOT_NAMES`, and no English
 * "-ING" or "-ED" ("I AM BLEEDING", "I AM ARRESTED": how someone is, said in capitals) unless a
 * name of `NAMES_IN_ED`.
 */
function shoutedName(w: string): boolean {
  const lower = w.toLowerCase();
  const english = /ING$/.test(w) || (/ED$/.test(w) && !NAMES_IN_ED.has(lower));
  return /^\p{Lu}{3,}$/u.test(w) && /[AEIOU]/.test(w) && !ACRONYMS.has(lower) && !NOT_NAMES.has(lower) && !english;
}

/**
 * The name a reporter gives themselves in this text, as written ("Achieng Otieno", "KAMAU");
 * undefined when there is none. A name is capitalised word(s) not among `NOT_NAMES`, or a word in
 * capitals that can be one (`shoutedName`: "I am PETER"); in text without small letters (all in
 * capitals, as many type on a phone), only the one word after the introduction ("MIMI NI KAMAU"),
 * and in text without capitals only the one word after "jina langu ni" / "my name is".
 */
export function selfIntroduction(text: string): string | undefined {
  // Capitals tell a name only in text that has small letters too: in "I AM PETER" every word has one.
  const capitals = /\p{Ll}/u.test(text);
  // A capital then a small letter, or a name in capitals: "I am IEBC clerk", "I am UDA agent" name a body, not the reporter.
  const named = (w: string) => capitals && (/^\p{Lu}[\p{Ll}\p{M}'’]/u.test(w) || shoutedName(w)) && !NOT_NAMES.has(w.toLowerCase());
  for (const m of text.matchAll(INTRO)) {
    const [first = '', ...rest] = (m[2] ?? '').split(/[ \t]+/);
    if (NOT_NAMES.has(first.toLowerCase())) continue;
    if (!named(first)) {
      if (m[1] || (!capitals && shoutedName(first))) return first;
      continue;
    }
    const more = rest.findIndex((w) => !named(w));
    return [first, ...rest.slice(0, more < 0 ? rest.length : more)].join(' ');
  }
  return undefined;
}

/**
 * A story that says it is told for someone else: "I am reporting for my neighbour", "on behalf of
 * my brother", "naripoti kwa niaba ya jirani", "ninamripotia kaka yangu". Read to ask "who did this
 * happen to?" as told, never to answer it unasked.
 */
const FOR_SOMEONE_ELSE =
  /\b(?:on behalf of|kwa niaba ya|(?:i am|i m|im|am|we are|we re) (?:reporting|writing|reporting this|writing this) (?:for|about) (?:my|our|a|the)|report(?:ing)? (?:this )?for (?:my|our) |(?:naripoti|ninaripoti|nareport|tunaripoti|naandika|ninaandika) (?:kwa ajili ya|kuhusu|juu ya)|ninamripotia|namripotia|tunamripotia)\b/;

export function toldForSomeoneElse(text: string | undefined): boolean {
  if (!text) return false;
  const n = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
  return FOR_SOMEONE_ELSE.test(` ${n} `.replace(/\s+/g, ' ').trim());
}
