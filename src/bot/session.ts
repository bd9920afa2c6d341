import type { CategoryCode, HateChannel, Injuries, InjuryQuestion, OfficerDetails, Perpetrator, PollingStation, ReportKind, ReporterRole, WhenChoice } from '../domain';
import type { Lang } from '../i18n';
import type { Evidence } from '../store';
import type { WizardInput } from './wizard/types';

/**
 * The wizard's steps, in order: danger is asked right after the category, so help numbers come
 * before anything else is typed; evidence (`ev`) and the phone number (`contact`) are reached from
 * the review, where the reporter also chooses to send anonymously or not. After "when" come the
 * optional details for the agency (`DETAIL_STEPS`), each skippable. Where injuries are what the
 * case is about, the story is followed by "was anyone hurt?" (`hurt`) and, if so, "is there a P3
 * form or a medical report?" (`p3`), both skippable. Names double as the step part of
 * callback_data, so they stay short.
 */
export const STEPS = ['kind', 'cat', 'danger', 'desc', 'hurt', 'p3', 'county', 'place', 'when', 'role', 'vic', 'ofc', 'unit', 'wear', 'stn', 'plate', 'by', 'how', 'pstn', 'const', 'ward', 'ev', 'contact', 'review'] as const;
export type Step = (typeof STEPS)[number];

/**
 * The optional questions an agency needs to act (issue 15): whom it happened to; for police
 * misconduct the officers' names or numbers, unit, what they wore, station and vehicle plate; for election
 * incidents who did it, where hate speech was said or spread, the polling station, constituency
 * and ward. Each can be skipped, or all at once.
 */
export const DETAIL_STEPS = ['role', 'vic', 'ofc', 'unit', 'wear', 'stn', 'plate', 'by', 'how', 'pstn', 'const', 'ward'] as const satisfies readonly Step[];
export type DetailStep = (typeof DETAIL_STEPS)[number];

/** A file the reporter sent, kept by Telegram ids only (the bytes stay on Telegram until an agent opens them). */
export type MediaRef = Evidence;

/** A text forwarded from someone else: its words, who Telegram says sent it, and when (epoch ms). */
export interface PassedOnRef {
  text: string;
  from?: string;
  at?: number;
}

/** A report in progress: codes and Telegram file ids only, never rendered text. */
export interface Draft {
  /** Random id: also the idempotency key of the report, and part of every wizard callback_data. */
  id: string;
  step: Step;
  /** Set while the reporter edits one part from the review screen: finishing it returns there. */
  editing?: true;
  kind?: ReportKind;
  category?: CategoryCode;
  /** What happened, typed; or else `voice`. */
  text?: string;
  /**
   * Parts of a long paste that Telegram split into several messages, while more may follow
   * (`at`: when the newest arrived, epoch ms). Joined into `text` when the last part comes or the
   * window passes.
   */
  parts?: { texts: string[]; at: number };
  /**
   * `text` is short parts of the story sent before its question, which do not yet tell what
   * happened on their own: the story question is still asked, showing them, and its answer goes
   * on from them. A new optional field, as `town`: a release without it skips the question as
   * for any story told early. `first`: the few words of the report's first message ("Polisi
   * wamenipiga"), asked for more the same way, except on the danger path, where the story
   * question was skipped for them before and the county must not wait (a release without the
   * value asks as for `true`).
   */
  storyPart?: true | 'first';
  /** When a full-length story kept before its question arrived (epoch ms): its next part may follow. */
  earlyAt?: number;
  /** That story was cut at its limit, the rest quoted back: no later part is joined after the cut (a new optional field, as `town`). */
  earlyFull?: true;
  /** `text` was cut at its limit and the words after the cut quoted back: the review says the story stops there (a new optional field, as `town`). */
  storyCut?: true;
  /** Files of an album were kept and their one answer waits for the album's end (the `flush` after the window); `full`: some came past the limit. */
  albumPending?: true | 'full';
  /**
   * The last button pressed on the live question, `<step>:<value>@<message id>`, until anything
   * else comes: the same tap again (on the same message) is a double tap, answered quietly. A new optional field, as `town`: the version is unchanged.
   */
  tapped?: string;
  /** A typed cancel word is waiting for "yes, cancel" or "no, continue". */
  cancelAsked?: true;
  /**
   * The message showing the kind question's buttons, while the draft waits there: the welcome's
   * kind tapped instead takes them off it (they would only answer "older message"). Kept from
   * what sending or editing it returned, no call of its own. A new optional field, as `town`:
   * a release without it leaves the buttons, and the version is unchanged.
   */
  kindAsked?: number;
  voice?: MediaRef;
  county?: number;
  /** County keyboard page currently shown. */
  countyPage?: number;
  /**
   * A town or area named at the county question ("Kitengela"; "Roysambu" or "Rongai" offered with
   * their county): while `county` is one of `counties`, the place question asks where in it
   * exactly, and the place answered is kept with it, so the reporter never types it twice. A new
   * field needs no new session version: a release without it ignores it and asks "Where in <county>?".
   */
  town?: {
    name: string;
    counties: number[];
    /**
     * Beside the town, not in it ("nje ya Naivasha", "near Kisumu"), as typed: the place question
     * asks where exactly, and the answer is kept with these words. A new optional field, as `town`:
     * a release without it asks "Where in <town> exactly?".
     */
    beside?: string;
  };
  /**
   * The one county the last answer to the county question was offered as ("Did you mean Kisumu?"):
   * "ndio" takes it, and it stays on top of the list while the question is asked again. A new
   * optional field, as `town`: the version is unchanged.
   */
  offered?: number;
  /**
   * The category a sentence typed at the category question named ("they beat my brother"), offered
   * for a tap: "ndio" takes it. A new optional field, as `town`: the version is unchanged.
   */
  offeredCategory?: CategoryCode;
  /** The reporter was told that chiefs and county askari are not the police (`sayNotPolice`). A new optional field, as `town`. */
  notPoliceSaid?: true;
  place?: string;
  location?: { lat: number; lon: number };
  /**
   * The pin was shared before the county was answered (at the county question, or while telling
   * the story): the county chosen next keeps it, and the place question is not asked for it again.
   * A new field needs no new session version: a release without it asks the place as before.
   */
  locationEarly?: true;
  /**
   * `place` was typed at the county question before the county was answered ("at the roadblock",
   * "kwa Mama Ngina"): the county chosen next keeps it, and the place question is not asked for it
   * again. A new optional field, as `town`: a release without it asks the place as before.
   * 'again': typed while the county was asked again over one given ("nimekosea kaunti", Change ->
   * Place); a bare `true` on a draft with a county is an older release's leftover and keeps nothing.
   * Dropped when the county question is left any other way than by an answer (`Turn.go`).
   */
  placeEarly?: true | 'again';
  /**
   * A place typed early ("Kayole") that lies in other counties than the one chosen (Mombasa), set
   * aside with a note (`Turn.placeElsewhere`): the place again when one of its counties is chosen
   * next (Back, or typed where the place is asked), dropped when a place or a pin is given. A new
   * optional field, as `placeEarly`: a release without it asks the place as before.
   */
  placeSetAside?: string;
  /**
   * The place set aside or kept early was read out of the words typed ("ni Thika": "Thika", Yes to
   * "Change the county?"), so it is not said to be "as you wrote it" when kept. Spent with the marks
   * of a place typed early (`placeGiven`). A new optional field: a release without it says "as you wrote it", as before.
   */
  placeRead?: true;
  /**
   * `county` was typed at an injury question before its own ("nairobi" at "was anyone hurt?"):
   * the county question is passed once, as answered. A new optional field, as `placeEarly`: a
   * release without it asks the county again, with the county given kept on the draft.
   */
  countyEarly?: true;
  /**
   * The reporter said they do not know the county and was asked for the nearest town ("sijui"):
   * a name typed next that no list knows is that town, kept as the place (`unknownTown`). A new
   * optional field, as `placeEarly`: a release without it says "I do not know that county".
   */
  townAsked?: true;
  when?: WhenChoice;
  /** Epoch milliseconds. */
  incidentAt?: number;
  /** A time of day typed with the day ("jana saa nne usiku"), as typed: the day alone is parsed. */
  timeOfDay?: string;
  /**
   * A time that is no day, typed at the date question ("mwezi uliopita", "last month"), as typed,
   * until the day is answered: "tarehe 5" after it is the 5th of last month. A new optional field,
   * as `town`: a release without it reads the day alone, and the version is unchanged.
   */
  whenSaid?: string;
  /**
   * The last answer at the date question gave no day ("last week", "sijui"): the next such answer
   * says what the question takes and goes to the story, never the same question a third time.
   * Dropped when the question is left. A new optional field, as `town`: the version is unchanged.
   */
  whenMissed?: true;
  /**
   * "Wikendi" typed at the date question: its Saturday and Sunday are on offer (`when.weekend`), and
   * stay on the question asked again ("ndio", "sijui") until a day is given or the question is left.
   * A new optional field, as `town`: the version is unchanged.
   */
  weekendAsked?: true;
  evidence?: MediaRef[];
  /** Texts forwarded from someone else: kept with the report, never as the story. */
  passedOn?: PassedOnRef[];
  danger?: boolean;
  /**
   * The first message said someone is in danger ("Msaada! Wanampiga kaka yangu", "tuko hatarini") and got
   * the numbers at once: the danger question takes it as the yes instead of asking it after them,
   * while it is recent (`dangerSaidAt`). A new optional field, as `town`: a release without it asks
   * the question as before.
   */
  dangerSaid?: true;
  /**
   * When `dangerSaid` was said (epoch ms): after a while (src/bot/wizard/turn.ts
   * `DANGER_SAID_FOR_MS`) the question is asked, as the danger may be over. A new optional field,
   * as `town`: a release without it honours `dangerSaid` at any age, as before; a draft written
   * before it has the mark without a time, which is asked (when it was said is unknown, and a
   * stale yes alerts staff), so the version is unchanged.
   */
  dangerSaidAt?: number;
  /**
   * The reference of the report stored the moment the reporter said someone is in danger (issue
   * 14): sending completes that report, cancelling leaves it as a ticket marked not finished.
   */
  urgent?: string;
  /**
   * A correction typed at the review ("hapana ilikuwa jana"), or another county's name typed where the
   * place is asked ("Nairobi" at "Where in Kiambu?": `county` only, No makes the words the place), not yet acted on: `words` as typed,
   * which go to the story unless used for a change; the new `when`, `county` or `place` read from
   * them, waiting for the reporter's Yes (absent: `part`'s question was opened instead). A new optional
   * field, as `town`: a release without it shows the review, and the version is unchanged (one
   * without `place` answers its Yes with the review unchanged, the words kept in the story on No).
   */
  fix?: {
    part: 'when' | 'county' | 'place' | 'category';
    words: string;
    /** The category the words say it was ("si hongo ni kupigwa"): on Yes it changes, and the words stay in the story. */
    category?: CategoryCode;
    when?: { when: WhenChoice; incidentAt: number; timeOfDay?: string };
    county?: { code: number; town?: string };
    place?: string;
    /** What was done at the new place ("I was at the stage when they beat me"): added to the story on Yes. */
    told?: string;
    /** The answer as typed, when `words` were read out of it ("ni Thika": "Thika"): the place kept from them is not said to be as typed. */
    typed?: string;
  };
  /** Chosen with the Send button on the review (absent until then). */
  anonymous?: boolean;
  /** Phone from the reporter's own shared contact; written (encrypted) to the reporter record on submit. */
  phone?: string;
  /** The optional details (absent when skipped). */
  role?: ReporterRole;
  /** Reporting for someone else: who it happened to, in the reporter's words (IPOA needs the victim). */
  victim?: string;
  officers?: OfficerDetails;
  /** Whether anyone was hurt, treated, and holds a P3 form or medical report (absent when skipped or not asked). */
  injuries?: Injuries;
  /**
   * The injury questions the reporter skipped ("skip", "sijui"), as against never asked: after a
   * category change, one that reads the same is not asked again (domain `skippedAfterCategoryChange`).
   * A new optional field, as `town`: a draft from before has none marked, so a question skipped
   * then is asked again after a change, as before; a rollback ignores it the same way, so the
   * version is unchanged (a new version would make a rollback drop every session).
   */
  injuriesSkipped?: InjuryQuestion[];
  /**
   * The category the injury answers (and skips) were given under, while a change of kind left the
   * draft without one: the next category keeps them by the same rule (src/bot/wizard/buttons.ts
   * `leaveCategory`). A new optional field, as `injuriesSkipped`: the version is unchanged.
   */
  injuriesUnder?: string;
  /** Election incidents: who did it, and for hate speech where it was said or spread. */
  perpetrator?: Perpetrator;
  channel?: HateChannel;
  pollingStation?: PollingStation;
  /** IEBC constituency and ward codes (data/kenya-electoral-units.json), within `county`. */
  constituency?: number;
  ward?: number;
}

/** One message sent outside the wizard: its text (or caption) and its file. */
export interface PendingMessage {
  text?: string;
  media?: MediaRef;
  /** The Telegram message's id and date (sessions written before it lack them): stored once however often it is attached. */
  tg?: [number, number];
  /** Forwarded from someone else: who sent it, and when (epoch ms). */
  fwd?: { from?: string; at?: number };
}

/** Messages sent outside the wizard while several tickets are open: they wait for "which report?". */
export interface PendingReply {
  reportIds: string[];
  /** In the order they were sent; all go to the report chosen. */
  messages: PendingMessage[];
  /** When the last one was sent (epoch ms): they wait an hour for the choice. */
  at: number;
  /** A report closed lately, offered beside the open ones as closed: the messages may be about it. */
  closed?: { reportId: string; reference: string };
}

/**
 * Messages sent during a report as replies to a staff message about another ticket: the reply box
 * a staff message opens may hold the report's words (and the report may go anonymously), so they
 * wait, with what the reporter sends after them, for the reporter to say where they go.
 */
export interface PendingAnswer {
  /** The staff message replied to, and the ticket it is about. */
  to: number;
  reference: string;
  /** The report in progress when they were sent: "into my new report" means that one. */
  draftId: string;
  /**
   * In the order sent, as the wizard reads them; `tg`: the Telegram message's id and date, so "to
   * staff" stores each once; `r`: a reply to the staff message (only these can go to staff; what
   * was typed after them without replying goes into the report either way).
   */
  held: { input: WizardInput; tg: [number, number]; r?: true }[];
  /** When the last one was sent (epoch ms). */
  at: number;
}

/**
 * Messages that got "your report is closed" under the button "Ask staff to look at it again"
 * (src/bot/features/reopen.ts): the tap sends them to that report. Kept as long as the session
 * (the rule, checked again at the tap, says whether the report may still be reopened). Never a
 * message that began a new report: it is in that report. A new optional field: a session from before reads as it is, and a rollback only forgets the
 * messages (the reporter was told they reached no one), so the version is unchanged.
 */
export interface PendingDispute {
  reportId: string;
  messages: PendingMessage[];
}

export const SESSION_VERSION = 8;

export interface SessionData {
  v: typeof SESSION_VERSION;
  lang?: Lang;
  draft?: Draft;
  /**
   * The last submitted draft, so a late second tap on Confirm gets the same reference (`told`: said
   * once already). `at`: when "received" was said (epoch ms), and `thanked`: a bare thanks after it
   * was answered (src/bot/features/replies.ts). New optional fields: a session without them treats a
   * thanks as any message, and a rollback ignores them; the version is unchanged.
   */
  lastSubmitted?: { draftId: string; reference: string; told?: true; at?: number; thanked?: true };
  /**
   * The draft the reporter cancelled last: its buttons, still on screen, say so rather than that an
   * unsent report is deleted after 24 hours. A new optional field, as `pendingDispute`: a release
   * without it says the latter, as before; the version is unchanged.
   */
  cancelled?: string;
  pendingReply?: PendingReply;
  pendingAnswer?: PendingAnswer;
  pendingDispute?: PendingDispute;
  /** The staff message whose "where should it go?" was answered last: a second tap on its buttons is the same answer. */
  answered?: number;
  /** The report chosen last on "which report?": a second tap on it is the same choice, not an expired one. */
  picked?: string;
  /** The closed report "which report?" offered beside that choice, if any (ConversationService.take). */
  pickedOver?: string;
  /** The last message whose edit the reporter was told is not seen (told once per message). */
  editTold?: number;
  /** The last album (media_group_id) sent outside a report: its other files are not answered again. */
  album?: string;
  /**
   * The last album answered "your report is closed" (src/bot/closed-answer.ts): its other files
   * are kept with it for the tap, not answered again. A new optional field, as `pendingDispute`:
   * a release without it answers each file, as before; the version is unchanged.
   */
  closedAlbum?: string;
  /** The language the reporter writes in, guessed from their words while none is chosen (`guessLanguage`). */
  guessed?: Lang;
  /**
   * The mark of the latest /forget question (src/bot/features/forget.ts): only its buttons answer
   * it. A new optional field: a rollback ignores it, and the buttons then say they are out of date.
   */
  forgetAsk?: string;
  /**
   * The mark of the /forget question whose Delete was done: a second tap on its buttons (a slow
   * phone, a double tap) is told it is done again. Kept in the fresh session the request leaves.
   */
  forgotten?: string;
}

export function newSession(): SessionData {
  return { v: SESSION_VERSION };
}

/**
 * Session migrations, as in grammY's `enhanceStorage`: the function under key n turns data of the
 * previous version into version n; the lowest key also takes data written before sessions had a
 * version (`v` absent = version 0). Add a key, never edit one: sessions of every older version may
 * still be in Redis (they live 7 days).
 */
export const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {
  1: fromSingleLetters,
  2: dangerFirst,
  3: withDetails,
  4: pendingList,
  // New steps and fields only (who did it, where hate speech was spread): older sessions read as they are,
  // and a rollback to a release without them starts afresh rather than meeting a step it does not know.
  5: (old) => old,
  // Messages waiting for "where should it go?" (`pendingAnswer`): a rollback starts afresh rather than leave them unseen.
  6: (old) => old,
  // Texts passed on from someone else (`draft.passedOn`): a rollback starts afresh rather than send them as nothing.
  7: (old) => old,
  // The injury questions after the story (`hurt`, `p3`, `draft.injuries`): a draft written before
  // reads as it is (one past the story goes on without them; one at the story meets them next);
  // a rollback starts afresh rather than meet a step it does not know.
  8: (old) => old,
};

/** A stored session in any known version as the current one; undefined (start afresh) if it cannot be read. */
export function migrateSession(raw: unknown): SessionData | undefined {
  if (!isRecord(raw)) return undefined;
  const version = raw.v === undefined ? 0 : raw.v;
  // A session from a newer release (a rollback) cannot be read safely: the reporter starts afresh.
  if (typeof version !== 'number' || version > SESSION_VERSION) return undefined;
  let data = raw;
  const pending = Object.keys(MIGRATIONS)
    .map(Number)
    .filter((n) => n > version)
    .sort((a, b) => a - b);
  for (const n of pending) data = { ...MIGRATIONS[n](data), v: n };
  return data as unknown as SessionData;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Version 0 -> 1: the single-letter fields of the first release (`{l, d: {s, k, c, tx, …}, done, rp}`). */
function fromSingleLetters(old: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (old.l !== undefined) out.lang = old.l;
  if (isRecord(old.d)) out.draft = draftV1(old.d);
  if (isRecord(old.done)) out.lastSubmitted = { draftId: old.done.d, reference: old.done.r };
  if (isRecord(old.rp)) out.pendingReply = defined({ reportIds: old.rp.ids, text: old.rp.tx, media: isRecord(old.rp.m) ? mediaV1(old.rp.m) : undefined });
  return out;
}

function draftV1(d: Record<string, unknown>): Record<string, unknown> {
  const g = Array.isArray(d.g) && d.g.length === 2 ? { lat: d.g[0] as unknown, lon: d.g[1] as unknown } : undefined;
  return defined({
    id: d.id,
    step: d.s,
    editing: d.e ? true : undefined,
    kind: d.k,
    category: d.c,
    text: d.tx,
    voice: isRecord(d.v) ? mediaV1(d.v) : undefined,
    county: d.co,
    countyPage: d.pg,
    place: d.p,
    location: g,
    when: d.w,
    incidentAt: d.at,
    evidence: Array.isArray(d.ev) ? d.ev.filter(isRecord).map(mediaV1) : undefined,
    danger: d.dg,
    anonymous: d.an,
    phone: d.ph,
  });
}

function mediaV1(m: Record<string, unknown>): Record<string, unknown> {
  return defined({ kind: m.k, fileId: m.f, fileUniqueId: m.u, size: m.s, mimeType: m.m, fileName: m.n, durationSec: m.d, caption: m.c });
}

/** Leaves out absent fields, so a migrated session is as small as a new one. */
function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Steps of version 1 that came after the category (danger was asked 6 steps later). */
const PAST_CATEGORY_V1 = ['desc', 'county', 'place', 'when', 'ev', 'danger', 'anon', 'contact', 'review'];

/**
 * Version 1 -> 2: danger moved to right after the category, and the anonymous choice into the
 * review's Send buttons. A draft past the category without a danger answer is asked it now; as
 * an edit, so the answer leads back to the review, which asks whatever else is still missing.
 * A draft at the removed `anon` step goes to the review.
 */
function dangerFirst(old: Record<string, unknown>): Record<string, unknown> {
  if (!isRecord(old.draft)) return old;
  const d = { ...old.draft };
  if (d.step === 'anon') d.step = 'review';
  if (d.danger === undefined && typeof d.step === 'string' && PAST_CATEGORY_V1.includes(d.step) && d.category !== undefined) {
    d.step = 'danger';
    d.editing = true;
  }
  return { ...old, draft: d };
}

/**
 * Version 2 -> 3: the optional detail steps and fields were added; nothing existing changed, so a
 * version-2 draft reads as it is (a draft past "when" goes on to the review without the new
 * questions). The bump makes an older release, after a rollback, start such sessions afresh
 * instead of meeting steps it does not know.
 */
function withDetails(old: Record<string, unknown>): Record<string, unknown> {
  return old;
}

/**
 * Version 3 -> 4: a reply waiting for "which report?" holds every message sent meanwhile, not
 * only the last one (each new one used to replace the one before).
 */
function pendingList(old: Record<string, unknown>): Record<string, unknown> {
  const p = old.pendingReply;
  if (!isRecord(p)) return old;
  // Its time was not kept: it waits from the upgrade on.
  return { ...old, pendingReply: { reportIds: p.reportIds, messages: [defined({ text: p.text, media: p.media })], at: Date.now() } };
}
