import { randomBytes } from 'node:crypto';
import type { ReportKind } from '../../domain';
import type { IntakeRequest, IntakeResult, UrgentProgress } from '../../services/intake-service';
import type { Draft } from '../session';
import { urgentSoFar } from './flow';
import type { BotContext } from '../context';
import { answersLeftByCancel, askWhichReportAgain } from '../held-answers';
import { messageInput } from './parse';
import { renderTurn } from './render';
import { step } from './step';
import type { Effect, WizardInput } from './types';

export { formatDay } from './format';
export { emergencyNumbers } from './render';
export { WIZARD_DATA, buttonInput, messageInput, onlyThanks, passedOn, passedOnText, readWord, typedRating } from './parse';
export { step } from './step';
export { SEND } from './buttons';
export { PART_MIN_CHARS } from './flow';
export { earlyVoice, passedOnRef } from './messages';
export { earlyStory, firstWords } from './story-words';
export type { FirstMessage, WizardInput } from './types';

export function newDraftId(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * Runs one wizard step for this update: the pure `step` decides, this applies its state to the
 * session, sends its replies and carries out its effects (a submit feeds intake's answer back in).
 */
export async function runWizard(ctx: BotContext, input: WizardInput): Promise<void> {
  const draftId = ctx.session.draft?.id;
  const before = soFar(ctx.session.draft);
  const { draft, lastSubmitted, cancelled: cancelledId } = ctx.session;
  const { state, replies, effects, inPlace } = step({ draft, lastSubmitted, ...(cancelledId ? { cancelled: cancelledId } : {}) }, input, ctx.now());
  ctx.session.draft = state.draft;
  ctx.session.lastSubmitted = state.lastSubmitted;
  if (state.cancelled) ctx.session.cancelled = state.cancelled;
  for (const effect of effects) if (effect.type !== 'submit' && effect.type !== 'urgent') note(ctx, effect);
  // Any update of this reporter ends the wait for more parts (a new part starts it again below),
  // unless parts still wait (a photo sent between them): their wait goes on, or nothing would
  // take them until the reporter wrote again.
  if (ctx.from && !state.draft?.parts) ctx.parts.cancel(ctx.from.id);
  for (const effect of effects) if (effect.type === 'hold' && ctx.from) ctx.parts.hold(ctx.from.id, ctx.update);
  const kindAt = await renderTurn(ctx, replies, inPlace);
  keepKindAsked(state.draft, kindAt);
  for (const effect of effects) {
    if (effect.type === 'submit') await submit(ctx, effect);
    else if (effect.type === 'urgent') await urgent(ctx, effect);
    else if (effect.type === 'cancelled') await cancelled(ctx, effect, draftId);
  }
  // Someone in danger: each answer goes onto the report stored at once, for staff to read now.
  const now = state.draft?.id === draftId ? soFar(state.draft) : undefined;
  // (A story typed before the alert goes on with the first step after it.)
  if (draftId && now && now.json !== (before?.json ?? '{}')) await ctx.deps.intake.progress(draftId, now.answers);
}

/** Where the kind question's buttons are, while the draft waits there (`Draft.kindAsked`); forgotten once it leaves. */
function keepKindAsked(d: Draft | undefined, kindAt: number | undefined): void {
  if (d?.step !== 'kind') delete d?.kindAsked;
  else if (kindAt !== undefined) d.kindAsked = kindAt;
}

/** A draft's answers so far, when its report was stored early (and only then); `json` to tell a change. */
function soFar(d: Draft | undefined): { answers: UrgentProgress; json: string } | undefined {
  if (!d?.urgent) return undefined;
  const answers = urgentSoFar(d);
  return { answers, json: JSON.stringify(answers) };
}

async function cancelled(ctx: BotContext, effect: Extract<Effect, { type: 'cancelled' }>, draftId: string | undefined): Promise<void> {
  // The report stored when someone was in danger stays as a ticket, marked not finished.
  if (effect.abandon) await ctx.deps.intake.abandon(effect.abandon);
  await answersLeftByCancel(ctx, draftId);
  await askWhichReportAgain(ctx);
}

/**
 * After an answer outside the report (/help, /privacy, /status) while one is being written: its
 * question again, as /start asks it, so the reporter sees the report is kept and what comes next
 * (the question above may be far up the chat, and its reply keyboard was the only hint).
 */
export async function resumeIfWriting(ctx: BotContext): Promise<void> {
  if (ctx.session.draft) await runWizard(ctx, { type: 'resume' });
}

/** "Report an incident": resumes the draft in progress or starts a new one (at the category when the kind is known). */
export function beginReport(ctx: BotContext, kind?: ReportKind, story?: Extract<WizardInput, { type: 'begin' }>['story'], dangerSaid?: true, identity?: 'anonymous'): Promise<void> {
  return runWizard(ctx, { type: 'begin', newDraftId: newDraftId(), ...(kind ? { kind } : {}), ...(story ? { story } : {}), ...(dangerSaid ? { dangerSaid } : {}), ...(identity ? { identity } : {}) });
}

/** A message while a draft is open (or the end of the wait for a split paste's next part). */
export function wizardMessage(ctx: BotContext & { from: NonNullable<BotContext['from']>; message: NonNullable<BotContext['message']> }): Promise<void> {
  const draft = ctx.session.draft;
  if (ctx.parts.isFlush(ctx.update)) return draft ? runWizard(ctx, { type: 'flush', draftId: draft.id }) : Promise.resolve();
  return runWizard(ctx, messageInput(ctx.message, ctx.from.id, { back: ctx.t('btn.back'), cancel: ctx.t('btn.cancel') }));
}

function note(ctx: BotContext, effect: Exclude<Effect, { type: 'submit' | 'urgent' }>): void {
  if (effect.type === 'hold') return;
  if (effect.type === 'started') {
    // A message waiting for "which report?" keeps waiting (its buttons still work): the reporter
    // may start a report before answering, and it was never theirs to lose.
    ctx.log.info({ outcome: 'draft_started' }, 'report draft started');
  } else {
    ctx.log.info({ outcome: 'draft_cancelled', step: effect.step }, 'report draft cancelled');
  }
}

/** Who is reporting, as Telegram says: stored encrypted, apart from the report (as for every report). */
function reporterOf(ctx: BotContext): IntakeRequest['reporter'] | undefined {
  const { from, chat } = ctx;
  if (!from || !chat) return undefined;
  return { telegramUserId: from.id, chatId: chat.id, firstName: from.first_name, lastName: from.last_name, username: from.username };
}

/** Someone is in danger: the report is stored and queued before the story; intake's answer goes back to the wizard. */
async function urgent(ctx: BotContext, effect: Extract<Effect, { type: 'urgent' }>): Promise<void> {
  const reporter = reporterOf(ctx);
  if (!reporter) return;
  const result = await ctx.deps.intake.urgent({ reporter, language: ctx.lang, report: effect.report });
  await runWizard(ctx, { type: 'urgentStored', draftId: effect.draftId, result });
}

/** Storing a report usually takes tens of milliseconds; "typing…" is for when it does not. */
const TYPING_AFTER_MS = 500;

/** Shows "typing…" once `ms` have passed; `done()` cancels it, or waits for it so that it never follows the answer. */
function typingIfSlow(ctx: BotContext, ms: number): { done(): Promise<void> } {
  let shown: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    shown = ctx.sendChatAction('typing').catch(() => undefined);
  }, ms);
  return {
    async done() {
      clearTimeout(timer);
      await shown;
    },
  };
}

async function submit(ctx: BotContext, effect: Extract<Effect, { type: 'submit' }>): Promise<void> {
  const reporter = reporterOf(ctx);
  if (!reporter) return;
  // "typing…" only when storing is slow (MongoDB busy, a surge): a quick store is answered without
  // it, one Bot API request and its round trip fewer before "received" (BENCHMARKS.md, issue 17).
  const typing = typingIfSlow(ctx, ctx.deps.typingAfterMs ?? TYPING_AFTER_MS);
  let result: IntakeResult;
  try {
    result = await ctx.deps.intake.submit({
      reporter,
      language: ctx.lang,
      ...(effect.phone ? { phone: effect.phone } : {}),
      report: effect.report,
    });
  } finally {
    await typing.done();
  }
  // Said to the reporter next: from here on an apology would contradict the truth.
  if (result.ok) ctx.state.stored = true;
  // Over the day's limit, the draft is told to be kept until it can be sent: kept that much longer.
  if (!result.ok && result.reason === 'daily_limit' && result.retryAfterSec) ctx.state.keepDraftLongerSec = result.retryAfterSec;
  // When to expect an answer: the SLA of the priority the stored report has (someone said in
  // danger once keeps priority 1 even if the answer was changed before Send).
  const sla = result.ok ? ctx.deps.slaMinutes?.[result.priority - 1] : undefined;
  await runWizard(ctx, { type: 'submitted', draftId: effect.draftId, result, ...(sla ? { answerWithinMinutes: sla } : {}) });
  if (result.ok) await askWhichReportAgain(ctx);
}
