import { plainWords } from './plain-text';

/**
 * A reporter asking whether reporting is safe or who will see it ("ni salama?", "nani ataona?",
 * "polisi watajua ni mimi?", "who will see this?"). Someone afraid asks before telling anything;
 * "sijaelewa" or a bare menu left them without the one answer they needed. Only a short message
 * that asks: a story that says "polisi watajua" in passing is the story. The one reader of such
 * questions everywhere (before anything is told, at each question, at the review): whether the
 * report was sent or how long it takes is another question, with its own answer.
 */
const ASKS_ALWAYS = new RegExp(
  [
    // Who will see or read it: "nani ataona", "nani atasoma ripoti yangu", "nani anaweza kuona".
    String.raw`\bnani (ata|wata|ana|wana|hu|ataweza ku|anaweza ku|wanaweza ku)(i)?(ona|soma|jua|pata)\b`,
    String.raw`\bsalama (ku|kwa )?(ripoti|kuripoti|tumia|kutumia|andika|kuandika|hapa)\b`,
    String.raw`\b(jina|namba|nambari|number) (langu|yangu) (li|i|ita|lita)(ta)?(onekana|julikana|onwa|onyeshwa|tumwa)\b`,
    String.raw`\bis (it|this|this bot|this app|ripoti|reporting|reporting here|my report|the report) (safe|secure|confidential|private|anonymous|secret)\b`,
    String.raw`\bwho (will|can|would|gets to|is going to) (see|read|know)\b`,
    // "Who sees this", "so who reads it": opening the message; inside one, "the officer who reads the OB" is the story.
    String.raw`^((so|but|and|ok|okay|then|sasa) )?who (sees|reads|receives|gets) (this|these|it|them|that|my|the|what|reports?|ripoti)\b`,
    String.raw`\bwill my (name|number|identity|details) (be|go|show)\b`,
  ].join('|'),
);

/**
 * Asked only with a question mark: "ni salama?" (at the danger question "ni salama" is a no),
 * "polisi watajua?", "who sees this?", "can the police see this?".
 */
const ASKS_WITH_MARK = new RegExp(
  [
    // "Ni salama?", "hii ni siri?", "iko safe?" (Sheng), "safe?": the report or reporting, never a person ("wako salama?").
    String.raw`^(je )?(hii |hapa |ripoti hii |hii ripoti )?(ni|iko|itakuwa|itabaki|kweli ni) (salama|siri|safe|secure|private)\b`,
    String.raw`^(safe|secure|private|siri)( kweli| really| hapa| here)?$`,
    String.raw`\b(polisi|askari|karao|makarao|serikali|wao)( \w+){0,2} (wata|ata)(ona|jua|soma|ni ?jua|tu ?jua)\w*\b`,
    // Whoever is named ("maboys watajua?", "mtu ataona jina langu?", "watanijua?"): a short question only.
    String.raw`^(\w+ )?(wata|ata)(ni)?(ona|jua|soma|tambua)\b( (jina|namba|nambari|number|ripoti) (langu|yangu))?( ni mimi)?$`,
    String.raw`\b(wata|mta|ata)jua ni mimi\b`,
    String.raw`^(je )?nita(julikana|tambulika|tambuliwa|onekana)\b`,
    String.raw`\b(nyinyi|ninyi|nyie|mko|mnafanya kazi na) (ni )?(polisi|serikali)\b`,
    String.raw`\b(will|can|could|would|do|does|might) (the )?(police|cops|officers?|government|they|anyone|anybody|someone|somebody|people) (see|know|find out|read|learn)\b`,
    String.raw`^((so|but|and|ok|okay|then|sasa) )?who (else )?(sees|reads|knows|receives)\b`,
    String.raw`\bis my (name|number|identity|phone|phone number) (shown|seen|visible|known|shared|public|hidden)\b`,
    String.raw`\bare you (the )?(police|government)\b`,
  ].join('|'),
);

/**
 * Opening a question as plainly as a mark ends one ("je polisi watajua ni mimi", "will the police
 * know it was me"), in a few words: a longer "can the police see what they did to us..." is an account.
 */
const ASKING_START = /^(je|will|can|could|would|does|do|is|are)\b/;
const ASKING_START_MAX_WORDS = 8;

export function asksWhoSees(text: string): boolean {
  const plain = plainWords(text);
  const words = plain ? plain.split(' ').length : 0;
  if (!words || words > 14) return false;
  const asked = text.includes('?') || (words <= ASKING_START_MAX_WORDS && ASKING_START.test(plain));
  return ASKS_ALWAYS.test(plain) || (asked && ASKS_WITH_MARK.test(plain));
}
