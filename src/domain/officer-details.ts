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
  ['ap', /\b(ap|aps|administration police|admin police|polisi wa utawala)\b/],
  ['dci', /\b(dci|cid|criminal investigations?|directorate of criminal investigations|makachero)\b/],
  ['traffic', /\b(traffic|trafiki|polisi wa trafiki|police wa trafiki)\b/],
  ['kps', /\b(kps|kenya police( service)?|regular police|polisi wa kawaida|askari wa kawaida|police|polisi)\b/],
];

/** A unit typed instead of tapped; undefined when nothing is recognised (the bot then offers buttons). */
export function matchPoliceUnit(input: string): PoliceUnit | undefined {
  const s = input.toLowerCase().replace(/\./g, '').replace(/[^a-z\s]/g, ' ').replace(/\s+/g, ' ').trim();
  return UNIT_WORDS.find(([, re]) => re.test(s))?.[0];
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

export type ServiceNumberResult = { ok: true; serviceNumber: string } | { ok: false; reason: 'empty' | 'no_digits' | 'too_long' };

/**
 * A police service (force) number as the reporter saw it. Formats vary by service and era, so this
 * only drops the words around it ("No.", "service number", "namba") and keeps digits, letters and
 * separators; it refuses text with no digits, which is a name or a description, not a number.
 */
export function parseServiceNumber(input: string): ServiceNumberResult {
  const s = input
    .toUpperCase()
    .replace(/\b(SERVICE|FORCE|NUMBER|NAMBA|YA|HUDUMA|NO|S\/NO|NUM)\b\.?/g, ' ')
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
  names?: string;
  serviceNumbers?: string[];
  rank?: string;
  unit?: PoliceUnit;
  station?: string;
  vehiclePlates?: string[];
  /** Plates that did not parse, kept as typed so nothing the reporter saw is lost. */
  vehicleDescription?: string;
  /** What they wore, tapped (`attire`) or typed in the reporter's words (`uniform`). */
  attire?: OfficerAttire;
  uniform?: string;
}
