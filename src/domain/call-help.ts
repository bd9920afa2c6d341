import { plainWords } from './plain-text';

/**
 * A reporter asking Ripoti to call or send the police, an ambulance or help ("can you call the
 * police?", "tumeni polisi", "mnaweza kuita ambulensi?"). Ripoti cannot, and a report may not be
 * read at once: whoever asks must be told to call 999 or 112 themselves. Only a request: "I tried to
 * call the police but they did not come" and "niliita polisi" tell what happened.
 */
const WHO_HELPS = String.raw`(the |an |a |some )?(police|polisi|cops|askari|ambulance|ambulensi|gari la wagonjwa|help|msaada|rescue|officers)\b`;

const ASKS = new RegExp(
  [
    // "Can you call the police?", "will someone send help?", "please call an ambulance", "send police now".
    String.raw`^((please|pls|plz|kindly) )?((can|could|will|would) (you|u|someone|somebody|anyone|ripoti)( please)? )?(call|send|get|bring|alert)( me| us| for me| for us)? ${WHO_HELPS}`,
    // "Mnaweza kuita polisi?", "unaweza kuniitia ambulensi?", "naomba mnitumie polisi", "tumeni polisi", "piga simu polisi".
    String.raw`^((tafadhali|naomba|nawaomba|please) )?((mnaweza|unaweza|mtaweza|utaweza|mwaweza) )?(ku)?(ita|iteni|niitia|tuitia|itieni|tuma|tumeni|tumieni|nitumie|tutumie|mnitumie|mtutumie|tuletee|niletee|leteni|piga simu|pigia|pigieni)( simu)? ${WHO_HELPS}`,
  ].join('|'),
);

export function asksUsToCallHelp(text: string): boolean {
  const plain = plainWords(text);
  if (!plain || plain.split(' ').length > 14) return false;
  return ASKS.test(plain);
}
