import { plainWords } from './plain-text';

/**
 * A reporter asking whether reporting is safe or who will see it ("ni salama?", "nani ataona?",
 * "polisi watajua ni mimi?", "who will see this?"). Someone afraid asks before telling anything;
 * "sijaelewa" or a bare menu left them without the one answer they needed. Only a short message
 * that asks: a story that says "polisi watajua" in passing is the story.
 */
const ASKS_ALWAYS = new RegExp(
  [
    // Who will see or read it: "nani ataona", "nani atasoma ripoti yangu", "nani anaweza kuona".
    String.raw`\bnani (ata|wata|ana|wana|hu|ataweza ku|anaweza ku|wanaweza ku)(i)?(ona|soma|jua|pata)\b`,
    String.raw`\bsalama (ku|kwa )?(ripoti|kuripoti|tumia|kutumia|andika|kuandika|hapa)\b`,
    String.raw`\b(jina|namba|nambari|number) (langu|yangu) (li|i|ita|lita)(ta)?(onekana|julikana|onwa|onyeshwa|tumwa)\b`,
    String.raw`\bis (it|this|this bot|this app|ripoti|reporting|reporting here) (safe|secure|confidential|private|anonymous)\b`,
    String.raw`\bwho (will|can|would|gets to|is going to) (see|read|know)\b`,
    String.raw`\bwill my (name|number|identity|details) (be|go|show)\b`,
  ].join('|'),
);

/** Asked only with a question mark: "ni salama?" (at the danger question "ni salama" is a no), "polisi watajua?". */
const ASKS_WITH_MARK = new RegExp(
  [
    String.raw`^(je )?(hii |hapa )?(ni|iko|itakuwa|kweli ni) salama\b`,
    String.raw`\b(polisi|askari|karao|makarao|serikali|wao)( \w+){0,2} (wata|ata)(ona|jua|soma|ni ?jua|tu ?jua)\w*\b`,
    String.raw`\b(wata|mta|ata)jua ni mimi\b`,
    String.raw`\b(nyinyi|ninyi|nyie|mko|mnafanya kazi na) (ni )?(polisi|serikali)\b`,
    String.raw`\bwill (the )?(police|cops|government|they|anyone) (see|know|find out|read)\b`,
    String.raw`\bare you (the )?(police|government)\b`,
  ].join('|'),
);

export function asksWhoSees(text: string): boolean {
  const plain = plainWords(text);
  if (!plain || plain.split(' ').length > 14) return false;
  return ASKS_ALWAYS.test(plain) || (text.includes('?') && ASKS_WITH_MARK.test(plain));
}
