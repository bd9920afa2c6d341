/**
 * Which of the hotline's two languages a message is written in, for a reporter who has not chosen
 * one: a phone set to English does not mean its owner writes English. Common small words only
 * (Sheng mixes both, so the side with more of them wins, with two at least); undefined when
 * neither is clear.
 */
const SWAHILI = new Set(
  (
    'na ya wa la za kwa ni si hii hiyo hapa huko leo jana juzi sasa tu pia sana lakini kama kuna mimi sisi wao yeye wewe yangu yetu yao ' +
    'tena ndio ndiyo hapana habari yako zako za jambo mambo vipi poa asante tafadhali nataka tunataka kuripoti ripoti saidia nisaidie tusaidie saidieni msaada ' +
    'polisi askari wamenipiga walinipiga wamechukua walichukua nimepigwa wamekamata walinikamata kura uchaguzi niko tuko wako iko mtu watu kitu ' +
    'hongo pesa nyumba sijui sawa hakuna nini nani wapi lini gani kijana mtoto ndugu jirani naomba naweza bado kwenye katika je au ama ' +
    'halafu alafu huyu hawa wale kwani ati sai niaje karao'
  ).split(' '),
);
/**
 * Sheng and everyday words that English sentences borrow ("kanjo asked me for doo") and that name places too
 * ("Wangu" ward, "Kofi Annan Road"): counted only in a message with no English word ("Makarao wamenichapa
 * vibaya", "mtoto wangu amepotea"), and never everyday words (`everydayWord`).
 */
const SHENG_ALONE = new Set('makarao kanjo wangu vibaya kofi doo'.split(' '));
const ENGLISH = new Set(
  (
    'the an and is are was were i you he she they we my me to of in on at for with this that what please help want report police hello hi ' +
    'good morning evening thank thanks have has it them there here today yesterday who where when how'
  ).split(' '),
);

/**
 * Swahili verbs in the past or perfect, said of what happened: "wamenikamata", "nilipigwa", "tulikimbia";
 * of one person ("amenipiga", "alinishika", "alikuwa") with whom it was done to, or done to them
 * ("amekamatwa", "alipigwa"). "Ame-" and "ali-" alone begin English words too ("amended", "alike",
 * "america"): only with those after them, ending as Swahili verbs do.
 */
const SWAHILI_VERB = /^(?:(?:nime|nili|wame|wali|tume|tuli)[a-z]{3,}|(?:a|u)(?:me|li)(?:ni|ku|mw|tu|wa)[a-z]*[aeiu]|(?:a|u)(?:me|li)[a-z]{2,}wa)$/;
/** Sheng's "already" form of a verb ("nishasema", "tushalipa"): a verb, as those are. */
const SHENG_ALREADY = /^(?:nisha|tusha)[a-z]{3,}$/;
/** Sounds, not words: laughter, thinking, surprise ("haha", "lol", "ehe", "aaah", "hmm", "lmao"). */
const SOUND = /^(?:(?:ha|he|hi|ho|ja|je|ka|ke){2,}h?|a+h+|e+h+e*|o+h+|u+h+m*|m+h*m+|m+h+|h+m+|(?:lo)+l+|lmf?ao+|rofl|omg|wtf|smh)$/;

export function guessLanguage(text: string): 'en' | 'sw' | undefined {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 1).slice(0, 60);
  const en = words.filter((w) => ENGLISH.has(w)).length;
  const sw = words.filter((w) => SWAHILI.has(w) || SWAHILI_VERB.test(w) || (en === 0 && SHENG_ALONE.has(w))).length;
  // Two of its words at least: a button's word typed ("Ndio", "Today") is not a language chosen.
  if (sw >= 2 && sw > en) return 'sw';
  if (en >= 2 && en > sw) return 'en';
  return undefined;
}

/**
 * A common small word of either language, a Swahili verb said of what happened ("leo", "pesa",
 * "where", "wamenipiga", "nishasema") or a sound ("haha", "ehe", "hmm"): what no town's or village's name is (the county question reads a name
 * no list knows as the place only when it is no such word).
 */
export function everydayWord(word: string): boolean {
  const w = word.toLowerCase();
  return SWAHILI.has(w) || ENGLISH.has(w) || SWAHILI_VERB.test(w) || SHENG_ALREADY.test(w) || SOUND.test(w);
}

/** Letters only, split into words, for `soundOnly`. */
const NOT_LETTERS = /[^\p{L}]+/u;
/**
 * A message of sounds only ("hmm", "mmh...", "aah", "haha"): someone thinking or reacting, never
 * the story, a place or more of the story (as those, an agency read "hmm" for what happened).
 */
export function soundOnly(text: string): boolean {
  const words = text.toLowerCase().split(NOT_LETTERS).filter(Boolean);
  return words.length > 0 && words.length <= 4 && words.every((w) => SOUND.test(w));
}
