import { guessLanguage } from './language-guess';
import { plainWords } from './plain-text';
import { knownFirstName, selfIntroduction } from './self-introduction';

/**
 * A message that only greets ("habari", "niaje", "good morning sir") or asks what this chat is
 * ("is this ripoti?", "hii ni nini?"): people open a chat so instead of tapping, and a bare menu
 * answered none of them. Only the whole message: "hello, police beat my son yesterday" tells
 * what happened, and "sasa hivi" or "mambo ni mengi" are not hellos.
 */
export interface Greeting {
  /** `hello` greets; `what` asks what this is (after a greeting or not); `name` gives the writer's name, and where from at most. */
  kind: 'hello' | 'what' | 'name';
  /** The language it is written in: `guessLanguage` where it can tell, else its greeting's own (Sheng is Swahili). */
  lang: 'en' | 'sw';
}

/**
 * Greetings as typed, English and Swahili (Sheng's "niaje", "mambo vipi", "sasa" with it). Not
 * "morning" alone, "mzima" or "salama": at "when?", "was anyone hurt?" or "is someone in danger?"
 * they answer the question.
 */
const EN_HELLO = [
  'hello', 'helo', 'hallo', 'hellow', 'hello there', 'hi', 'hi there', 'hey', 'hey there', 'heey', 'hiya', 'greetings',
  'good morning', 'good afternoon', 'good evening', 'good day', 'how are you', 'how are u', 'how r u', 'hope you are well',
];
const SW_HELLO = [
  'habari', 'habari yako', 'habari zenu', 'habari gani', 'habari za asubuhi', 'habari za mchana', 'habari za jioni', 'habari za leo', 'hujambo', 'hamjambo', 'jambo',
  'mambo', 'mambo vipi', 'vipi', 'niaje', 'sasa', 'salamu', 'salaam', 'shikamoo', 'uko aje', 'mko aje', 'uko poa', 'mko poa',
];
/** Whom a greeting is said to ("hello sir", "niaje boss", "habari wote"): nothing more. */
const ADDRESSED = new Set('sir madam maam boss bro brother sister sis team guys admin ripoti everyone all there wote nyote jameni mkuu mzee msee mse buda ndugu'.split(' '));

/** A word a person is addressed by ("boss", "bro", "msee", "mzee"): no town's or village's name. */
export function addressWord(word: string): boolean {
  return ADDRESSED.has(word.toLowerCase());
}

const PHRASES = new Map<string, 'en' | 'sw'>([...EN_HELLO.map((p) => [p, 'en'] as const), ...SW_HELLO.map((p) => [p, 'sw'] as const)]);
/** The most words in one greeting: phrases are tried longest first, so "habari yako" is read before "habari". */
const LONGEST = Math.max(...[...PHRASES.keys()].map((p) => p.split(' ').length));

/** What this chat is, asked ("is this ripoti", "is this the police reporting line", "what is this"). */
const EN_WHAT = new RegExp(
  [
    String.raw`^(is|are) (this|that|it|you|this chat|this bot|this account)( really)?( the| a)? (ripoti|ripoti bot|ripoti kenya|the ripoti bot|(police|election|incident)( misconduct)? (reporting|report|complaints?) (line|hotline|bot|service|number|desk|app)|(reporting|report|complaints?) (line|hotline|bot|service|desk|app)( for (the )?(police|elections?))?|(right )?(place|bot|line|chat) (to|for|where i can|where we can) report( (the )?police| (the )?police misconduct| an? incident| election incidents?)?)$`,
    String.raw`^(what|whats|what s) (is )?(this|this bot|this chat|this app|ripoti|this about)$`,
    String.raw`^who (are you|is this|am i (talking|speaking|chatting) (to|with))$`,
  ].join('|'),
);
const SW_WHAT = new RegExp(
  [
    // Not "ndio ripoti" alone: at the review that may be a yes.
    String.raw`^(je )?((hii|hapa) (ni|ndio|ndiyo) ripoti|ni ripoti( hii| hapa)?)$`,
    String.raw`^(je )?(hii|hapa) (ni|ndio|ndiyo) (nini|wapi|ya nini|kitu gani)$`,
    String.raw`^(je )?ni (nini|ya nini|kitu gani) (hii|hapa)$`,
    String.raw`^(je )?(nyinyi|ninyi|nyinyi ni|ninyi ni|mko|nyie ni|wewe ni|uko) nani$`,
    String.raw`^(je )?(hii|hapa) (ni|ndio|ndiyo) (laini|namba|nambari|huduma|bot|mahali) ya kuripoti( polisi| makosa ya polisi| matukio ya uchaguzi)?$`,
  ].join('|'),
);

/** The greetings and addressees that open `words`, read away, and the language of the first; no `lang` when none greets. */
function readHellos(words: string[]): { rest: string[]; lang?: 'en' | 'sw' } {
  let i = 0;
  let lang: 'en' | 'sw' | undefined;
  while (i < words.length) {
    let step = 0;
    for (let n = Math.min(LONGEST, words.length - i); n > 0 && !step; n--) {
      const said = PHRASES.get(words.slice(i, i + n).join(' '));
      if (said) {
        lang ??= said;
        step = n;
      }
    }
    // An addressee only after a greeting: "sir" alone greets nobody.
    if (!step && lang && ADDRESSED.has(words[i])) step = 1;
    if (!step) break;
    i += step;
  }
  return { rest: words.slice(i), lang };
}

/**
 * A name given and nothing of what happened ("naitwa Peter Mwangi", "my name is Achieng from Kisumu"): up to three words
 * after the introduction, where from at most; never a possessive ("I am Peter's mother" says who they are to someone).
 */
const INTRO_ALONE = /^(my name is|my names are|jina langu ni|majina yangu ni|mimi naitwa|ninaitwa|naitwa|mimi ni|i am|i m|im)((?: (?!s\b)\S+){1,3}?)(?: (?:from|of|kutoka|natoka|ninatoka|wa) \S+(?: \S+)?)?$/;
/** "I am", "mimi ni" lead into a place or how one is as often ("Im Kawangware", "I AM OUTSIDE"): a name only when a known first name follows. */
const WEAK_INTRO = new Set(['mimi ni', 'i am', 'i m', 'im']);
const SW_INTRO = /^(?:jina|majina|mimi|ninaitwa|naitwa)\b/;

export function greetingOnly(text: string): Greeting | undefined {
  const words = plainWords(text).split(' ').filter(Boolean);
  if (!words.length || words.length > 12) return undefined;
  const { rest, lang: hello } = readHellos(words);
  if (!rest.length) return hello && { kind: 'hello', lang: guessLanguage(text) ?? hello };
  const asked = rest.join(' ');
  // The name itself as `selfIntroduction` reads it: "I am scared", "mimi ni mwalimu" give none.
  const intro = INTRO_ALONE.exec(asked);
  const named = intro && (!WEAK_INTRO.has(intro[1]) || knownFirstName(intro[2].trim().split(' ')[0]));
  if (named && selfIntroduction(text) !== undefined) return { kind: 'name', lang: guessLanguage(text) ?? hello ?? (SW_INTRO.test(asked) ? 'sw' : 'en') };
  const what = EN_WHAT.test(asked) ? 'en' : SW_WHAT.test(asked) ? 'sw' : undefined;
  return what && { kind: 'what', lang: guessLanguage(text) ?? what };
}
