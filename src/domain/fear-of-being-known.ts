import { plainWords } from './plain-text';
import { asksWhoSees } from './privacy-question';

/**
 * A frightened reporter saying, mid-report, that they fear being known as the one who reported
 * ("naogopa watanijua", "I'm scared they will find out it was me", "sitaki wajue ni mimi",
 * "nitaumia wakijua"). Taken as the story or the place, nobody told them how to stay unknown.
 *
 * The rule: a short message (at most MAX_WORDS) that says the reporter's own fear, or wish, about
 * being known, and tells nothing that was done or said. A story of threats ("the officer said I
 * will be afraid", "they threatened me, I am scared", "walisema watanijua") is the story: a word
 * of speech, threat or a past act makes the message an account. Fear alone ("naogopa", "I am
 * scared to go home") is not about being known, and stays with the question's own reading. A
 * question ("watanijua?") is `asksWhoSees`, read first.
 */
const MAX_WORDS = 12;

/** The reporter's fear or worry, in the first person. */
const FEAR = new RegExp(String.raw`\b(naogopa|ninaogopa|nimeogopa|naongopa|nnaogopa|ogopa|nahofia|ninahofia|nina (hofu|wasiwasi|uoga|woga)|niko na (hofu|wasiwasi|uoga|woga)|scared|afraid|fear|fearful|worried|terrified|frightened)\b`);

/** Being known, found or found out, as the one who reported (future, or "if they know"). */
const KNOWN = new RegExp(
  [
    // "watanijua", "watajua ni mimi", "watanitambua", "watanifuata", "atanitafuta", "watanipata".
    String.raw`\b(wata|ata|mta)(ni)?(jua|gundua|tambua|fahamu|fuata|tafuta|pata|ona)\b`,
    String.raw`\b(wata|ata)(jua|gundua|tambua) ni mimi\b`,
    String.raw`\bnita(julikana|tambulika|tambuliwa|gunduliwa|onekana|patikana)\b`,
    // "wakijua", "akigundua", "wakinitambua": if they know.
    String.raw`\b(waki|aki)(ni)?(jua|gundua|tambua|fahamu|ona|pata)\b`,
    // "They will know me", "find out it was me", "know who i am", "find me", "track me down".
    String.raw`\b(know|knows|find out|finds out|figure out|learn|discover|realise|realize)( that)?( it was| it is| it s| its| who| i)? (me|i am|reported|sent|told)\b`,
    String.raw`\b(find|trace|track|identify|recognise|recognize|hunt|come for|come after|target) me\b`,
  ].join('|'),
);

/** A wish not to be known: "sitaki wajue ni mimi", "I don't want them to know it was me". */
const WISH_UNKNOWN = new RegExp(
  [
    String.raw`\bsitaki (wa|a|mtu a|polisi wa)(ni)?(jue|tambue|gundue|fahamu|one)\b`,
    String.raw`\bsitaki (ijulikane|ijue|kujulikana) ni mimi\b`,
    String.raw`\b(don t|dont|do not) want (them|him|her|anyone|anybody|the police|the police officers|the officers|people|my boss|my neighbours|my neighbors)? ?to (know|find out|learn|see)( that)?( it was| it is| it s| who)? (me|i am|i reported)\b`,
  ].join('|'),
);

/** A harm the reporter expects if known ("nitaumia wakijua", "they will kill me if they find out"). */
const HARM_IF_KNOWN = new RegExp(
  [
    String.raw`\b(nita\w+|watani\w+|atani\w+)\b.*\b(waki|aki)(ni)?(jua|gundua|tambua|fahamu|ona)\b`,
    String.raw`\b(waki|aki)(ni)?(jua|gundua|tambua|fahamu|ona)\b.*\b(nita\w+|watani\w+|atani\w+)\b`,
    String.raw`\b(will|ll|would|could|might) (kill|hurt|beat|harm|arrest|fire|finish|attack) me\b.*\bif (they|he|she|the police|anyone|someone) (know|knows|find out|finds out|learn|learns|see|sees)\b`,
    String.raw`\bif (they|he|she|the police|anyone|someone) (know|knows|find out|finds out|learn|learns)\b.*\b(will|ll|would|could|might) (kill|hurt|beat|harm|arrest|fire|finish|attack) me\b`,
  ].join('|'),
);

/**
 * Something done or said, told: then it is an account. Speech and threats, in both languages, and
 * Swahili past tense ("walinipiga", "akaniambia", "tulikuwa") and acts going on ("wanadai hongo",
 * "wamenipiga"); English acts in the past.
 */
const TELLS = new RegExp(
  [
    String.raw`\b(said|told|threaten\w*|warn\w*|shouted|beat|beaten|arrested|took|taken|slapped|hit|shot|came|stopped|asked|demanded|kicked|harassed|followed|found|knew)\b`,
    String.raw`\b(ali|wali|aka|waka|nili|tuli|uli)[a-z]{3,}\b`,
    // Threats and speech going on ("wananitishia", "wamesema", "anasema").
    String.raw`\b\w*tishia\w*\b`,
    String.raw`\b(wana|ana|wame|ame|wali|ali|waka|aka)(ni)?(sema|ambia|onya)\b`,
    // Acts being done, or done, told in the present or perfect ("polisi wanadai hongo", "wamenipiga", "chifu ananidai pesa").
    String.raw`\b(wana|ana|wame|ame)(ni|m|mw|tu|wa)?(piga|dai|chukua|kamata|shika|umiza|ua|pora|tesa|dhulumu|fukuza|vamia|itisha|chapa|nyanyasa)\b`,
  ].join('|'),
);

/** English words ending in -ed that say how the reporter feels, not what was done. */
const FEELINGS_ED = new Set(['scared', 'worried', 'terrified', 'frightened', 'concerned', 'feared']);

/** One word that says how the reporter feels ("scared", "naogopa", "worried"): no town's or village's name. */
export function feelingWord(word: string): boolean {
  const w = word.toLowerCase();
  return FEELINGS_ED.has(w) || FEAR_WORD.test(w);
}
/** A fear word (`FEAR`) as the whole word. */
const FEAR_WORD = new RegExp(`^(?:${FEAR.source})$`);

function tellsSomething(plain: string): boolean {
  if (TELLS.test(plain)) return true;
  return plain.split(' ').some((w) => w.length > 4 && w.endsWith('ed') && !FEELINGS_ED.has(w));
}

/**
 * Speech or a threat told ("the officer said...", "walinitishia", "alisema atanitafuta", "they
 * threatened me"): an account of what was done, wherever it is typed, never a county, a place or
 * a day. No county, town or place is worded so.
 */
const SPEECH_OR_THREAT = /\b(said|told|threatened|threatening|warned)\b|\b(ali|wali|aka|waka|ame|wame|ana|wana)(ni|m|tu|wa)?(sema|tishia|ambia|onya)\b/;

export function tellsSpeechOrThreat(text: string): boolean {
  return SPEECH_OR_THREAT.test(plainWords(text));
}

export function fearsBeingKnown(text: string): boolean {
  const plain = plainWords(text);
  const words = plain ? plain.split(' ').length : 0;
  if (!words || words > MAX_WORDS || tellsSomething(plain)) return false;
  if (WISH_UNKNOWN.test(plain) || HARM_IF_KNOWN.test(plain)) return true;
  return FEAR.test(plain) && KNOWN.test(plain);
}

/**
 * A fear of being known (`fearsBeingKnown`) or a question about who sees a report (`asksWhoSees`,
 * "will the police know I reported?"): after a report was sent, both are answered about that
 * report (whether it went with the reporter's name), for the worry is the same.
 */
export function worriesAboutBeingKnown(text: string): boolean {
  return fearsBeingKnown(text) || asksWhoSees(text);
}

/** English words in a fear of being known ("I'm scared they will find out it was me"): no Swahili one says it so. */
const ENGLISH_FEAR = /\b(scared|afraid|fear|fearful|worried|terrified|frightened|want|know|find|they|will|if|me)\b/;

/**
 * The language a fear of being known (`fearsBeingKnown`) is said in: "naogopa watanijua" is
 * Swahili though too short for `guessLanguage`, and a phone set to English says nothing of it.
 */
export function fearLanguage(text: string): 'en' | 'sw' {
  return ENGLISH_FEAR.test(plainWords(text)) ? 'en' : 'sw';
}

/**
 * The language to answer a worry typed after a report was sent (`worriesAboutBeingKnown`): a fear
 * of being known in the language it is said in, as the first message's is ("naogopa watanijua"
 * from a reporter who chose English read an English answer); a question about who sees it in the
 * reporter's own, for `fearLanguage` reads only a fear's words.
 */
export function worryLanguage(text: string, chosen: 'en' | 'sw'): 'en' | 'sw' {
  return fearsBeingKnown(text) ? fearLanguage(text) : chosen;
}
