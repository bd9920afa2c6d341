import {
  checkText,
  countyByCode,
  ELECTION_ACTORS,
  HATE_CHANNELS,
  isElectionActor,
  isHateChannel,
  isOfficerAttire,
  isPoliceUnit,
  isReporterRole,
  LIMITS,
  matchPoliceUnit,
  OFFICER_ATTIRES,
  numberRuns,
  parsePollingStation,
  parseServiceNumber,
  POLICE_UNITS,
  rankIn,
  readVehicle,
  REPORTER_ROLES,
  toldForSomeoneElse,
  type ElectionActor,
  type HateChannel,
  type OfficerDetails,
  type PollingStation,
  type ReporterRole,
  type UnitMatch,
  type Ward,
} from '../../domain';
import { DETAIL_STEPS, type DetailStep, type Draft, type Step } from '../session';
import type { Turn } from './turn';
import type { Choice, Keyboard } from './types';
import { normalise } from './parse';
import { addNewOrTell } from './story';
import { electoralUnits } from './units';

/** Detail questions answered by a tap (or a few fixed words): there is nothing to type at them. */
export const TAP_ONLY_DETAILS: readonly DetailStep[] = ['role', 'unit', 'how'];

/** The longest typed answer to a detail question (names of several officers, a station's name). */
const DETAIL_MAX_CHARS = 300;

export function isDetailStep(step: Step): step is DetailStep {
  return (DETAIL_STEPS as readonly string[]).includes(step);
}

function keyboard(d: Draft, step: DetailStep, choices?: Choice[]): Keyboard {
  return { type: 'detail', draftId: d.id, step, ...(choices?.length ? { choices } : {}), ...(step === 'role' ? { first: true as const } : {}) };
}

/** Named in the reporter's language when rendered (src/bot/wizard/render.ts). */
const countyName = (d: Draft) => ({ countyCode: countyByCode(d.county ?? 0)?.code ?? 0 });

/** Asks the draft's current detail question. */
export function askDetail(turn: Turn, d: Draft, step: DetailStep): void {
  switch (step) {
    case 'role':
      // "I am reporting for my neighbour" in the story: the question says it was read.
      return turn.message([{ key: 'details.intro' }, { key: toldForSomeoneElse(d.text) ? 'details.role.ask_told' : 'details.role.ask' }], { keyboard: keyboard(d, step, REPORTER_ROLES.map((r) => ({ value: r, key: `details.role.${r}` }))) });
    case 'unit':
      return turn.say('details.unit.ask', undefined, { keyboard: keyboard(d, step, POLICE_UNITS.map((u) => ({ value: u, key: `details.unit.${u}` }))) });
    case 'wear':
      return turn.say('details.wear.ask', undefined, { keyboard: keyboard(d, step, OFFICER_ATTIRES.map((a) => ({ value: a, key: `details.wear.${a}` }))) });
    case 'by':
      return turn.say('details.by.ask', undefined, { keyboard: keyboard(d, step, ELECTION_ACTORS.map((a) => ({ value: a, key: `details.by.${a}` }))) });
    case 'how':
      return turn.say('details.how.ask', undefined, { keyboard: keyboard(d, step, HATE_CHANNELS.map((c) => ({ value: c, key: `details.how.${c}` }))) });
    case 'const':
      return turn.say('details.const.ask', { county: countyName(d) }, { keyboard: keyboard(d, step) });
    case 'ward': {
      const k = d.constituency !== undefined ? electoralUnits().constituency(d.constituency) : undefined;
      return turn.say('details.ward.ask', { area: k?.name ?? countyName(d) }, { keyboard: keyboard(d, step) });
    }
    default:
      return turn.say(`details.${step}.ask`, undefined, { keyboard: keyboard(d, step) });
  }
}

/** A button on a detail question; false when the value is not one it offers (tampered data). */
export function answerDetailButton(turn: Turn, d: Draft, step: DetailStep, value: string): boolean {
  if (value === 'sk') {
    turn.answer();
    turn.advance(d);
    return true;
  }
  if (value === 'ska') {
    turn.answer();
    turn.go('review');
    return true;
  }
  if (step === 'role' && isReporterRole(value)) d.role = value;
  else if (step === 'unit' && isPoliceUnit(value)) d.officers = { ...d.officers, unit: value };
  else if (step === 'wear' && isOfficerAttire(value)) d.officers = { ...withoutAttire(d), attire: value };
  else if (step === 'by' && isElectionActor(value)) d.perpetrator = { kind: value };
  else if (step === 'how' && isHateChannel(value)) d.channel = value;
  else if ((step === 'const' || step === 'ward') && /^\d{1,6}$/.test(value)) {
    if (!setUnit(d, step, Number(value))) return false;
  } else return false;
  turn.answer();
  turn.advance(d);
  return true;
}

/** Sets a constituency or ward chosen from suggestions, only if it lies within what the reporter already gave. */
function setUnit(d: Draft, step: 'const' | 'ward', code: number): boolean {
  const units = electoralUnits();
  if (step === 'const') {
    const k = units.constituency(code);
    if (!k || k.countyCode !== d.county) return false;
    if (d.constituency !== code) d.ward = undefined;
    d.constituency = code;
    return true;
  }
  const w = units.ward(code);
  if (!w || w.countyCode !== d.county || (d.constituency !== undefined && w.constituencyCode !== d.constituency)) return false;
  d.ward = code;
  return true;
}

/** "Skip" (or "ruka") typed at a detail question skips that question. */
export function skipDetail(turn: Turn, d: Draft): void {
  turn.advance(d);
}

/** Longer than a detail question takes (the caller may keep it as more of the story instead). */
export function tooLongForDetail(step: DetailStep, input: string): boolean {
  const check = checkText(input, detailMax(step));
  return !check.ok && check.reason === 'too_long';
}

const detailMax = (step: DetailStep) => (step === 'stn' ? LIMITS.placeMaxChars : DETAIL_MAX_CHARS);

/** A typed answer to a detail question. */
export function onDetailText(turn: Turn, d: Draft, step: DetailStep, input: string): void {
  const check = checkText(input, detailMax(step));
  if (!check.ok) {
    if (check.reason === 'too_long') turn.say('details.too_long', { max: check.max });
    return askDetail(turn, d, step);
  }
  const text = check.text;
  // No letter or digit ("🙏", "-", "?"): no name, place or plate. Kept, it would be all the agency
  // reads there, and the answer typed next would land on the question after this one.
  if (!/[\p{L}\p{N}]/u.test(text)) return again(turn, d, step, TAP_ONLY_DETAILS.includes(step) ? 'details.use_buttons' : 'details.unexpected');
  if (plateAhead(turn, d, step, text) || victimCorrected(turn, d, step, text)) return;
  return takeDetail(turn, d, step, text);
}

/** "Sorry I meant", "samahani nilimaanisha" leading an answer: what follows corrects the answer before. */
const I_MEANT = /^(?:(?:sorry|samahani|pole|oops)[\s,.!]*)?(?:i meant|i mean|nilimaanisha|namaanisha|ninamaanisha)(?: (?:to say|kusema))?[\s,.:;-]+/iu;
/** The questions asked right after whom it happened to. */
const AFTER_VICTIM: readonly DetailStep[] = ['ofc', 'by'];

/**
 * "Sorry i meant my son is Brian Otieno 19 years" at the question after whom it happened to (answered with what was meant
 * for the officers): that answer corrected, said, and this question asked again. It was kept as the officers' names, with
 * "19" as a service number: the victim sent to the agency as the suspect.
 */
function victimCorrected(turn: Turn, d: Draft, step: DetailStep, text: string): boolean {
  const m = AFTER_VICTIM.includes(step) && d.victim !== undefined ? I_MEANT.exec(text) : null;
  const victim = m ? text.slice(m[0].length).trim() : '';
  // Only whom it happened to named ("my son is Brian", "mwanangu Brian"): "I mean Cpl Otieno" answers this question.
  if (!victim || !KIN_NAMED.test(normalise(victim)) || OFFICER_NAMED.test(normalise(victim))) return false;
  d.victim = victim;
  turn.say('details.vic_changed', { victim });
  askDetail(turn, d, step);
  return true;
}

/** The officer questions before the vehicle one. */
const BEFORE_PLATE: readonly DetailStep[] = ['ofc', 'unit', 'wear', 'stn'];

/**
 * A number plate alone ("KDA 123A", "gari ilikuwa KDG 234H") typed at an officer question before the vehicle one:
 * the vehicle's plate, added to any given, said so, and the question asked again. It was kept as what they wore, the
 * station or the names, or "use the buttons" lost it.
 */
function plateAhead(turn: Turn, d: Draft, step: DetailStep, text: string): boolean {
  const { plates, description } = readVehicle(text);
  if (!BEFORE_PLATE.includes(step) || !plates.length || description) return false;
  const all = [...new Set([...(d.officers?.vehiclePlates ?? []), ...plates])];
  d.officers = { ...d.officers, vehiclePlates: all };
  turn.say('details.plate_noted', { plates: plates.join(', ') });
  askDetail(turn, d, step);
  return true;
}

/** Whom it happened to, typed: a choice's words, or seen first with more ("i saw it, im a voter in the queue"). */
function takeRole(turn: Turn, d: Draft, text: string): void {
  const n = normalise(text);
  const seen = WITNESS_FIRST.exec(n);
  // Not what was done to someone they name or to them too ("niliona polisi wakimpiga kaka yangu", "i was also beaten"), nor a video.
  const after = seen ? n.slice(seen[0].length) : '';
  const witness = seen !== null && !SEEN_NOT_WITNESS.test(after);
  const role = roleTyped(n) ?? (witness ? 'witness' : undefined);
  if (!role) return again(turn, d, 'role', 'details.use_buttons');
  d.role = role;
  // "I saw it, im a voter in the queue": who they were is for staff to read, kept in the story.
  if (witness && after.replace(WITNESS_FILLER, '').trim()) addNewOrTell(turn, d, text);
  return turn.advance(d);
}

/** A checked answer to a detail question, kept where its question puts it. */
function takeDetail(turn: Turn, d: Draft, step: DetailStep, text: string): void {
  switch (step) {
    case 'role':
      return takeRole(turn, d, text);
    case 'vic':
      d.victim = text;
      return turn.advance(d);
    case 'ofc': {
      // A new answer replaces the names, numbers and ranks given before. Kept as typed too: the
      // case file gives each officer the number written with them (`officersNamed`).
      const { names: _n, serviceNumbers: _s, rank: _r, answer: _a, ...rest } = d.officers ?? {};
      d.officers = { ...rest, answer: text, ...officerNames(text) };
      return turn.advance(d);
    }
    case 'unit': {
      const unit = matchPoliceUnit(text);
      if (!unit) return again(turn, d, step, 'details.use_buttons');
      d.officers = { ...d.officers, unit };
      return turn.advance(d);
    }
    case 'wear':
      // What they wore in the reporter's own words (colours, badges, a jacket): kept as typed.
      d.officers = { ...withoutAttire(d), uniform: text };
      return turn.advance(d);
    case 'stn':
      d.officers = { ...d.officers, station: text };
      return turn.advance(d);
    case 'by': {
      // A choice typed ("polisi", "mgombea") is that choice; anything else (a name, "the aspirant's
      // youths") is kept as typed. Either replaces an earlier answer.
      const kind = ACTOR_WORDS[normalise(text)];
      d.perpetrator = kind ? { kind } : { words: text };
      return turn.advance(d);
    }
    case 'plate':
      return onPlates(turn, d, text);
    case 'how': {
      const channel = channelTyped(normalise(text));
      if (!channel) return again(turn, d, step, 'details.use_buttons');
      d.channel = channel;
      return turn.advance(d);
    }
    case 'pstn': {
      const r = parsePollingStation(text);
      if (!r.ok) return again(turn, d, step, 'details.pstn.invalid');
      d.pollingStation = r.station;
      return turn.advance(d);
    }
    case 'const':
      return onUnitName(turn, d, step, electoralUnits().matchConstituency(text, { countyCode: d.county }));
    case 'ward':
      return onUnitName(turn, d, step, electoralUnits().matchWard(text, d.constituency !== undefined ? { constituencyCode: d.constituency } : { countyCode: d.county }));
    default:
      return again(turn, d, step, 'details.use_buttons');
  }
}

/** The officers' details without an earlier answer about what they wore (a new answer replaces it). */
function withoutAttire(d: Draft): OfficerDetails {
  const { attire: _a, uniform: _u, ...rest } = d.officers ?? {};
  return rest;
}

/** Whom it happened to, typed instead of tapped (whole message, English and Swahili). */
const ROLE_WORDS: Record<string, ReporterRole> = {
  me: 'victim', 'to me': 'victim', myself: 'victim', mimi: 'victim', 'mimi mwenyewe': 'victim', 'ni mimi': 'victim', 'ni mimi mwenyewe': 'victim', 'mimi ndiye': 'victim', 'mimi ndio': 'victim',
  'ilinitokea mimi': 'victim', ilinitokea: 'victim', 'it was me': 'victim', 'me myself': 'victim',
  witness: 'witness', 'i saw it': 'witness', 'i saw it happen': 'witness', 'i saw it myself': 'witness', shahidi: 'witness', 'shahidi tu': 'witness', niliona: 'witness', 'niliona tu': 'witness', 'niliona likitokea': 'witness',
  'someone else': 'on_behalf', 'somebody else': 'on_behalf', 'for someone': 'on_behalf', 'mtu mwingine': 'on_behalf', 'ninamripotia': 'on_behalf',
};

/** Family and others a report is made for, with whose they are ("mtoto wangu", "my brother"): "mama", "bwana" alone address the listener. */
const KIN = String.raw`(?:mtoto|watoto|mwanangu|wanangu|ndugu|kaka|dada|mama|baba|bwana|mume|mke|rafiki|jirani|binamu|mjomba|shangazi|kijana|bibi|shemeji|mpwa) (?:wangu|yangu|zangu|wetu|yetu)|mwanangu|wanangu|mamangu|babangu|kakangu|dadangu|jirani|my (?:son|daughter|child|kid|children|brother|sister|husband|wife|mother|mum|mom|father|dad|friend|neighbour|neighbor|cousin|uncle|aunt|relative)`;
/** Whom it happened to, said in a few words, whole: the reporter ("mimi ndio nilishikwa", "it happened to me"), a witness, or someone else. */
const ROLE_SAID: [RegExp, ReporterRole][] = [
  [new RegExp(String.raw`^(?:(?:it )?happened to |ilimtokea |ni |ninamripotia |reporting for |for )?(?:${KIN})$`), 'on_behalf'],
  [/^(?:i was (?:a |the )?witness|(?:mimi )?(?:nilikuwa |ni )?shahidi(?: tu)?|i (?:just )?saw (?:it|everything)(?: happen)?|niliona (?:kila kitu|yote))$/, 'witness'],
  [/^(?:(?:ni |ndio |ndiyo |yes )?mimi(?: mwenyewe)?(?: ndio| ndiye)?(?: nilikuwa)? \w*(?:shikwa|pigwa|kamatwa|tishiwa|itishwa|umizwa)|(?:it )?happened to me|i was the victim)$/, 'victim'],
];

/**
 * Seen, said first, with more after it ("i saw it, im a voter in the queue", "nimeona tu, mimi ni agent", "nilishuhudia tu",
 * "I witnessed it from the queue"): a witness. "I saw them beat my son" is not (it happened to someone they name); nor "I was
 * there", which a victim says too; nor seen online or on air ("I saw it on facebook").
 */
const WITNESS_FIRST = /^(?:i (?:just |only )?(?:saw|witnessed) (?:it|everything|what happened)(?: happen)?|i was (?:a |the )?witness|(?:mimi )?(?:niliona|nimeona|nilishuhudia|nimeshuhudia|nilikuwa shahidi|nikiwa shahidi))(?![\p{L}\p{N}])(?! (?:on|kwa|kwenye|in) (?:facebook|fb|whatsapp|twitter|tiktok|instagram|youtube|tv|radio|redio|the news|news|online|social media|mtandao\w*|mitandao\w*|simu|phone)\b)/u;
/** An officer named ("Koplo Otieno", "the one who beat my son", "aliyempiga"): the officers' answer, whoever else is named. */
const OFFICER_NAMED = /\b(?:cpl|corporal|koplo|sgt|sergeant|sajini|inspector|inspekta|constable|konstebo|afisa|ocs|ocpd|the one who|aliyempiga|aliyenipiga|waliompiga)\b|\bthe officer (?:is|was)\b/;
/** Family and others named anywhere ("my son is Brian", "mwanangu Brian"). */
const KIN_NAMED = new RegExp(String.raw`\b(?:${KIN})\b`);
/** After "i saw": someone named it happened to, the reporter hurt too, or a video or post seen. */
const SEEN_NOT_WITNESS = new RegExp(
  String.raw`\b(?:${KIN}|my|his|her|happen to|beat|beaten|nilipigwa|wakimpiga|wakinipiga|alipigwa|pia|also|too|video|clip|status|picha|photo|post|online|group|whatsapp|facebook|fb|tiktok|twitter|youtube|tv|redio|radio|news|mtandao\w*|mitandao\w*)\b`,
);
/** Words after "nimeona" that add nothing ("tu", "yote", "kila kitu"). */
const WITNESS_FILLER = /\b(?:tu|yote|kila kitu|likitokea|myself|only)\b/g;

function roleTyped(n: string): ReporterRole | undefined {
  return ROLE_WORDS[n] ?? ROLE_SAID.find(([re]) => re.test(n))?.[1];
}

/** Where hate speech was said or shared, typed ("WhatsApp group", "kwa redio", "kwa mkutano"): the one its words name. */
const CHANNEL_WORDS: [HateChannel, RegExp][] = [
  // A "group" only with its app ("WhatsApp group"): "a group of youths shouted it" was read as online.
  ['online', /\b(?:whatsapp|facebook|fb|twitter|x|tiktok|instagram|insta|telegram|youtube|online|internet|social media|mitandao\w*|mtandao\w*)\b/],
  ['radio_tv', /\b(?:radio|redio|tv|television|runinga|televisheni|fm|kipindi)\b/],
  ['rally', /\b(?:rally|rallies|mkutano|mikutano|baraza|campaign meeting|public meeting)\b/],
  ['print', /\b(?:newspaper|gazeti|magazeti|leaflets?|flyers?|posters?|mabango|bango|pamphlets?|vikaratasi|kikaratasi)\b/],
  ['sms', /\b(?:sms|text message|texts?|ujumbe mfupi|message za simu|meseji|kwa simu)\b/],
];

function channelTyped(n: string): HateChannel | undefined {
  const found = CHANNEL_WORDS.filter(([, re]) => re.test(n)).map(([c]) => c);
  return found.length === 1 ? found[0] : undefined;
}

/** Who did it, typed as one of the choices (whole message, English and Swahili). */
const ACTOR_WORDS: Record<string, ElectionActor> = {
  candidate: 'candidate', aspirant: 'candidate', mgombea: 'candidate', mwaniaji: 'candidate',
  agents: 'agents', supporters: 'agents', mawakala: 'agents', wafuasi: 'agents',
  iebc: 'officials', 'election officials': 'officials', 'maafisa wa uchaguzi': 'officials', 'maafisa wa iebc': 'officials',
  police: 'police', polisi: 'police', 'police officers': 'police', askari: 'police',
  chief: 'officers', chifu: 'officers', 'government officials': 'officers', 'maafisa wa serikali': 'officers',
};

/** "Yes" to "do you know…?": the same question again, asking for what they know to be typed. */
export function askToType(turn: Turn, d: Draft, step: DetailStep): void {
  return again(turn, d, step, 'details.type_it');
}

function again(turn: Turn, d: Draft, step: DetailStep, key: string): void {
  turn.say(key);
  return askDetail(turn, d, step);
}

/**
 * "Cpl Otieno 12345, Sgt Wanjiru": each run of words with a digit is a service number, the words
 * between them a name (with its rank, which is also noted apart); words such as "namba yake ni"
 * that only introduce a number are dropped.
 */
function officerNames(text: string): Pick<OfficerDetails, 'names' | 'serviceNumbers' | 'rank'> {
  const names: string[] = [];
  const numbers: string[] = [];
  for (const part of text.split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean)) {
    if (!/\d/.test(part)) {
      names.push(part);
      continue;
    }
    for (const run of numberRuns(part)) {
      const n = run.number ? parseServiceNumber(run.text) : undefined;
      if (n?.ok) numbers.push(n.serviceNumber);
      else if (run.text) names.push(run.text);
    }
  }
  const ranks = [...new Set(names.flatMap((n) => rankIn(n) ?? []))];
  return {
    ...(names.length ? { names: names.join(', ') } : {}),
    ...(numbers.length ? { serviceNumbers: numbers } : {}),
    ...(ranks.length ? { rank: ranks.join(', ') } : {}),
  };
}

/** Plates ("KDA 123A na GK 456B") and whatever else was seen of the vehicle ("white Probox", half a plate): both kept. */
function onPlates(turn: Turn, d: Draft, text: string): void {
  const { plates, description } = readVehicle(text);
  const { vehiclePlates: _p, vehicleDescription: _v, ...rest } = d.officers ?? {};
  d.officers = { ...rest, ...(plates.length ? { vehiclePlates: plates } : {}), ...(description ? { vehicleDescription: description } : {}) };
  turn.advance(d);
}

/** A typed constituency or ward: exact is taken; otherwise the closest names are offered as buttons. */
function onUnitName(turn: Turn, d: Draft, step: 'const' | 'ward', m: UnitMatch<{ code: number; name: string }>): void {
  if (m.kind === 'exact') {
    setUnit(d, step, m.unit.code);
    return turn.advance(d);
  }
  if (m.kind === 'none') return turn.say(`details.${step}.unknown`, { county: countyName(d) }, { keyboard: keyboard(d, step) });
  const choices = m.units.map((u) => ({ value: String(u.code), label: u.name }));
  return turn.say('details.suggest', undefined, { keyboard: keyboard(d, step, choices) });
}

/** "Polling station ni ...", "kituo cha kupigia kura ni ...", "the polling station was ...": the name said to be the station's. */
const STATION_LEAD =
  /^(?:(?:the|my|our)\s+)?(?:(?:polling|voting)\s+(?:station|centre|center)|kituo\s+(?:changu\s+|chetu\s+)?cha\s+(?:ku)?pigia\s+kura|kituo\s+cha\s+kura)(?:\s*:\s*|\s+(?:ni|was|is|ilikuwa|iliitwa|called|named)\s+)(.+)$/iu;
/** "Kasarani Primary School polling station". */
const STATION_TAIL = /^(?:(?:it was|ilikuwa|ni)\s+)?(.+?)\s+(?:polling|voting)\s+(?:station|centre|center)$/iu;
/** "Ward ni Kahawa West", "wadi ya Roysambu", "Kahawa West ward". */
const WARD_LEAD = /^(?:(?:the|my|our)\s+)?(?:ward|wadi|wodi)(?:\s*:\s*|\s+(?:ni|was|is|ilikuwa|ya|called|named)\s+)(.+)$/iu;
const WARD_TAIL = /^(?:(?:it was|ilikuwa|ni)\s+)?(.+?)\s+ward$/iu;
/** What a station's name holds when it is not written in capitals: a school, a hall, a church... */
const INSTITUTION = /\b(primary|secondary|school|academy|college|hall|church|mosque|centre|center|grounds|stadium|dispensary|chief|camp|office|shule|msingi|ukumbi|kanisa|msikiti|uwanja|ofisi|kambi)\b/iu;
const JOINING = /^(ya|la|wa|cha|of|the|and|na|-)$/iu;

/** A station's name: six words at most, each capitalised (or joining them), or naming a school or hall; a sentence ("was stormed by goons") is not. */
function stationNamed(name: string): PollingStation | undefined {
  const words = name.split(/\s+/);
  if (words.length > 6) return undefined;
  const capital = (w: string) => /^[\p{Lu}\d]/u.test(w);
  if (!words.every((w) => capital(w) || JOINING.test(w)) && !INSTITUTION.test(name)) return undefined;
  // A school's name written with capitals has no other small word in it: "Goons stormed Kasarani Primary" is a sentence.
  const plain = (w: string) => !capital(w) && !JOINING.test(w) && !INSTITUTION.test(w);
  if (words.some(plain) && words.some((w) => capital(w) && !INSTITUTION.test(w))) return undefined;
  const r = parsePollingStation(name);
  return r.ok ? r.station : undefined;
}

/** A ward of the county by its exact name, or typed with a slip ("Roysambo": `ElectoralUnits.closeWard`); a name several wards share is no answer. */
function wardNamed(name: string, county: number): Ward | undefined {
  const units = electoralUnits();
  const m = units.matchWard(name, { countyCode: county });
  if (m.kind === 'exact') return m.unit;
  return m.kind === 'ambiguous' ? undefined : units.closeWard(name, { countyCode: county });
}

/**
 * A polling station or ward typed at the review of an election report ("polling station ni
 * Kasarani Primary School", "wadi ya Roysambu"): its own field, said so, and the review shown
 * with it; added to the story, the agency read it in the account and the field stayed empty. A
 * ward only by its name within the county, exact or with a slip ("wadi ya Roysambo", said back
 * as "Roysambu"); anything else stays the story, as before.
 */
export function detailAtReview(turn: Turn, d: Draft, input: string): boolean {
  if (d.kind !== 'election' || [...input].length > 120) return false;
  const text = input.trim().replace(/[.!]+$/u, '');
  const named = STATION_LEAD.exec(text)?.[1] ?? STATION_TAIL.exec(text)?.[1];
  const station = named ? stationNamed(named.trim()) : undefined;
  if (station) {
    d.pollingStation = station;
    turn.say('review.pstn_kept', { station: [station.name, station.code].filter(Boolean).join(' · ') });
    turn.show();
    return true;
  }
  const ward = WARD_LEAD.exec(text)?.[1] ?? WARD_TAIL.exec(text)?.[1];
  const found = ward && d.county !== undefined ? wardNamed(ward.trim(), d.county) : undefined;
  if (!found) return false;
  d.ward = found.code;
  d.constituency = found.constituencyCode;
  // Said back by its right name: a slip read as another ward is seen, and changed at the review.
  turn.say('review.ward_kept', { ward: found.name });
  turn.show();
  return true;
}
