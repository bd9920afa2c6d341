// What the reporter's words tell, read from the text alone (no Turn, no Draft): a story or a part of
// one, an act done, who did it, a wish to report, danger or fear said, a question to us. Pure readings
// used by messages.ts; earlyStory and firstWords are also used by the bot's first message.
import { categoryOfEitherKind, checkText, greetingOnly, saysDangerNow, threatensHarm, POLICE_NAMED, LIMITS, matchCounty, townNamed, soundOnly, feelingWord, type ReportKind } from '../../domain';
import { dangerAnswer, dangerToldFirst, dontKnow, normalise, identityWish, readWord } from './parse';

/** Shorter than this, a message is not taken for an account of what happened on its own. */
export const EARLY_STORY_CHARS = 40;

/**
 * Text long enough to be someone telling what happened (40 characters and 6 words at least:
 * "Good morning, how are you?" or "I want to report police brutality" are not), written before the
 * story was asked: kept as the story rather than thrown away. The review shows it before Send.
 */
export function earlyStory(text: string): { text: string; storyPart?: true } | undefined {
  const t = text.trim();
  if ([...t].length < EARLY_STORY_CHARS || t.split(/\s+/).length < 6) return undefined;
  const check = checkText(t, LIMITS.descriptionMaxChars);
  // "Hello, my name is Peter Mwangi from Kisumu town": a name given, nothing told (greeted, and the name kept nowhere).
  if (!check.ok || greetingOnly(t)?.kind === 'name') return undefined;
  // "Habari, nataka kuripoti polisi wameshika kijana wangu": kept, but a wish to report says too
  // little to skip the story question, which then shows it ("So far you told us"); unless what
  // follows the wish is a whole story itself (`toldAfterWish`).
  return asksToReport(t) && !toldAfterWish(t) ? { text: check.text, storyPart: true } : { text: check.text };
}

/** The wish to report itself, to its last word ("i want to report that", "nataka kuripoti kwamba"). */
const WISH_TO_REPORT = /^.*?\b(report|ripoti|kuripoti|kuripot|kureport)( (that|about|kwamba|kuwa|juu ya|kuhusu))?\b ?/;

/**
 * "I want to report that police took my brother yesterday in Kisumu town": after the wish, words
 * long enough to be a story on their own that tell what was done. "…police brutality that
 * happened to my son" (no act) and "…polisi wameshika kijana wangu" (too little) are not.
 */
function toldAfterWish(text: string): boolean {
  const rest = normalise(text).replace(GREETING_LEAD, '').replace(WISH_TO_REPORT, '');
  return [...rest].length >= EARLY_STORY_CHARS && rest.split(' ').length >= 6 && tellsAnAct(rest);
}

/** Greetings a message may open with before saying what it wants ("Habari, nataka kuripoti ..."). */
const GREETING_LEAD = /^((habari|hello|hi|hey|jambo|hujambo|salamu|salaam|mambo|niaje|good morning|good afternoon|good evening|sasa|sawa|ok|okay|haya|basi|mse|msee)( yako| yenu| sir| madam| boss)? )+/;

/** "Naripoti kwa niaba ya jirani" (I am reporting for a neighbour): a report begins; with what was done after it, that is the story. */
const REPORTING_NOW = /^(naripoti|ninaripoti|tunaripoti|nareport|i am reporting|im reporting|i m reporting)\b/;

/** The kind a request to report names ("habari, nataka kuripoti polisi"), if it names one. */
export function kindAskedFor(text: string): ReportKind | undefined {
  const n = normalise(text).replace(GREETING_LEAD, '');
  if (text.length > 200 || !WANTS_TO_REPORT.test(n)) return undefined;
  return POLICE.test(n) ? 'police' : ELECTION.test(n) ? 'election' : undefined;
}

/** A message that begins by asking to report, after a greeting or not. */
function asksToReport(text: string): boolean {
  return WANTS_TO_REPORT.test(normalise(text).replace(GREETING_LEAD, ''));
}

/** Words that name what happened to someone ("Polisi wamenipiga", "alinitaka kimapenzi"): a few of them are an account. */
const INCIDENT_ACTS =
  /\b(wamenipiga|walinipiga|wamepiga|wanapiga|walipiga|wamenikamata|walinikamata|wamenishika|wamemkamata|walimkamata|wamemshika|rumande|seli|arrested|beaten|beat me|hongo|bribe|rushwa|rigging|wameiba kura|risasi|shot|killed|wameua|wamemuua|walimuua|ameuawa|teargas|tear gas|mabomu|kimapenzi|kingono|ngono|raped|rape|sexually|groped|molested)\b/;

/**
 * What was done, in any person or tense ("wakanipiga", "walimkamata", "walinichapa", "they hit
 * him"): no county is worded so (checked against every county, constituency and ward name, by a
 * Swahili read that also listed the forms). Parts too short to stand alone ("bak", "ndani") are
 * only taken with their prefixes: alone they are inside place names (Embakasi, Viwandani).
 */
const MORE_ACTS =
  /(nipig|mpig|tupig|wapig|pigwa|kamat|nishik|mshik|tushik|washik|shikwa|tish[aeiow]|nyang.?any|(ni|m|mw|tu|wa)ibi[aw]|ibiwa|chapwa|(ni|m|tu|wa)chapa\b|kichapo|vami|shambuli|jeruh|umiz|muua|mwua|uawa|buruta|(ni|m|tu|wa)gong|gongwa|(ni|m|tu|wa)sukum|(ni|m|tu|wa)fung[ai]|fungwa|(ni|m|mw|tu|wa)zuilia|zuiliwa|(ni|m|mw|tu|wa)tandik|(ni|tu|a|wa)(li|me|ka)tandikwa|pingu|(ni|m|mw|tu|wa)(weka|tupa|rusha) ndani|(ni|m|tu|wa)baka\b|bakwa|(ni|m|mw|tu|wa)gus[ae]\b|guswa|nyanyas|(ni|m|mw|tu|wa)sumbu[aw]\b|sumbuliwa|(ni|m|mw|tu|wa)tukan[aiw]|tukanwa|(ni|m|tu|wa)tes[ae]|teswa|risasi|machozi|teargas|(ni|m|mw|tu|wa)itish|(ni|m|mw|tu|wa)(achilia|achia)\b|achiliwa|(wa|a)(li|me|ka)(ni|m|mw|tu|wa)dai\b|(ni|tu|a|wa)(li|me|ka)(lipa|peana)\b|(ni|tu|a|wa)(li|me|ka)toa (pesa|doo|hongo|\d)|hawaku(ni|m|tu|wa)pa\b|(ni|tu)(li|ka)lala (cell|seli|ndani)\b|\b(let (me|him|her|us|them) go|released)\b|\b(beat|beaten|beating|hit|hitting|hurt|slapped|kicked|arrested|threatened|stole|took|shot|killed|assaulted|harassed|tortured|robbed|detained|raped|teargassed|locked)\b)/;

/**
 * Someone taken away or not seen since ("wamemchukua mwanangu", "wameshika kijana wangu",
 * "walimpeleka", "hajaonekana"): what a mother writes first. Checked against every county,
 * constituency, ward and town name (src/domain/towns.ts) as `MORE_ACTS` was: none is worded so.
 */
const TAKEN = /((wa|a)(me|li|ka)(m|mw|wa|ni|tu)?(chukua|peleka)|chukuliwa|pelekwa|(wa|a)(me|li|ka)shika|hajaonekana|hajulikani aliko|(a|wa)mepotea)/;

/** Let go ("wakaniachilia", "walimwachia", "released", "let him go"): told after what was done, its end, never an act alone. */
const RELEASED = /\b\w*(ni|m|mw|tu|wa)(achilia|achia)\b|\b\w*achiliwa\b|\b(let (me|him|her|us|them) go|released?)\b/g;

/** A charge made up against someone ("wamemwekelea kesi", "walinibambikia kesi", "framed my son", "planted bhang on him"). */
const FRAMED = /\b(wa|a)(li|me|ka|na)(ni|m|mw|tu|wa)?(wekelea|bambikia|bambika|singizia)\b|\b(framed|planted (\w+ ){0,2}?on (me|him|her|us|them)|(fake|false|trumped up|fabricated|cooked up) (charges?|case|cases))\b/;

/** Asking to be called ("nipigie simu"), voters ("wapiga kura"), a friend ("mshikaji"): no act. */
const NOT_ACTS = /pigi[ae]\b|piga kura|mshikaji/;

/** Asking about a report already sent, not telling a new one: the menu has /status. */
const ABOUT_A_REPORT = /\b(hali|status|withdraw|futa|kufuta|check|kujua|angalia)\b/;

const WANTS_TO_REPORT = /^(i want|i d like|i would like|want|nataka|tunataka|ningependa|naomba|naweza|nawezaje|nimekuja|how do i|how can i)\b.*\b(report|ripoti|kuripoti|kuripot|kureport)\b/;

const POLICE = POLICE_NAMED;

const ELECTION = /\b(kura|uchaguzi|election|elections|iebc|rigging)\b/;

/**
 * One word that tells what they did to someone ("walinisimamisha", "wakamshika", "alinitukana"):
 * they or he/she (wa-, a-), a tense (-li-, -me-, -ka-, -na-), whom (-ni-, -m-, -mw-, -tu-, -wa-,
 * -ku-) and a verb of four letters or more. "Nimemaliza" (I), "wanawake" (women), "walikuwa" (they
 * were) are not; no county, constituency, ward or town is worded so (checked in the unit test).
 */
const DONE_TO_SOMEONE = /^(wa|a)(li|me|ka|na)(ni|mw|m(?=[^aeiou])|tu|wa|ku)[a-z]{3,}[aeiu]$/;

export const doneInOneWord = (words: string) => DONE_TO_SOMEONE.test(words) && !NOT_ACTS.test(words);

/**
 * A weapon or blows ("rungus", "marungu", "bunduki", "risasi", "mateke", "ngumi", "viboko"): what was used or done,
 * typed as a story sent in pieces is, never a place ("rungus" after "Nairobi" was kept as the place). Not "club"
 * ("Nairobi Club"), "mawe" or "kofi", which places are named with; "Marungu", a ward of Voi, is clubs before it is Voi.
 */
const WEAPONS_OR_BLOWS = new Set(
  ('rungu rungus marungu baton batons bunduki gun guns rifle rifles pistol pistols risasi bullet bullets teargas panga pangas mapanga ' +
    'machete machetes fimbo viboko kiboko mjeledi whip whips mateke kicks ngumi punches makofi slaps kichapo kisu visu knife knives').split(' '),
);

/** Words (`normalise`d) naming a weapon or blows among them. */
export const namesWeaponOrBlow = (words: string): boolean => words.split(' ').some((w) => WEAPONS_OR_BLOWS.has(w));

/**
 * Words that tell what was done, to someone or something (`normalise`d), or what they say they will
 * do ("watatuchoma nyumba", "wataniua": a threat, as the category words read it): no place in Kenya is worded so.
 */
export function tellsAnAct(words: string): boolean {
  return INCIDENT_ACTS.test(words) || (MORE_ACTS.test(words) && !NOT_ACTS.test(words)) || TAKEN.test(words) || /\bkitu kidogo\b/.test(words) || FRAMED.test(words) || threatensHarm(words);
}

/** Words that may come before what was done ("pia walichukua", "they also took", "polisi walinipiga", "cops took"). */
const LEADS_INTO_ACT = new Set('pia also na and then halafu alafu kisha tena bado they he she wao yeye polisi police askari the cops cop officers officer makarao karao'.split(' '));

const HOW_MANY = String.raw`(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|wawili|watatu|wanne|watano|wengi)`;

const WHO = String.raw`(?:of them|cops?|policemen|police ?officers?|officers?|askaris?|polisi|makarao|men|guys)`;

/**
 * Who did it, as an agency asks (IPOA: the officers): how many ("2 cops", "askari wawili"), armed
 * ("with guns", "na bunduki"), dressed how ("they wore plain clothes", "walivaa nguo za kawaida").
 * Typed at a later question it is more of the story: no county, constituency, ward or town is
 * worded so (test/unit/bot/wizard-step.test.ts checks every name), and "Armed Forces" or
 * "officers mess" stay places because a count, a verb or "with" must come first.
 */
const WHO_THEY_WERE = new RegExp(
  String.raw`\b${HOW_MANY} ${WHO}\b|\b(?:askari|polisi|makarao|cops|officers|policemen) ${HOW_MANY}\b|\b(?:there were|they were|walikuwa) ${HOW_MANY}\b|` +
    String.raw`\b(?:with|had|carrying|holding|armed with|na|wakiwa na|walikuwa na|walibeba|wamebeba|wameshika) (?:guns?|rifles?|pistols?|bunduki|rungus?|batons?|whips?|pangas?)\b|` +
    String.raw`\b(?:wore|wearing|dressed in|plain ?clothes|plainclothes|civilian clothes|in uniform|walivaa|wamevaa|nguo za kawaida|kiraia)\b`,
);

/**
 * An officer named ("his name was Sgt Mwangi", "jina lake ni Otieno", "anaitwa Kamau", "afande
 * Kiprono") or the vehicle's plate ("KDA 123A", "GK 456B"): what IPOA asks for first. As the place
 * an agency read a name and a plate where it looks for where; no county, constituency, ward or town
 * is worded so (the same check as `WHO_THEY_WERE`). A rank before a road, street or camp ("Inspector
 * road", "Sergeant street") names the place, not an officer: it went to the story and the place was asked again.
 */
const NAMED_OR_PLATE = new RegExp(
  String.raw`\b(?:(?:his|her|their) names? (?:was|were|is|are)|(?:ma)?jina (?:lake|lao|yao|yake) (?:ni|ilikuwa|lilikuwa|yalikuwa)|(?:a|wa)(?:na|li|ka)?itwa|(?:a|wa)(?:li)?jiita|called himself)\b|` +
    String.raw`\b(?:sgt|sergeant|sajini|sajenti|cpl|corporal|koplo|constable|konstebo|inspector|inspekta|afande) (?!(?:road|rd|street|avenue|lane|barabara|mtaa|camp|stage)\b)[a-z]{3,}\b|` +
    String.raw`\b(?:k[a-z]{2}|gk[a-z]?) ?\d{3} ?[a-z]\b`,
);

/** Words (`normalise`d) that tell who did it, how many, how they looked, their names or their vehicle. */
export function tellsWhoTheyWere(words: string): boolean {
  return WHO_THEY_WERE.test(words) || NAMED_OR_PLATE.test(words);
}

/** Places where things are done ("seli ya Central"): a place that begins so is a place. */
export const ACT_PLACES = /^(seli|rumande)$/;

/**
 * Words that begin with what was done ("wakanipiga tena", "pia walichukua kitambulisho changu"):
 * the story going on. A place that tells what was done there begins with where ("pale
 * walipomkamata", "nje ya ..."), and a station or a cell with its name.
 */
export function beginsWithAct(words: string): boolean {
  const list = words.split(' ');
  const i = list.findIndex((w) => !LEADS_INTO_ACT.has(w));
  return i >= 0 && i <= 2 && !ACT_PLACES.test(list[i]) && (tellsAnAct(list[i]) || doneInOneWord(list[i])) && !NOT_ACTS.test(list.slice(i, i + 2).join(' '));
}

/**
 * A short first message that is not yet a story but says what to do: "nataka kuripoti polisi"
 * begins a police report; "Polisi wamenipiga" (what was done) begins one with those words as the
 * story, whose question still asks for the rest while they are too few to tell what happened
 * (`earlyStory`): kept alone, they were all an agency read; a cry for help ("saidieni") begins a
 * report whose danger question takes it as the yes (`dangerSaid`, `dangerToldFirst`).
 */
export function firstWords(text: string): { kind?: ReportKind; story?: { text: string; storyPart?: 'first' }; dangerSaid?: true; identity?: 'anonymous' } | undefined {
  const n = normalise(text);
  // "Sitaki jina langu lijulikane", "can I stay anonymous?": a report begins, told they can send it without their name (it was the bare menu).
  // Danger told with it goes the way danger does, below (the numbers first).
  const unknown = identityWish(text) === 'anonymous' && !ABOUT_A_REPORT.test(n) && dangerAnswer(text) !== true ? { identity: 'anonymous' as const } : undefined;
  const kind = POLICE.test(n) ? { kind: 'police' as const } : ELECTION.test(n) ? { kind: 'election' as const } : {};
  if (unknown && (WANTS_TO_REPORT.test(n.replace(GREETING_LEAD, '')) || !tellsAnAct(n))) return { ...kind, ...unknown };
  // A question ("where is the nearest police station?") or one about a report sent is not an account.
  if (!n || n.length > 200 || text.trim().endsWith('?') || ABOUT_A_REPORT.test(n)) return undefined;
  // "Habari, nataka kuripoti polisi": after a greeting, as most people begin.
  if (WANTS_TO_REPORT.test(n.replace(GREETING_LEAD, ''))) return kind;
  if (REPORTING_NOW.test(n.replace(GREETING_LEAD, '')) && !tellsAnAct(n)) return kind;
  // "Help" alone may be asking how the bot works: the menu says.
  if (n !== 'help' && dangerAnswer(text) === true) return dangerToldFirst(text) ? { dangerSaid: true } : {};
  // "Walinishika tao", "makarao walinichapa", "walidai kitu kidogo": any form of what was done. The
  // kind is still asked: police at a polling station may be an election's case.
  // One word only when it tells what they did to someone ("walinipiga", "wamenikamata"): a frightened
  // reporter's first word begins a report as "polisi walinipiga" does; others ("hello", "Nairobi") get the menu.
  // "Saidieni wako hapa", "help they are here": danger now with no act named begins a report whose
  // danger question it answered (the numbers were shown for it), not the menu.
  // Being let go ("wakaniachilia", "they released me") is no misconduct by itself: only with what was done before it ("walinichukua pesa wakaniachilia").
  const acts = n.replace(RELEASED, ' ').trim();
  // Or money asked ("cops demanded 2k from me", "karao wanataka 2k"): no act word, but the category words read a bribe.
  const done = tellsAnAct(acts) || (n.includes(' ') && categoryOfEitherKind(n) !== undefined);
  if (!done || (!n.includes(' ') && !doneInOneWord(acts))) return dangerToldFirst(text) ? { dangerSaid: true } : undefined;
  const told = earlyStory(text);
  return { story: told && !told.storyPart ? { text: text.trim() } : { text: text.trim(), storyPart: 'first' } };
}

/**
 * "That is all", "nimemaliza", "ni hayo tu" at the review: the reporter has finished telling and
 * may believe the report went. It has not; they are told so, and which buttons send it (two ways:
 * anonymously or with their number, which words cannot choose between). Never more of the story.
 */
export const DONE_WORDS =
  /^((ok|okay|sawa|basi|yes|ndio|ndiyo) )?(done|finished|i am done|im done|i m done|i have finished|that is all|thats all|that s all|that is it|thats it|that s it|nimemaliza|tumemaliza|maliza|ni hayo|ni hayo tu|hayo tu|ni hivyo tu|ni hivo tu|hivyo tu|hivo tu|hayo ndio yote|hayo ndiyo yote|ndio hayo|ndiyo hayo|ni hayo tu basi|basi|imetosha|tayari)( asante| asante sana| thanks| thank you)?$/;

/** Said about being safe: after a no ("hapana, nimefika nyumbani salama"), the no again, never what happened. */
const SAFE_WORDS = /\b(salama|safe|fine|sawa|poa|fiti|ok|okay)\b/;

/**
 * "Hapana walirudi jana usiku", "no, they let him go but took his phone": a no, then words that
 * tell what happened (as `dangerPart` reads them alone); not thanks, "sijui", being safe, or not
 * understanding the question. "Ndio, walinipiga jana Kayole": a yes, then what was done (an act:
 * a cry for help after a yes is no account). The answer is kept; the words were lost with it.
 */
export function toldWithAnswer(input: string, answer: boolean): boolean {
  const words = input.trim().split(/\s+/);
  // The answer's own words first ("hapana", "no no", "niko salama"): the longest lead, as `dangerLead` reads it.
  for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
    const head = words.slice(0, k).join(' ').replace(/\p{P}+$/u, '');
    if (readWord(head) !== (answer ? 'yes' : 'no') && dangerAnswer(head) !== answer) continue;
    const rest = words.slice(k).join(' ');
    const n = normalise(rest);
    // One word after a no can tell it too ("hapana, ameachiliwa": released; "no, amerudi": he is back).
    const oneWord = !answer && !n.includes(' ') && (tellsAnAct(n) || (STATE_VERB.test(n) && !NOT_UNDERSTOOD.has(n)));
    if (!(dangerPart(rest) || oneWord) || dangerAnswer(rest) !== undefined) return false;
    return answer ? tellsAnAct(n) : !SAFE_WORDS.test(n) || tellsAnAct(n);
  }
  return false;
}

/**
 * A yes that tells what goes on ("wako hapa nje wananingoja", "they are here outside waiting for
 * me"): more than the bare answer, and words staff need; kept in the story. Not a yes with only a
 * cry after it ("ndio tafadhali", "yes please help").
 */
export function saysMoreOfDanger(input: string): boolean {
  // "Ndio yuko hatarini" says the yes twice: nothing more.
  const rest = normalise(input).replace(/^(ndio|ndiyo|yes|yeah|yah|eeh|ee)\b ?/, '');
  return dangerAnswer(rest) === undefined && saysDangerNow(input) && storyPart(input);
}

/** "Nina wasiwasi", "niko na hofu": the feeling said as a noun. */
const FEAR_NOUNS = new Set(['wasiwasi', 'hofu', 'uoga', 'woga']);

export const feels = (w: string): boolean => feelingWord(w) || FEAR_NOUNS.has(w);

/** Words beside a feeling before or after a wish to stop ("naogopa sana, sitaki tena", "i m scared i don t want to continue"). */
const BESIDE_FEAR = new Set('i am im m so very really a bit little sana kidogo mimi ni nina niko na bado still too lakini but yaani and now sasa please tafadhali'.split(' '));

/**
 * The words of `n` (plain) between the feelings at its two ends and the words said beside them ("naogopa sana |
 * sitaki tena", "cant say | im scared"), and whether a feeling was there.
 */
export function withoutFear(n: string): { core: string; fear: boolean } {
  const words = n.split(' ');
  const beside = (w: string): boolean => feels(w) || BESIDE_FEAR.has(w);
  let i = 0;
  while (i < words.length && beside(words[i])) i++;
  let j = words.length;
  while (j > i && beside(words[j - 1])) j--;
  return { core: words.slice(i, j).join(' '), fear: [...words.slice(0, i), ...words.slice(j)].some(feels) };
}

/**
 * Fear, then (or after) a cancel word (`readWord`): "naogopa sitaki tena", "naogopa, nisiendelee",
 * "I am afraid, I want to stop". A story that tells fear ("nimeogopa sana polisi walinipiga") is not.
 */
export function stopsForFear(n: string): boolean {
  const { core, fear } = withoutFear(n);
  return fear && core !== '' && readWord(core) === 'cancel';
}

/**
 * An answer to another question where the story was asked: a county, a day, a yes or a no, "I
 * don't know", or no words at all ("👍", "?"). Kept as the story, it would be all an agency
 * reads of what happened; asked again instead.
 */
export function notAStory(input: string): boolean {
  if (!input.trim()) return false; // said to be empty, as such
  // A story is rarely this short; a longer answer is not read word by word (the county's spelling distance costs).
  if ([...input].length > 30) return false;
  // "That's it", "ni hivo tu" with nothing told yet: nothing to keep (with a story kept they keep it, `DONE_WORDS`).
  return !/\p{L}/u.test(input) || soundOnly(input) || readWord(input) !== undefined || dontKnow(input) || leadsIn(normalise(input)) || DONE_WORDS.test(normalise(input)) || matchCounty(input).kind === 'exact' || townNamed(input) !== undefined;
}

/** "Ngoja nikueleze", "let me explain", "ok so": the story is coming, not told; kept, it was the story and the county asked next. */
const LEAD_IN = /^((ngoja|acha|wacha|subiri|hebu) (ni)?(ku|wa|m)?(eleze|ambie|kwambie)|nitaku(eleza|ambia)|let me (explain|tell you|tell)|i will (explain|tell you)|i ll (explain|tell you))?( (what happened|kilichotokea|everything|all))?$/;

/** "Ngoja", "wait a minute", "nitatuma voice note", "let me type": the story is on its way; kept, it was the story and the voice note sent next only evidence. */
export const COMING =
  /^(?:(?:ngoja|subiri|wait|hold on)(?: (?:kidogo|kiasi|a (?:sec|second|minute|min|bit)|please|pls|tafadhali))?|(?:(?:ngoja|wacha|acha|let me) )?(?:niandike|nitume|nirekodi|nitaandika|nitatuma|nitarekodi|type|send|record)(?: (?:a |the )?(?:voice(?: note)?|vn|audio|sauti|it))?|i (?:will|ll) (?:type|send|record)(?: (?:a |the )?(?:voice(?: note)?|vn|audio|it))?)$/;

export const FILLERS = /\b(ok|okay|sawa|haya|so|basi|well|kwanza|sasa|now|first)\b/g;

const leadsIn = (words: string) => {
  const w = words.replace(FILLERS, ' ').replace(/\s+/g, ' ').trim();
  return LEAD_IN.test(w) || COMING.test(w);
};

const NO_WORDS = new Set(['no', 'nope', 'none', 'hapana', 'hapna', 'sina', 'hakuna', 'sijapata']);

const FILE_WORDS = /^(photos?|pictures?|pics?|videos?|files?|evidence|recordings?|picha|faili|ushahidi|sauti|rekodi)$/;

/** A sentence that begins with "no" and speaks of files ("hapana, sina picha wala video"). */
export function declinesFiles(input: string): boolean {
  const words = normalise(input).split(' ');
  return NO_WORDS.has(words[0]) && words.some((w) => FILE_WORDS.test(w));
}

/** Words that count money ("elfu", "mia", "thao", "ngiri", "bob", "ksh") or numbers ("mbili", "five"): a sum is made of them only. */
const MONEY_MARKS = new Set('elfu laki mia thao ngiri ngiris bob ksh kes sh shs shillings shilingi thousand hundred million milioni'.split(' '));

const NUMBER_WORDS = new Set(
  ('moja mbili tatu nne tano sita saba nane tisa kumi ishirini thelathini arobaini hamsini sitini sabini themanini tisini na ' +
    'one two three four five six seven eight nine ten twenty thirty forty fifty sixty seventy eighty ninety and a').split(' '),
);

/**
 * A sum of money alone ("elfu mbili", "mia tano", "thao mbili", "2k", "500 bob", "ksh 2000"), `normalise`d: every
 * word a number, a count of money or a currency, one of them money's ("Saba Saba", "Kawangware 56" are places).
 */
export function sumOfMoney(words: string): boolean {
  const list = words.split(' ').filter(Boolean);
  const money = (w: string) => MONEY_MARKS.has(w) || /^\d+k$/.test(w);
  return list.length > 0 && list.length <= 6 && list.some(money) && list.every((w) => money(w) || NUMBER_WORDS.has(w) || /^\d+$/.test(w));
}

/**
 * A question to us in the middle of the report ("Can I report my neighbour too?"): four words or
 * more ending in "?", not a greeting (whether it was sent, or when someone calls, is `asksAboutProcess`, read first). Nobody reads it before the report is sent, and
 * taken as more of the story it reached the agency as part of the account.
 */
export function asksUs(input: string): boolean {
  const words = normalise(input).split(' ').filter(Boolean);
  if (!input.trim().endsWith('?') || words.every((w) => NO_ACCOUNT_WORDS.has(w))) return false;
  // Shorter, "did you see it?", "how long?": "I do not know that county" answered it.
  return words.length >= 4 || (words.length >= 2 && SAFE_OR_SEEN.test(words.join(' ')));
}

/**
 * Whether it was seen or read, how long, or someone's safety ("wako salama?"): what a short question
 * to us asks about, never about the question at hand. Who sees the report, and whether reporting is
 * safe, are read first (`asksWhoSees`): they get who reads a report, never "no one has read it".
 */
const SAFE_OR_SEEN = /\b(safe|salama|secure|see|sees|seen|read|reads|know|knows|anonymous|private|secret|siri|ataona|wataona|ataiona|wataiona|anajua|watajua|atajua|long|muda)\b/;

/** Words that only greet, thank or fill ("habari yako", "ok sawa", "ni hapa"): no part of an account. */
export const NO_ACCOUNT_WORDS = new Set(
  'hello hi hey habari yako mambo niaje sasa vipi poa good morning afternoon evening night there jambo hujambo sijambo salamu salaam asante ahsante thanks thank you sana ok okay sawa please tafadhali mzima wewe how are u ni iko na and the is it yes ndio ndiyo no hapana tuma send mungu god awabariki akubariki bless'.split(' '),
);

/**
 * "Ndio nilienda Nakuru level 5", "hapana polisi walikataa": a yes or no and more than "we do" or
 * "it is" (two words after it, one long): what the P3 question reads is left to the buttons, the words kept.
 */
export function saysMoreAfter(words: string): boolean {
  const [lead, ...rest] = words.split(' ');
  return readWord(lead) !== 'skip' && rest.length >= 2 && rest.some((w) => w.length >= 5);
}

/** Not having understood the question ("sielewi", "what"): a try at an answer, never part of an account. */
export const NOT_UNDERSTOOD = new Set('sielewi sijaelewa sikuelewa nini what huh eh ati aje pardon sorry'.split(' '));

/**
 * A short message at the kind or category question that is no answer but part of an account
 * ("ballot stuffing Tononoka", "mwanangu amepotea"): two words at least, not a question, a
 * greeting, a wish to report, "sijui" or a word the question reads. Someone in a hurry tells what
 * happened in short messages before the questions reach the story: each was answered "tap a
 * button" and lost.
 */
export function storyPart(input: string): boolean {
  const t = input.trim();
  const n = normalise(t);
  const words = n.split(' ').filter(Boolean);
  // One word only when it tells what they did to someone ("wamenishika", "walinipiga"), as a first message's one word does (`firstWords`).
  const oneAct = words.length === 1 && doneInOneWord(words[0]);
  if (t.endsWith('?') || (words.length < 2 && !oneAct) || words.every((w) => NO_ACCOUNT_WORDS.has(w))) return false;
  return !WANTS_TO_REPORT.test(n) && !ABOUT_A_REPORT.test(n) && !dontKnow(t) && readWord(t) === undefined;
}

/**
 * "Bado wako nje wanangoja" (they are still outside, waiting) at "is someone in danger right now?":
 * what is happening, without a yes or a no. Never taken for either (a wrong yes raises an alert),
 * but kept as a part of the story, and the question asked again: "not understood" lost it, at the
 * worst moment. Three words at least, or two with a verb ("anavuja damu"); one that begins with a
 * yes or a no is a try at the answer.
 */
export function dangerPart(input: string): boolean {
  const words = normalise(input).split(' ').filter(Boolean);
  const first = readWord(words[0] ?? '');
  // Two words tell it when one is what is done or how someone is ("anavuja damu", "bado hajarudi"): Swahili says it in one word;
  // or how the reporter feels ("lakini naogopa", "but scared"), which was dropped after a no.
  const told = words.length >= 3 || (words.length === 2 && (tellsAnAct(words.join(' ')) || words.some((w) => (STATE_VERB.test(w) && !/hatari/.test(w) && !NOT_UNDERSTOOD.has(w)) || feelingWord(w))));
  return told && first !== 'yes' && first !== 'no' && first !== 'skip' && first !== 'now' && !QUESTION_NOT_UNDERSTOOD.test(words.join(' ')) && storyPart(input);
}

/** "Sijaelewa swali", "I don't understand the question": about this question, asked again; in the story an agency read the reporter's confusion as what happened. */
const QUESTION_NOT_UNDERSTOOD = /\b(sielewi|sijaelewa|sikuelewa|sijakuelewa|sikuelewi|(don t|do not|didn t|did not) (understand|get))\b.*\b(swali|question)\b/;

/** A Swahili verb with its subject ("anavuja", "wanampiga", "amezimia") or its negative ("hajarudi", "hawajamwachilia"). */
const STATE_VERB = /^((a|wa|ni|tu|m)(na|me|li|ka)|(ha|hawa|hatu|si)(ja|ku))[a-z]{3,}$/;
