/**
 * Details that let an agency act on a report (IPOA's complaint form asks who the officers were:
 * names, service numbers, rank or unit, station, vehicle): parsed from what reporters type, stored
 * normalised. Pure; the bot asks the questions, the case file prints the answers.
 */

/** Whom it happened to, from the reporter's side: IPOA asks for the victim when someone files for another. */
export const REPORTER_ROLES = ['victim', 'witness', 'on_behalf'] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];

export function isReporterRole(s: unknown): s is ReporterRole {
  return typeof s === 'string' && (REPORTER_ROLES as readonly string[]).includes(s);
}

/** Police services a reporter can tell apart: Kenya Police Service (regular), Administration Police, GSU, traffic, DCI. */
export const POLICE_UNITS = ['kps', 'ap', 'gsu', 'traffic', 'dci', 'other'] as const;
export type PoliceUnit = (typeof POLICE_UNITS)[number];

export function isPoliceUnit(s: unknown): s is PoliceUnit {
  return typeof s === 'string' && (POLICE_UNITS as readonly string[]).includes(s);
}

/** Words people type for each unit, in English and Swahili (after lower-casing and dropping punctuation). */
const UNIT_WORDS: [PoliceUnit, RegExp][] = [
  ['gsu', /\b(gsu|general service unit)\b/],
  // Its own units too: the Rapid Deployment Unit, Security of Government Buildings, the Border Police; "maAP" in Sheng.
  ['ap', /\b(ap|aps|ma ?aps?|administration police|admin police|(?:polisi|askari) wa utawala|rdu|rapid deployment( unit)?|sgb|bpu|border police( unit)?)\b/],
  ['dci', /\b(dci|cid|criminal investigations?|directorate of criminal investigations|makachero)\b/],
  ['traffic', /\b(traffic|trafiki|trafik|trafic|traffik|polisi wa trafiki|police wa trafiki)\b/],
  ['kps', /\b(kps|kenya police( service)?|(regular|ordinary|normal) police|(polisi|police|askari) wa kawaida)\b/],
  // "Police" alone says who they were, not which service: recorded as not known, never as the regular police.
  ['other', /\b(police|polisi|polis|askari|cops?)\b/],
];

/** A unit typed instead of tapped; undefined when nothing is recognised (the bot then offers buttons). */
export function matchPoliceUnit(input: string): PoliceUnit | undefined {
  const s = input.toLowerCase().replace(/\./g, '').replace(/[^a-z\s]/g, ' ').replace(/\s+/g, ' ').trim();
  return UNIT_WORDS.find(([, re]) => re.test(s))?.[0];
}

/**
 * Police ranks as reporters write them: English titles and their usual short forms (Cpl, Sgt, PC,
 * IP, ASP), and the Swahili ones (Konstebo, Koplo, Sajini, Inspekta, Mrakibu). Longest first, so
 * "Senior Sergeant" is not read as "Sergeant".
 */
const RANKS = [
  'senior assistant inspector general', 'deputy inspector general', 'assistant inspector general', 'inspector general',
  'senior assistant commissioner', 'assistant commissioner', 'commissioner', 'kamishna',
  'senior superintendent', 'assistant superintendent', 'superintendent', 'mrakibu mkuu', 'mrakibu msaidizi', 'mrakibu',
  'chief inspector', 'inspector', 'inspekta mkuu', 'inspekta', 'senior sergeant', 'sergeant', 'sajini mkuu', 'sajini', 'sajenti',
  'corporal', 'koplo', 'police constable', 'constable', 'konstebo', 'konstabo',
  'snr sgt', 'sr sgt', 'senior sgt', 's/sgt', 'ssgt', 'sgt', 'cpl', 'pc', 'const', 'ip', 'insp', 'cip', 'asp', 'sp', 'ssp',
]
  .map((r) => r.split(' '))
  .sort((a, b) => b.length - a.length);

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A rank or title and the one word after it: an officer named ("Cpl Otieno", "Afande Kamau"). */
const TITLED_NAME = new RegExp(
  `(?<![\\p{L}])(?:${[...RANKS.map((r) => r.join(' ')), 'afande', 'ocs', 'ocpd', 'dcio', 'officer', 'askari'].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})\\.?\\s+[\\p{L}'-]{2,}`,
  'giu',
);

/**
 * The officers' names as typed, blanked by `blank` except each officer named by rank or title:
 * "Cpl Otieno" is the officer's name even when the reporter is an Otieno too (a common name; the
 * blank lost the investigator the name and hinted at the reporter's). "Call Wanjiru on..." is blanked.
 */
export function keepOfficersNamed(text: string, blank: (s: string) => string): string {
  return keepTitled(text, blank, () => true);
}

/** `text` blanked by `blank` except each rank-and-name that `keep` keeps. */
function keepTitled(text: string, blank: (s: string) => string, keep: (titled: string) => boolean): string {
  let out = '';
  let from = 0;
  for (const m of text.matchAll(TITLED_NAME)) {
    if (!keep(m[0])) continue;
    out += blank(text.slice(from, m.index)) + m[0];
    from = m.index + m[0].length;
  }
  return out + blank(text.slice(from));
}

/** The name after a rank or title ("Cpl Otieno" -> "otieno"), in lower case. */
const titledNameWord = (titled: string) => (titled.split(/\s+/).at(-1) ?? '').toLowerCase();

/**
 * The story or a message, blanked by `blank` except an officer named by rank or title whose name
 * the officers' answer (`officerNames`, as typed) named so too: the file shows that name there
 * already, and "PC [name withheld]" beside it would tell whose name was withheld. A rank and name
 * the officers' answer does not give ("I am Cpl Otieno", from an officer reporting) stays blanked.
 */
export function keepOfficersNamedAsIn(text: string, blank: (s: string) => string, officerNames: string | undefined): string {
  const named = new Set([...(officerNames ?? '').matchAll(TITLED_NAME)].map((m) => titledNameWord(m[0])));
  if (!named.size) return blank(text);
  return keepTitled(text, blank, (titled) => named.has(titledNameWord(titled)));
}

/** The first rank named in an officer's description ("Cpl Otieno" -> "Cpl"), as the reporter wrote it. */
export function rankIn(text: string): string | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  const plain = words.map((w) => w.toLowerCase().replace(/[^a-z/]/g, ''));
  for (let i = 0; i < words.length; i++) {
    const rank = RANKS.find((r) => r.every((w, k) => plain[i + k] === w));
    if (rank) return words.slice(i, i + rank.length).join(' ').replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '');
  }
  return undefined;
}

export type PlateKind = 'private' | 'motorcycle' | 'government';
export type PlateResult =
  | { ok: true; plate: string; kind: PlateKind }
  | { ok: false; reason: 'empty' | 'not_a_plate' };

/**
 * Kenyan number plates, typed loosely ("kda123a", "K D A 1 2 3 A", "gk-123a"): private vehicles
 * `KDA 123A` (older series `KAA 123A`), motorcycles `KMDA 123A`, government `GK 123A` (also with a
 * series letter, `GKA 123B`). Stored as printed on the plate, so two reports of one car match.
 */
export function parsePlate(input: string): PlateResult {
  const compact = input.toUpperCase().replace(/[\s.\-_/]/g, '');
  if (!compact) return { ok: false, reason: 'empty' };
  const forms: [PlateKind, RegExp][] = [
    ['motorcycle', /^(KM[A-Z]{2})(\d{3})([A-Z])$/],
    ['private', /^(K[A-Z]{2})(\d{3})([A-Z])$/],
    ['government', /^(GK[A-Z]?)(\d{3})([A-Z])$/],
  ];
  for (const [kind, re] of forms) {
    const m = re.exec(compact);
    if (m) return { ok: true, plate: `${m[1]} ${m[2]}${m[3]}`, kind };
  }
  return { ok: false, reason: 'not_a_plate' };
}

/** The longest run of words one plate can be typed as ("K D A 1 2 3 A"). */
const MAX_PLATE_WORDS = 7;

/** Words that only lead up to a plate ("the plate number was", "nambari yake ya usajili ni"). */
const PLATE_WORDS = new Set([
  'the', 'a', 'its', 'it', 'his', 'their', 'plate', 'plates', 'number', 'numbers', 'no', 'reg', 'registration', 'is', 'was', 'and', 'with',
  'nambari', 'namba', 'ya', 'za', 'la', 'yake', 'yao', 'usajili', 'ni', 'ilikuwa', 'na', 'yenye',
  // A yes to "Did you see their vehicle?" before the plate ("ndio, KDA 456B"): no description.
  'ndio', 'ndiyo', 'yes', 'yeah', 'yep',
]);

/** Words that name no more than "a vehicle": alone they describe nothing ("the car was KDA 123A"). */
const VEHICLE_WORDS = new Set(['car', 'vehicle', 'gari']);

/**
 * Words of an answer that says the reporter did not see (or does not know) the vehicle: a piece
 * made only of these ("hapana", "I didn't see the plate", "sikuona namba") describes nothing.
 */
const NOT_SEEN_WORDS = new Set([
  'sijui', 'sikuona', 'sikuiona', 'sikuweza', 'kuona', 'sina', 'uhakika', 'hakuna', 'hapana', 'la', 'hamna', 'gari', 'namba', 'nambari', 'yake',
  'no', 'none', 'nothing', 'not', 'sure', 'unknown', 'dont', 'don', 't', 'didnt', 'didn', 'did', 'i', 'see', 'saw', 'know', 'the', 'a', 'any', 'plate', 'number',
  'vehicle', 'car', 'there', 'was', 'is',
]);
/** No vehicle at all: "hawakuwa na gari", "they had no car", "he didn't have a vehicle" ("they had a car" describes one). */
const NO_VEHICLE = /^(?:(?:hapana|no) )?(?:ha(?:wa)?kuwa na (?:gari|vehicle)|(?:they|he|she) had no (?:car|vehicle)|(?:they|he|she) (?:didn t|didnt|did not) have (?:a |any )?(?:car|vehicle))$/;
const saysNothing = (piece: string) => {
  const words = piece.toLowerCase().replace(/[^a-z ]/g, ' ').split(/\s+/).filter(Boolean);
  return words.every((w) => NOT_SEEN_WORDS.has(w)) || NO_VEHICLE.test(words.join(' '));
};
/**
 * Up to three separators between a number's digits ("0733 - 444 - 555", "(0722) 123 456"). Not a
 * slash: OB and case numbers ("OB 07/12/05/2024", "CR 712/45/2024") and dates are written with it.
 */
const PHONE_SEP = '[\\s.()-]{0,3}';
/** A bare nine digits after a currency or another group of digits is money ("KSh 700 000 000", "KSh 1 700 000 000"), not a phone. */
const NOT_MONEY = '(?<!(?:ksh|kes|shs?|usd|\\$)\\.?\\s{0,2})(?<!\\d[\\s.,]{1,2})';
/**
 * A Kenyan phone number as people type it: a mobile (07xx, 01xx) or a landline (020, 041...) with
 * its 0 or +254 / 254 / 00254 (and "(0)"), or a mobile's bare nine digits ("722 123 456"); the
 * digits grouped any way, with spaces, brackets, dots or dashes ("(0722) 123 456", "0733 - 444 - 555",
 * "+254 712 345 678", "020 2345678"). Never a vehicle detail; blanked where a copy travels, so a
 * pattern that missed a way of writing one exposed an anonymous reporter's "call me on...". Not
 * money ("KSh 150 000 000", a bare number after a currency or before "/="), not a day and a time
 * ("07.12.2026 10:30").
 */
export const PHONE_RE = new RegExp(
  // Not after a day and a month ("20.07.2024 1430"), not before a time's colon or an amount's words.
  `(?<![\\d+])(?<!\\d[./-])\\(?(?:(?:(?:\\+|00)?254${PHONE_SEP}(?:\\(?0\\)?${PHONE_SEP})?|0${PHONE_SEP})[1-7]|${NOT_MONEY}7)(?:${PHONE_SEP}\\d){8}(?![\\d:]|\\s*(?:\\/=|shillings?|bob|ksh|kes|hrs))`,
  'gi',
);

/**
 * The mark for a matched number. A number may be matched with the bracket before it, as part of
 * "(0722) 000 111"; one without its closing bracket ("Otieno (0712 345 678)") took the text's own
 * bracket, which is kept, so the mark reads "([phone removed])" and not "[phone removed])".
 */
export const numberMark = (mark: string) => (found: string) => (found.startsWith('(') && !found.includes(')') ? `(${mark}` : mark);

/** PHONE_RE without its global flag: `exec` from the start every time, no `lastIndex` carried over. */
const FIRST_PHONE = new RegExp(PHONE_RE.source, 'i');

/** The first Kenyan phone number in the text, as written ("0712 345 678"): staff read it even in an anonymous report. */
export function phoneNumberWritten(text: string): string | undefined {
  const found = FIRST_PHONE.exec(text)?.[0];
  return found?.replace(/^\((?!.*\))/, '').trim();
}

/**
 * A typed answer with any Kenyan phone number in it blanked: for copies that travel further than
 * the console (the CSV export), where a number a reporter typed into the wrong field could be theirs.
 */
export function withoutPhoneNumbers(text: string): string {
  return text.replace(PHONE_RE, numberMark('[phone removed]')).replace(/\s{2,}/g, ' ').trim();
}

export interface VehicleAnswer { plates: string[]; description?: string }

/**
 * What a reporter typed about the officers' vehicle: every plate in it ("white Probox KDA 123A na
 * GK 456B"), and the rest ("white Probox", half a plate) as the description, so nothing seen is lost.
 */
export function readVehicle(input: string): VehicleAnswer {
  const plates: string[] = [];
  const rest: string[] = [];
  for (const piece of input.replace(PHONE_RE, ' ').split(/[,;\n]+/)) {
    const words = piece.split(/\s+/).filter(Boolean);
    if (saysNothing(piece) && !NO_PLATE.test(piece)) continue;
    const left: string[] = [];
    for (let i = 0; i < words.length; ) {
      const found = plateAt(words, i);
      if (found) plates.push(found.plate);
      else left.push(words[i]);
      i += found?.words ?? 1;
    }
    // "Probox nyeupe bila number plate", "no plates": that there was none is what staff need (it was cut to "probox nyeupe bila").
    const description = left.length === words.length && NO_PLATE.test(piece) ? piece.trim() : trimPlateWords(left);
    if (description) rest.push(description);
  }
  return { plates: [...new Set(plates)], ...(rest.length ? { description: rest.join(', ') } : {}) };
}

/** A vehicle said to have no plate: "bila number plate", "without plates", "no plate", "haina namba". */
const NO_PLATE = /(?:^|\s)(?:bila|without|no|hakuna|haina|hana|isiyo na|haikuwa na)\s+(?:(?:a|any|number|registration|reg)\s+)?(?:plates?|namba|nambari|number)(?=\s|$|[.,!])/i;

/** The plate spelt by the words from `i` on, longest first, and how many words it took. */
function plateAt(words: string[], i: number): { plate: string; words: number } | undefined {
  for (let n = Math.min(MAX_PLATE_WORDS, words.length - i); n > 0; n--) {
    const r = parsePlate(words.slice(i, i + n).join(' ').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, ''));
    if (r.ok) return { plate: r.plate, words: n };
  }
  return undefined;
}

/** The words left once the lead-in words at either end are dropped ("plate number KDA 12" -> "KDA 12"). */
function trimPlateWords(words: string[]): string {
  const isLeadIn = (w: string) => PLATE_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, '')) || !/[\p{L}\p{N}]/u.test(w);
  let start = 0;
  let end = words.length;
  while (start < end && isLeadIn(words[start])) start++;
  while (end > start && isLeadIn(words[end - 1])) end--;
  const kept = words.slice(start, end);
  return kept.every((w) => VEHICLE_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, ''))) ? '' : kept.join(' ');
}

export type ServiceNumberResult = { ok: true; serviceNumber: string } | { ok: false; reason: 'empty' | 'no_digits' | 'too_long' };

/**
 * Words around a service number, in English and Swahili ("his service no. is", "nambari yake ya
 * huduma ni", "namba ya kazi"): never part of the number itself.
 */
const NUMBER_WORDS = [
  'service', 'force', 'personal', 'badge', 'number', 'numbers', 'num', 'nbr', 'no', 'nos', 's/no', 'f/no', 'p/no', 'his', 'her', 'their', 'is', 'was',
  'nambari', 'namba', 'ya', 'za', 'yake', 'yao', 'zao', 'ni', 'huduma', 'kazi', 'ilikuwa',
];
const NUMBER_WORD_SET = new Set(NUMBER_WORDS);
const NUMBER_WORDS_RE = new RegExp(`\\b(${NUMBER_WORDS.join('|')})\\b[.:#]?`, 'gi');

/** A word that only introduces a service number ("No.", "namba", "yake"), whatever its case or trailing dot. */
export function isServiceNumberWord(word: string): boolean {
  return NUMBER_WORD_SET.has(word.toLowerCase().replace(/[.:#]+$/, ''));
}

/**
 * A part of an answer cut into runs of words with digits (numbers) and without (names, the words
 * that introduce a number dropped). A mark written in place of what was withheld ("[phone number
 * withheld]") is words of a name, kept whole.
 */
export function numberRuns(part: string): { number: boolean; text: string }[] {
  const runs: { number: boolean; words: string[] }[] = [];
  let inMark = false;
  for (const word of part.split(/\s+/).filter(Boolean)) {
    const marked: boolean = inMark || word.startsWith('[');
    inMark = marked && !word.includes(']');
    const number = !marked && /\d/.test(word);
    if (!number && !marked && isServiceNumberWord(word)) continue;
    const last = runs[runs.length - 1];
    if (last?.number === number) last.words.push(word);
    else runs.push({ number, words: [word] });
  }
  return runs.map((r) => ({ number: r.number, text: r.words.join(' ').replace(/^[\s:#.\-–]+|[\s:#\-–]+$/g, '') }));
}

/** One officer of the officers' answer: the name (or description) and the service number written with it, either may be missing. */
export interface OfficerNamed { name?: string; serviceNumber?: string }

/** Words that end a name only to say there was no number ("mwingine hakuwa na namba", "Sgt Wekesa had no number"). */
const NO_NUMBER_WORDS = new Set(['hakuwa', 'hana', 'hakuna', 'bila', 'had', 'has', 'have', 'without', 'not', 'didnt', 'did']);

/** Fewer digits than this is a count ("2 others", "wengine 3"), not a service number. */
const MIN_SERVICE_DIGITS = 3;

/**
 * Each officer the reporter named, with the service number they wrote with that officer ("Koplo
 * Mutua 78123, Sajini Wekesa": Mutua's number is 78123, Wekesa gave none). The answer is cut at
 * commas, semicolons, new lines and "na"/"and"; a number goes to the name just before it, or,
 * written at the start of its own piece ("afande mmoja, namba yake 45231"), to the one officer
 * so far without one. With two or more officers waiting it is left alone: never a guess.
 */
export function officersNamed(answer: string): OfficerNamed[] {
  const officers: OfficerNamed[] = [];
  for (const part of answer.replace(/[()]/g, ' ').split(/[,;\n&]+|\s(?:na|and)\s/i)) {
    let named: OfficerNamed | undefined;
    for (const run of numberRuns(part)) {
      const n = run.number ? parseServiceNumber(run.text) : undefined;
      if (n?.ok && n.serviceNumber.replace(/\D/g, '').length >= MIN_SERVICE_DIGITS) {
        const waiting = officers.filter((o) => o.name && !o.serviceNumber);
        const owner = named ?? (waiting.length === 1 && waiting[0] === officers.at(-1) ? waiting[0] : undefined);
        if (owner && !owner.serviceNumber) owner.serviceNumber = n.serviceNumber;
        else officers.push({ serviceNumber: n.serviceNumber });
        named = undefined;
        continue;
      }
      const words = trimNoNumber(run.text);
      if (named) named.name = `${named.name} ${words}`.trim();
      else if (words) officers.push((named = { name: words }));
    }
  }
  return officers;
}

/** A name without the words at its end that only say no number was seen ("mwingine hakuwa" -> "mwingine"). */
function trimNoNumber(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  while (words.length && NO_NUMBER_WORDS.has(words[words.length - 1].toLowerCase().replace(/[^a-z]/g, ''))) words.pop();
  return words.join(' ');
}

/**
 * A police service (force) number as the reporter saw it. Formats vary by service and era, so this
 * only drops the words around it and keeps digits, letters and separators; it refuses text with no
 * digits, which is a name or a description, not a number.
 */
export function parseServiceNumber(input: string): ServiceNumberResult {
  const s = input
    .replace(NUMBER_WORDS_RE, ' ')
    .toUpperCase()
    .replace(/[^A-Z0-9/-]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  if (!s) return { ok: false, reason: 'empty' };
  if (!/\d/.test(s)) return { ok: false, reason: 'no_digits' };
  if (s.length > 20) return { ok: false, reason: 'too_long' };
  return { ok: true, serviceNumber: s };
}

export interface PollingStation { name?: string; code?: string }
export type PollingStationResult = { ok: true; station: PollingStation } | { ok: false; reason: 'empty' | 'too_long' | 'not_a_station' };

const MAX_STATION = 120;

/**
 * A polling station by name ("Moi Primary School"), by IEBC code (a run of at least five digits), or
 * both ("Kasarani Primary 047280139801"). The code is kept as digits; it is not decoded here.
 */
export function parsePollingStation(input: string): PollingStationResult {
  const s = input.replace(/\s+/g, ' ').trim();
  if (!s) return { ok: false, reason: 'empty' };
  if (s.length > MAX_STATION) return { ok: false, reason: 'too_long' };
  const codeMatch = /\d[\d\s-]{3,}\d/.exec(s);
  const code = codeMatch ? codeMatch[0].replace(/\D/g, '') : undefined;
  const hasCode = !!code && code.length >= 5;
  const name = (hasCode && codeMatch ? s.replace(codeMatch[0], ' ') : s).replace(/\s+/g, ' ').replace(/^[\s,;:()-]+|[\s,;:()-]+$/g, '');
  const hasName = /[A-Za-z].*[A-Za-z]/.test(name);
  if (!hasCode && !hasName) return { ok: false, reason: 'not_a_station' };
  return { ok: true, station: { ...(hasName ? { name } : {}), ...(hasCode ? { code } : {}) } };
}

/**
 * What the officers wore, as a reporter can tell at a glance: the uniform of a service (regular
 * police blue, Administration Police, GSU, traffic), a uniform they could not place, or plain
 * clothes. Anything more (colours, badges, a reflective jacket) is kept in their words.
 */
export const OFFICER_ATTIRES = ['kps', 'ap', 'gsu', 'traffic', 'uniform', 'plain'] as const;
export type OfficerAttire = (typeof OFFICER_ATTIRES)[number];

export function isOfficerAttire(s: unknown): s is OfficerAttire {
  return typeof s === 'string' && (OFFICER_ATTIRES as readonly string[]).includes(s);
}

/** The officers' details a reporter gave; every field optional (each question can be skipped). */
export interface OfficerDetails {
  /** The reporter's answer to who the officers were, as typed: `names`, `serviceNumbers` and `rank` are read from it. Absent on reports stored before 2026-12-05. */
  answer?: string;
  names?: string;
  serviceNumbers?: string[];
  /** Ranks named with the officers ("Cpl, Sgt"); the names keep theirs too, so who held which is not lost. */
  rank?: string;
  unit?: PoliceUnit;
  station?: string;
  vehiclePlates?: string[];
  /** What was typed about the vehicle besides its plates (a colour, a model, half a plate), so nothing seen is lost. */
  vehicleDescription?: string;
  /** What they wore, tapped (`attire`) or typed in the reporter's words (`uniform`). */
  attire?: OfficerAttire;
  uniform?: string;
}
