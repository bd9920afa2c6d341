import { plainWords } from './plain-text';

/**
 * A reporter asking, in the middle of a report, about what happens to it: whether it was sent or
 * received ("has it been sent?", "imefika?", "mumepata?"), how long it takes ("itachukua muda
 * gani?"), or when someone will reply or call ("mtanijibu lini?", "will someone call me?"). Taken
 * as the story or the place, such a question reached staff and the agency as part of the account.
 * Only a short message shaped as a question: "I waited long at the station and they asked me when
 * I will pay" is an account. Who sees the report, or whether it is safe, is `asksWhoSees`, read first.
 */

/** What it is about: the report, the message (a person or thing in the story is never "it" here). */
const IT = String.raw`(it|this|that|my report|the report|my message|the message|my complaint|my case|my story|everything)`;
/** Who might reply: us, never "they" or the police of the story. */
const US = String.raw`(you|u|you guys|someone|somebody|anyone|anybody|staff|the staff|your staff|your team|your office|ripoti)( from (your office|your team|your side|ripoti|you))?`;
const REPLY = String.raw`(reply|replies|respond|responds|answer|answers|call|calls|contact|contacts|get back|gets back|get in touch|text|texts|write|writes|reach|follow up|read|reads|see|sees|look at|looks at|check|checks)`;
/** Not someone else after it: "can you call the police?", "call an ambulance" asks for help, not when we reply ("read my report" is ours). */
const NOT_OTHERS = String.raw`(?! (?!${IT}\b)(the|a|an|my|his|her|our|their|him|them|police|polisi|ambulance|ocs)\b)`;

/** English, asked (a question mark, or a question word opening it). */
const EN = new RegExp(
  [
    // "Has it been sent?", "did my report go through?", "is it received?"
    String.raw`\b(has|have|was|is|did|had) ${IT}( been| already| now| really| yet| even)* (sent|submitted|received|delivered|gone|go|reached|reach|arrived|arrive|gone through|go through)\b`,
    // "Did you get it?", "have you received my report?", "has anyone seen my message?"
    String.raw`\b(did|have|has|had) ${US}( already| now| even| all)? (get|got|gotten|receive|received|see|seen|read|check|checked|open|opened) ${IT}\b`,
    String.raw`^(you |u )?(got|received|get) ${IT}$`,
    String.raw`^(is it |it s |its )?(sent|received|delivered|submitted)( already| yet)?$`,
    // "How long will it take?", "how long before someone replies?", "how long?"
    String.raw`^how (long|soon)$`,
    String.raw`\bhow (long|much time|many days|many hours)( will| would| does| do| is it going to)( it| this| that| the process| this process| my report| the report| you| u| staff)? (take|takes|need|be)\b`,
    String.raw`\bhow (long|soon) (will|would|until|till|before) (${US}|i|we) (${REPLY}${NOT_OTHERS}|hear|get|be)\b`,
    // "When will you call me?", "when will someone reply?", "when will I hear from you?"
    String.raw`\bwhen (will|would|do|does|can|are|is) ${US}( be)?( going to| gonna)? ${REPLY}\b${NOT_OTHERS}`,
    String.raw`\bwhen (will|would|can|do|should) (i|we) (hear from you|hear back|get (a |an |any |some )?(reply|response|answer|call|feedback|update)|expect (a |an |any )?(reply|response|answer|call|feedback|update))\b`,
    // "Will someone call me?", "are you going to reply?", "will I get a call?"
    String.raw`^(will|would|is|are|do|does|can) ${US}( be)?( going to| gonna)? (reply|respond|answer|call|contact|get back|get in touch|text|write|follow up)\b${NOT_OTHERS}`,
    String.raw`^(will|would|do|can) (i|we) (get|receive|hear)( a| an| any| some)? (call|reply|response|answer|feedback|update|back|from you)\b`,
    // "What happens next?", "what happens after I send it?"
    String.raw`^what (happens|will happen|is next|s next|next)( next| now| then| after( this| that| i send( it)?| sending( it)?)?)?$`,
  ].join('|'),
);

/** Swahili and Sheng, asked: a question mark, "je", "lini", "gani", or (below) a whole message that can only ask. */
const SW = new RegExp(
  [
    // "Mtanijibu lini?", "mtanipigia simu?", "mtanicall?", "nitajibiwa lini?", "kuna mtu atanipigia?"
    String.raw`\b(m|mu|u)ta(nijibu|nipigia|niita|nicall|nireply|nitext|niandikia|nitafuta|nirudia|nirudishia|nijulisha|niarifu|wasiliana nami|isoma|iona|ishughulikia)\b`,
    String.raw`\bnita(jibiwa|pigiwa|pata (jibu|majibu|feedback|simu|ujumbe)|sikia kutoka kwenu)\b`,
    String.raw`\b(mtu|mhudumu|staff|mtu wa ripoti|nani) ata(nijibu|nipigia|niandikia|wasiliana nami|nicall|isoma)\b`,
    String.raw`\bwatanijibu\b`,
    // "Itachukua muda gani?", "mpaka lini?", "ni siku ngapi?"
    String.raw`\b(itachukua|itachukuwa|inachukua|itakaa|baada ya) (muda|siku|masaa|saa|wiki) (gani|ngapi|mingapi|mrefu)\b`,
    String.raw`\b(itachukua|itachukuwa|inachukua) muda\b`,
    String.raw`^(mpaka|hadi) lini$`,
    // "Nini kinafuata?", "mtafanya nini?"
    String.raw`\b(nini (kinafuata|kitafuata|kinachofuata|kitatokea)|(kinafuata|kitafuata|kitatokea) nini|mtafanya nini|mtachukua hatua)\b`,
  ].join('|'),
);

/** The few words that may end such a message ("imefika kweli?", "mumepata ama bado?"). */
const TAIL = String.raw`( (kwenu|kweli|sasa|tayari|salama|ama bado|au bado|ama la|au la|bado|already|or not))*$`;
/** Sent or received, asked in a whole message that says nothing else ("imefika", "mumepata ripoti yangu", "ujumbe umefika kweli"). */
const SW_WHOLE = new RegExp(
  [
    String.raw`^((ripoti|ujumbe|report|message|meseji|malalamiko)( yangu| wangu| hii| huu| hiyo)? )?(i|u|ya)(mefika|mefikia|metumwa|mepokelewa|meenda|meingia|mepita|meshatumwa|meshafika|meshaenda|mesomwa|meonekana)`,
    String.raw`^(m|mu)(mesha|me|sha)(i|u)?(pata|pokea|ona|soma|get)( (ripoti|ujumbe|report|message|meseji)( yangu| wangu| hii| huu)?)?`,
  ]
    .map((p) => `(${p})${TAIL}`)
    .join('|'),
);
/** Asked of one person ("umepata?", "umeona?"): a story may say so too ("umeona vile walifanya"), so only with a mark. */
const SW_ONE = new RegExp(String.raw`^u(mesha|me|sha)(i|u)?(pata|pokea|ona|soma|get)( (ripoti|ujumbe|report|message|meseji)( yangu| wangu| hii| huu)?)?${TAIL}`);

/** Words that may open a question before it ("so", "ok", "habari", "je"): read away. */
const LEAD = /^((so|and|but|ok|okay|sawa|basi|hello|hi|habari|sasa|je|boss|sir|madam|please|tafadhali) )+/;
const EN_OPENER = /^(when|how|has|have|did|was|is|will|would|what|are|do|does|can|got|sent)\b/;
const SW_ASKS = /(^je |\b(lini|gani|ngapi|mingapi)\b)/;
const MAX_WORDS = 12;

export function asksAboutProcess(text: string): boolean {
  const plain = plainWords(text);
  const words = plain ? plain.split(' ').length : 0;
  if (!words || words > MAX_WORDS) return false;
  const core = plain.replace(LEAD, '');
  const marked = text.includes('?');
  if (SW_WHOLE.test(core) || (marked && SW_ONE.test(core))) return true;
  if ((marked || SW_ASKS.test(plain)) && SW.test(core)) return true;
  return (marked || EN_OPENER.test(core)) && EN.test(core);
}
