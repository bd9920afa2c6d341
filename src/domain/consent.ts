import type { Agency } from './categories';
import { numberMark, PHONE_RE, withoutPhoneNumbers } from './officer-details';

/**
 * Whether the reporter's identity (name, phone) may leave Ripoti in a case file for one agency.
 * Consent is asked per agency through the bot ("to follow it up, IPOA may need to contact you. May we give them
 * your name and phone number?") and every answer is kept; the latest answer for that agency
 * decides, so a reporter who changes their mind is heard. An anonymous report never carries
 * identity, whatever was answered, and consent given to one agency is not consent for another.
 * A yes given when the question asked only for the phone number (before 2026-12-01) gives only that.
 */
export interface ConsentAnswer {
  agency: Agency;
  answer: 'yes' | 'no';
  at: Date;
  /** What the question asked for; absent on answers to the older, phone-only question. */
  covers?: 'name_phone';
  /** For "another agency" (OTHER): which one the question named. A yes to one is no yes to another. */
  agencyName?: string;
}

/** `forgotten`: the reporter asked us to delete their details (/forget); no earlier yes outlives that. */
export type IdentityRefusal = 'forgotten' | 'anonymous' | 'not_asked' | 'declined';

export type IdentityDecision =
  | { share: true; consentAt: Date; withName: boolean }
  | { share: false; reason: IdentityRefusal };

/** The report as the rule reads it: `reporterForgottenAt` set once its reporter asked to be forgotten. */
export interface ConsentSubject {
  anonymous: boolean;
  reporterForgottenAt?: Date | null;
}

export function identityDecision(report: ConsentSubject, agency: Agency, answers: readonly ConsentAnswer[], agencyName?: string): IdentityDecision {
  // First: erasure withdraws every consent given before it, whatever the report's other state.
  if (report.reporterForgottenAt) return { share: false, reason: 'forgotten' };
  if (report.anonymous) return { share: false, reason: 'anonymous' };
  const latest = latestAnswer(agency, answers, agencyName);
  if (!latest) return { share: false, reason: 'not_asked' };
  return latest.answer === 'yes' ? { share: true, consentAt: latest.at, withName: latest.covers === 'name_phone' } : { share: false, reason: 'declined' };
}

/** The answer that decides for this agency (for OTHER, the one named): the latest. */
function latestAnswer(agency: Agency, answers: readonly ConsentAnswer[], agencyName: string | undefined): ConsentAnswer | undefined {
  return answers
    .filter((a) => a.agency === agency && (agency !== 'OTHER' || a.agencyName === agencyName))
    .reduce<ConsentAnswer | undefined>((last, a) => (!last || a.at.getTime() >= last.at.getTime() ? a : last), undefined);
}

/**
 * When the reporter said no to giving their details to this agency, where that no decides
 * (`identityDecision`): the case file says so, and when, rather than only "not shared", which
 * reads as not asked yet. Undefined otherwise (anonymous, forgotten, never asked, or a yes).
 */
export function consentDeclinedAt(report: ConsentSubject, agency: Agency, answers: readonly ConsentAnswer[], agencyName?: string): Date | undefined {
  const decision = identityDecision(report, agency, answers, agencyName);
  return !decision.share && decision.reason === 'declined' ? latestAnswer(agency, answers, agencyName)?.at : undefined;
}

export type ConsentAskRefusal = 'forgotten' | 'anonymous' | 'not_referred' | 'purged';

/**
 * Whether the consent question may go to the reporter for the agency the ticket is referred to:
 * only on a referred ticket, whose files are still there, whose reporter is known to us; never to
 * a reporter who asked to be forgotten (nobody is left to ask, and a yes could not be kept).
 */
export function consentAskable(report: ConsentSubject & { status: string; referral?: { agency: Agency } | null; purgedAt?: Date | null }): { ok: true; agency: Agency } | { ok: false; reason: ConsentAskRefusal } {
  if (report.reporterForgottenAt) return { ok: false, reason: 'forgotten' };
  const agency = report.referral?.agency;
  if (!agency || report.status !== 'referred') return { ok: false, reason: 'not_referred' };
  if (report.anonymous) return { ok: false, reason: 'anonymous' };
  if (report.purgedAt) return { ok: false, reason: 'purged' };
  return { ok: true, agency };
}

declare const sharedByConsent: unique symbol;

/**
 * Identity that passed the consent rule. Only `identityForCaseFile` makes one, so a case file
 * cannot be given a name or phone number any other way.
 */
export type SharedIdentity = { readonly name?: string; readonly phone?: string; readonly consentAt: Date } & { readonly [sharedByConsent]: true };

export type IdentityForCaseFile = { ok: true; identity: SharedIdentity } | { ok: false; reason: IdentityRefusal | 'nothing_to_share' };

export function identityForCaseFile(
  report: ConsentSubject,
  agency: Agency,
  answers: readonly ConsentAnswer[],
  identity: { name?: string; phone?: string },
  agencyName?: string,
): IdentityForCaseFile {
  const decision = identityDecision(report, agency, answers, agencyName);
  if (!decision.share) return { ok: false, reason: decision.reason };
  const name = (decision.withName && identity.name?.trim()) || undefined;
  const phone = identity.phone?.trim() || undefined;
  if (!name && !phone) return { ok: false, reason: 'nothing_to_share' };
  return { ok: true, identity: { ...(name ? { name } : {}), ...(phone ? { phone } : {}), consentAt: decision.consentAt } as SharedIdentity };
}

/** Up to three separators between a number's digits: spaces, dots, dashes, slashes, brackets. */
const SEP = '[\\s./()-]{0,3}';

/**
 * Every way of writing this number: its last nine digits, spaced or not, after its own country
 * code, a 0, or nothing ("(0722) 000 111", "+254 722-000-111", "722000111"); other digits stay.
 */
function blankNumber(text: string, phone: string, mark: string): string {
  const all = phone.replace(/\D/g, '');
  const last = all.slice(-9);
  if (last.length < 7) return text;
  const country = all.slice(0, -9).replace(/^0*$/, '');
  const digits = [...last].join(SEP);
  const prefix = `\\(?(?:${country ? `(?:\\+|00)?${country}${SEP}(?:0${SEP})?|` : ''}0${SEP})?`;
  return text.replace(new RegExp(`(?<![\\d+])${prefix}${digits}(?!\\d)`, 'g'), numberMark(mark));
}

/**
 * A message between the reporter and Ripoti, as it may travel in a document that does not share
 * the reporter's identity (or shares only part of it): every phone number blanked unless the
 * phone is shared (a number in this conversation is most likely the reporter's own "call me
 * on..."; the agency can ask Ripoti for it), and each word of the reporter's own name (as
 * Telegram gives it, three letters or more) blanked unless the name is shared (an everyday word
 * or a title among them only where it reads as the name: `blankNameWordsAsNames`). `phones`: the
 * reporter's own numbers, blanked however they were written ("722 000 111", a foreign number),
 * which the Kenyan pattern alone would miss.
 */
export function withheldFromConversation(text: string, withhold: { phone: boolean; names: readonly string[]; phones?: readonly string[]; usernames?: readonly string[] }, marks: { phone: string; name: string; location: string; email: string }): string {
  // A place shared in the conversation (a 📍 line: "where are you now?") is where the reporter was: withheld with the number.
  // An email address reaches them as a number does; whole, before the name and username (which would leave the rest of it).
  let out = withhold.phone ? text.replace(EMAIL_RE, marks.email).replace(PHONE_RE, numberMark(marks.phone)).replace(/^📍.*(?:\n.*openstreetmap\.org.*)?$/gmu, marks.location) : text;
  if (withhold.phone) for (const p of withhold.phones ?? []) out = blankNumber(out, p, marks.phone);
  // The username whole, before the name's words (a name inside it would leave the rest to read).
  for (const u of withhold.usernames ?? []) out = blankUsername(out, u, marks.name);
  return blankNameWordsAsNames(out, withhold.names, marks.name);
}

/**
 * Words of many Kenyan names that are everyday words too ("were", "will", "said"; in Swahili "hawa"
 * is these, "amani" peace): blanked wherever written, they garbled every sentence using the word,
 * and the gap told the reader which word the name was ("Which station [name withheld] the officers
 * from"). Only a capital, or another word of the name beside it ("hawa were"), makes them the name.
 */
const EVERYDAY_WORDS = new Set([
  'were', 'will', 'may', 'said', 'hope', 'june', 'april', 'bill', 'major',
  'hawa', 'amani', 'haki', 'juma', 'wema', 'heri', 'tabu', 'furaha', 'bahati', 'tumaini', 'upendo', 'subira', 'sikukuu', 'mvua', 'jua',
  // Not here: words that in a report are mostly someone's name ("grace", "faith", "mercy", "joy",
  // "victor", "baraka", "neema", "imani", "zawadi"): typed in lower case ("my name is grace") they
  // are still the name, and a name wrongly kept reaches the agency, which a word wrongly blanked does not.
]);

/**
 * Each word of these names (as `nameWords`) blanked in any case, except a title or an everyday
 * word written in lower case alone; two or more of the name's words together are the name in any
 * case. One pass, so a mark is never read again as a name.
 */
function blankNameWordsAsNames(text: string, names: readonly string[], mark: string): string {
  const any = nameAlternation(names);
  if (!any) return text;
  const runs = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${any})(?:[ \\t]+(?:${any}))*(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
  const keep = (w: string) => !/^\p{Lu}/u.test(w) && (TITLES.has(w.toLowerCase()) || EVERYDAY_WORDS.has(w.toLowerCase()));
  return text.replace(runs, (run) => {
    const words = run.split(/([ \t]+)/);
    if (words.length > 1) return words.map((w, i) => (i % 2 ? w : mark)).join('');
    return keep(run) ? run : mark;
  });
}

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An email address as people type one: a local part, @, and a domain with at least one dot whose
 * last part starts with a letter, as every top-level domain does: an @ written as "at" before a
 * time or a price ("saa 4@10.30", "kreti 2@150.00", "again@2.00am") is no address, and blanking it
 * would take the fact out of the story. An @ after a space ("@ the station", "@Kisumu") has no local part.
 */
const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}[\p{L}\p{N}-]+/gu;

/**
 * A typed answer on its way to a copy that travels further than the console (the CSV export):
 * its phone numbers (`withoutPhoneNumbers`) and email addresses out, as one a reporter typed into
 * the wrong field could be theirs, anonymous or not.
 */
export function withoutContactDetails(text: string): string {
  return withoutPhoneNumbers(text.replace(EMAIL_RE, '[email removed]'));
}

/**
 * The email addresses written in a text, in lower case, each once: a reporter's own address
 * reaches them as their number does (Telegram never gives us one, so an address is known to be
 * theirs only because they wrote it to us).
 */
export function emailsIn(text: string | undefined): string[] {
  return text ? [...new Set([...text.matchAll(EMAIL_RE)].map((m) => m[0].toLowerCase()))] : [];
}

/** The longest address mail can be sent to (RFC 5321): a longer run is pasted text, not to be quoted back whole. */
const MAX_EMAIL = 254;

/** The first email address in the text, as written: staff read it even in an anonymous report. */
export function emailWritten(text: string): string | undefined {
  return [...text.matchAll(EMAIL_RE)].find((m) => m[0].length <= MAX_EMAIL)?.[0];
}

/** Each of these addresses, whole and in any case, blanked; another address, or a longer one holding it, stays. */
function blankEmails(text: string, emails: readonly string[], mark: string): string {
  if (!emails.length) return text;
  const own = new Set(emails.map((e) => e.toLowerCase()));
  return text.replace(EMAIL_RE, (m) => (own.has(m.toLowerCase()) ? mark : m));
}

/** A Telegram username whole, with or without its @ (and in a t.me link), any case. */
function blankUsername(text: string, username: string, mark: string): string {
  return text.replace(usernameRe(username, 'gi'), mark);
}

const usernameRe = (username: string, flags: string) => new RegExp(`(?<![\\w@])@?${escapeRe(username)}(?!\\w)`, flags);

/** The words of these names (three letters or more) as a regular expression's alternatives, longest first; null when there is none. */
function nameAlternation(names: readonly string[]): string | null {
  const words = [...new Set(names.flatMap((n) => n.split(/[^\p{L}\p{M}'-]+/u)).filter((w) => [...w].length >= 3))];
  return words.length ? words.map(escapeRe).sort((a, b) => b.length - a.length).join('|') : null;
}

/** Each word of these names (three letters or more) as a whole word, any case; null when there is none. */
function nameWords(names: readonly string[]): RegExp | null {
  const any = nameAlternation(names);
  if (!any) return null;
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${any})(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
}

/** Words of many Telegram names ("Mama Njeri", "Mzee Kiprono") that name nobody alone: "Mama yangu" in a story is no self-disclosure. */
const TITLES = new Set(['mama', 'baba', 'mzee', 'dada', 'kaka', 'shosh', 'cucu', 'guka', 'madam', 'mwalimu', 'pastor', 'bishop', 'sister', 'brother', 'uncle', 'auntie', 'aunty', 'mrs', 'miss', 'mister', 'doctor', 'daktari', 'chief', 'bro', 'sis', 'the', 'and']);

/**
 * The reporter's own Telegram name, or username, as written in their story, if it is: an
 * anonymous report would still show it to staff. Name words as retention blanks them (three
 * letters or more, capitalised as a name is: "Haki" is a name, "haki" in a sentence is not).
 */
export function ownNameWritten(text: string, own: { names: readonly string[]; username?: string }): { written: string; as: 'name' | 'username' } | undefined {
  const names = nameWords(own.names);
  const named = names ? [...text.matchAll(names)].find((m) => /^\p{Lu}/u.test(m[0]) && !TITLES.has(m[0].toLowerCase()))?.[0] : undefined;
  if (named) return { written: named, as: 'name' };
  const user = own.username ? usernameRe(own.username, 'i').exec(text)?.[0] : undefined;
  return user ? { written: user, as: 'username' } : undefined;
}

/**
 * What is the reporter's own in text kept after their identity: their Telegram name's words, their
 * username, their numbers, and `emails`, the addresses they wrote to us themselves (`emailsIn`).
 */
export interface OwnIdentityWords {
  names: readonly string[];
  username?: string;
  phones: readonly string[];
  emails?: readonly string[];
}

/** What stands for each in the kept text; an address without its own mark takes the number's. */
export interface OwnIdentityMarks {
  phone: string;
  name: string;
  email?: string;
}

/**
 * A run of capitalised words, as a name is written ("Brian Kamau"), not inside a word, an email
 * address or a username ("brian.Kamau@…", "@Brian_Kamau"), nor before "'s" (whose name it is, not
 * a name: "Grace Kamau's son").
 */
const NAME_RUN = /(?<![\p{L}\p{M}\p{N}@._%+'’-])\p{Lu}[\p{L}\p{M}-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}-]*)*(?![\p{L}\p{M}\p{N}@_%+]|[.'’-][\p{L}\p{N}])/gu;

/** The words of the reporter's own names (three letters or more, as `withheldFromConversation` blanks them), in lower case, a double-barrelled name's parts apart. */
const ownNameWords = (names: readonly string[]) => new Set(names.flatMap((n) => n.toLowerCase().split(/[^\p{L}\p{M}']+/u)).filter((w) => [...w].length >= 3));

/**
 * Whether a run of name words names someone else who shares a word of the reporter's own name (a
 * family name): it holds one of their words, a name word that is neither theirs nor a title
 * ("Brian"), and not all of their words ("Mother Grace Kamau" is the reporter's whole name).
 */
function namesSomeoneElse(run: string, own: ReadonlySet<string>): boolean {
  const lower = runWords(run);
  return lower.some((w) => own.has(w)) && lower.some((w) => !own.has(w) && !TITLES.has(w) && [...w].length >= 3) && ![...own].every((w) => lower.includes(w));
}

/** A run's words in lower case, a double-barrelled name's parts apart ("Wa-Kamau"). */
const runWords = (run: string) => run.toLowerCase().split(/[ \t-]+/).filter(Boolean);

/**
 * The story or a message, blanked by `blank` except the victim's name where it holds a word of the
 * reporter's own name: the reporter's answer to "who did it happen to?" (`victim`) named them so
 * ("My son Brian Kamau", from Grace Kamau), and an agency needs whom to look for. Kept wherever it
 * is written with those words only ("Brian Kamau", "Kamau Brian"); the reporter's own name
 * ("Grace Kamau", "Mama Kamau", "Kamau" alone) stays blanked. The officers' counterpart is
 * `keepOfficersNamedAsIn`.
 */
export function keepVictimNamedAsIn(text: string, blank: (s: string) => string, victim: string | undefined, ownNames: readonly string[]): string {
  const own = ownNameWords(ownNames);
  const victimWords = new Set([...(victim ?? '').matchAll(NAME_RUN)].filter((m) => namesSomeoneElse(m[0], own)).flatMap((m) => runWords(m[0])));
  if (!victimWords.size) return blank(text);
  let out = '';
  let from = 0;
  for (const m of text.matchAll(NAME_RUN)) {
    if (!namesSomeoneElse(m[0], own) || !runWords(m[0]).every((w) => victimWords.has(w))) continue;
    out += blank(text.slice(from, m.index)) + m[0];
    from = m.index + m[0].length;
  }
  return out + blank(text.slice(from));
}

/**
 * Text that outlives its reporter's identity (retention): each word of their own name (three
 * letters or more) where it is written as a name, capitalised ("Haki" is blanked, "haki" in a
 * sentence is not), their username whole, their own numbers and the email addresses they wrote to
 * us; other people's numbers and places stay. `own.names`: first and last name as Telegram gave them.
 */
export function withoutOwnIdentity(text: string, own: OwnIdentityWords, marks: OwnIdentityMarks): string {
  const names = nameWords(own.names);
  // Their own addresses whole first: a name inside one ("Wanjiru.K@...") would leave the rest to read.
  let out = blankEmails(text, own.emails ?? [], marks.email ?? marks.phone);
  out = names ? out.replace(names, (m) => (/^\p{Lu}/u.test(m) ? marks.name : m)) : out;
  if (own.username) out = blankUsername(out, own.username, marks.name);
  for (const p of own.phones) out = blankNumber(out, p, marks.phone);
  return out;
}

/** Whole-word name words in any case, except these (as in `ownNameWritten`), which only a capital makes a name. */
function blankNameWordsAnyCase(text: string, names: RegExp | null, mark: string): string {
  return names ? text.replace(names, (m) => (TITLES.has(m.toLowerCase()) && !/^\p{Lu}/u.test(m) ? m : mark)) : text;
}

/**
 * `blank` applied to the text between the marks only: a mark is never read as a name or a number
 * (a reporter called "Jina" would otherwise be found again in "[jina limefichwa]" on every pass).
 */
function outsideMarks(text: string, marks: readonly string[], blank: (part: string) => string): string {
  if (!marks.length) return blank(text);
  const split = new RegExp(`(${marks.map(escapeRe).join('|')})`, 'u');
  return text.split(split).map((part, i) => (i % 2 ? part : blank(part))).join('');
}

/**
 * Text that stays after its reporter asked us to delete their details (/forget): unlike
 * `withoutOwnIdentity`, each word of their name is blanked in any case ("my name is john kamau"),
 * since they asked for exactly this and a lower-case name is as much theirs; a title word of
 * their Telegram name ("Mama Njeri") only where capitalised, as elsewhere. The email addresses they
 * wrote to us and their username whole first (a name inside either would leave the rest to read),
 * then the name, then their own numbers.
 * Idempotent: the marks, and `keep` (marks in the other language, written by an earlier pass),
 * are never matched, so blanking again changes nothing.
 */
export function withoutForgottenIdentity(text: string, own: OwnIdentityWords, marks: OwnIdentityMarks, keep: readonly string[] = []): string {
  const emailMark = marks.email ?? marks.phone;
  const protect = [...new Set([marks.name, marks.phone, emailMark, ...keep].filter(Boolean))].sort((a, b) => b.length - a.length);
  const names = nameWords(own.names);
  const { username, emails = [] } = own;
  const pass = (text: string) => {
    let out = outsideMarks(text, protect, (part) => blankEmails(part, emails, emailMark));
    out = username ? outsideMarks(out, protect, (part) => blankUsername(part, username, marks.name)) : out;
    out = outsideMarks(out, protect, (part) => blankNameWordsAnyCase(part, names, marks.name));
    for (const p of own.phones) out = outsideMarks(out, protect, (part) => blankNumber(part, p, marks.phone));
    return out;
  };
  // Again until nothing changes: a blank can free a neighbour ("0712345678john": the name is a
  // word only once the number beside it is a mark). Each change leaves less unmarked text, so it ends.
  let out = text;
  for (let next = pass(out); next !== out; next = pass(out)) out = next;
  return out;
}
