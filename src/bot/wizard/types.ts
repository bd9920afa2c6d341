import type { ReportKind } from '../../domain';
import type { IntakeRequest, IntakeResult, UrgentRequest } from '../../services/intake-service';
import type { DetailStep, Draft, MediaRef, PassedOnRef, SessionData, Step } from '../session';

/** What the wizard keeps between updates: the draft, and the last report filed (for a late second Confirm). */
export type WizardState = Pick<SessionData, 'draft' | 'lastSubmitted' | 'cancelled'>;

/** One thing the reporter did, as plain data (src/bot/wizard/parse.ts builds it from a Telegram update). */
/** What a first message told (a story, a voice note), or a file sent before anything else (`album`: one of several sent together). */
/** A story written or said, or a file (`text`: its caption, when that tells what happened). */
/** `passedOn`: a text forwarded from someone else, kept beside the story the reporter is then asked for. */
export type FirstMessage = { text: string; storyPart?: true | 'first' } | { voice: MediaRef } | { file: MediaRef; album?: true; text?: string } | { passedOn: PassedOnRef };

export type WizardInput =
  /**
   * "Report an incident": resumes the draft in progress, or starts one with this id (at the
   * category when the kind was chosen on the first message; with `story` when someone wrote what
   * happened before any report was begun).
   */
  /** `story`: what the first message told (a story, a voice note), or a file sent before anything else, kept as evidence. */
  | { type: 'begin'; newDraftId: string; kind?: ReportKind; story?: FirstMessage; dangerSaid?: true; identity?: 'anonymous' }
  /** /start while a draft is open: say so and carry on. */
  | { type: 'resume' }
  /** Ask the current question again (after a language change). */
  | { type: 'show' }
  /** /cancel. */
  | { type: 'cancel' }
  /** A wizard button: `w:<draftId>:<step>:<value>`, not yet checked against the draft. */
  /** `messageId`: the message the button was on (a double tap carries the same one; an older question's button another). */
  | { type: 'button'; draftId: string; step: string; value: string; messageId?: number }
  /** Typed text; `label` when it is the Back or Cancel reply-keyboard button's text in the reporter's language. */
  | { type: 'text'; text: string; label?: 'back' | 'cancel' }
  /** Text forwarded from someone else: evidence of what was said, never the reporter's own account. */
  | ({ type: 'passedOn' } & PassedOnRef)
  /** A command no other feature handles. */
  | { type: 'command'; command: string }
  /**
   * `album`: one of several files sent together (Telegram's media group): the answer waits for the last.
   * `forwarded`: someone else's message passed on (a voice note is then evidence, never the story): who sent it, and when.
   */
  | { type: 'media'; media: MediaRef; caption?: string; album?: true; forwarded?: Omit<PassedOnRef, 'text'> }
  | { type: 'location'; lat: number; lon: number }
  /** A shared contact; `own` when it is the sender's own number. */
  | { type: 'contact'; phone: string; own: boolean }
  /** Any other message (sticker, poll, …). */
  | { type: 'other' }
  /** The window for more parts of a split paste has passed: take the story as it is. */
  | { type: 'flush'; draftId: string }
  /** What intake answered to a `submit` effect; `answerWithinMinutes` from the configured SLA for this report's priority. */
  | { type: 'submitted'; draftId: string; result: IntakeResult; answerWithinMinutes?: number }
  /** What intake answered to an `urgent` effect. */
  | { type: 'urgentStored'; draftId: string; result: IntakeResult };

/** A text from the locale files (`bot` namespace unless the key names another). */
export interface Text {
  key: string;
  /** A parameter may itself be a Text, or a county named in the reader's language (`CountyName`). */
  params?: Record<string, unknown>;
}

/** A county as a parameter: rendered with its name in the reporter's language (West Pokot / Pokot Magharibi). */
export interface CountyName {
  countyCode: number;
}

/** Keyboards by what they offer; src/bot/keyboards.ts draws them. */
export type Keyboard =
  | { type: 'main' }
  | { type: 'startAgain' }
  | { type: 'remove' }
  | { type: 'kind'; draftId: string }
  | { type: 'category'; draftId: string; kind: ReportKind }
  /** `keep`: the story question asked again while one is kept: a button to keep it (`all`: "That's all", to a story kept in part). */
  | { type: 'nav'; draftId: string; step: Step; keep?: true | 'all' }
  | { type: 'county'; draftId: string; page: number; suggestion?: number; also?: number }
  | { type: 'place' }
  /**
   * `weekend`: "wikendi" typed, its Saturday and Sunday offered to tap (each day's start, as `Draft.incidentAt`).
   * `said`: the day of the week or "juzi" the story names (`dateInStory`, its start), offered above the question: one tap, as "yes".
   */
  | { type: 'when'; draftId: string; weekend?: [number, number]; said?: number }
  | { type: 'evidence'; draftId: string; count: number }
  | { type: 'danger'; draftId: string }
  | { type: 'contact' }
  | { type: 'review'; draftId: string }
  /**
   * An optional detail question: its choices (a locale key, or a name such as a constituency's),
   * Skip, and skip the whole group (`first`: on the first question it reads "Skip these questions").
   */
  | { type: 'detail'; draftId: string; step: DetailStep; choices?: Choice[]; first?: true }
  /** The review's "change" menu (`injuries`: it offers the injury question too). */
  | { type: 'edit'; draftId: string; injuries?: true }
  /** "Was anyone hurt?" (`others`: anyone else, after a killing) or the P3 question: its choices, Skip, Back and Cancel. */
  | { type: 'injury'; draftId: string; step: 'hurt' | 'p3'; others?: true }
  /** "Cancel this report?" after a typed cancel word. */
  | { type: 'cancelAsk'; draftId: string; step: Step }
  /**
   * "Change the county to Nyandarua?" after a correction typed at the review: Yes, or No (the words go to the story).
   * `keep`: asked where the place is, the county chosen, which No keeps (the words are then the place).
   */
  | { type: 'fix'; draftId: string; keep?: number }
  | { type: 'confirmAgain'; draftId: string };

/** A button of a detail question: `key` is a bot locale key, `label` a name shown as it is. */
export interface Choice {
  value: string;
  key?: string;
  label?: string;
}

export type Reply =
  /** Answers the button press; a short notice when `text` is set. */
  | { type: 'answer'; text?: Text }
  /** One message: the texts joined by a blank line. */
  | { type: 'message'; texts: Text[]; html?: true; keyboard?: Keyboard }
  /** The review summary of the draft, with its keyboard. */
  | { type: 'review'; draft: Draft }
  /**
   * Emergency and help numbers for this category, shown at once when someone is in danger; `shown`
   * when every report's numbers were shown already (a first message that said so): only this category's own.
   */
  | { type: 'emergency'; category: string; shown?: true }
  /** An earlier question's buttons taken off it, answered another way (the message stays as it was). */
  | { type: 'unbutton'; messageId: number };

export type Effect =
  | { type: 'started' }
  /** `abandon`: the draft whose urgent report stays as a ticket, marked not finished. */
  | { type: 'cancelled'; step: Step; abandon?: string }
  /** Someone is in danger: store and queue the report now; the answer comes back as `urgentStored`. */
  | { type: 'urgent'; draftId: string; report: UrgentRequest['report'] }
  /** Part of a split paste arrived: feed a `flush` input back after the window unless more parts come. */
  | { type: 'hold'; draftId: string }
  /** Store the report; the answer comes back as a `submitted` input. */
  | { type: 'submit'; draftId: string; report: IntakeRequest['report']; phone?: string };

/**
 * A button press answered in place: the first message replaces the question whose button was
 * pressed, under "✓ <the choice>" (`choice`) or as it is (`same`: another page, Back).
 */
export type InPlace = 'choice' | 'same';

export interface StepResult {
  state: WizardState;
  replies: Reply[];
  effects: Effect[];
  inPlace?: InPlace;
}
