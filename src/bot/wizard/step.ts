import { notPoliceNamed } from '../../domain';
import { answerButton, kindFromWelcome } from './buttons';
import { albumAnswer, flushParts, onMessage } from './messages';
import { Turn } from './turn';
import type { StepResult, WizardInput, WizardState } from './types';

/**
 * The report wizard as a pure function: the state before, one input, the time; out come the new
 * state, what to say and what to do. No Telegram, no Redis, no clock: src/bot/wizard/index.ts
 * maps updates to inputs and replies and effects to Bot API calls and services.
 *
 * The state is one small object kept in the session rather than telegraf Scenes, so it survives
 * a restart unchanged, every button is checked against it (draft id + step), and "edit from
 * review, then return to review" is one flag instead of nested scenes.
 */
export function step(state: WizardState, input: WizardInput, now: Date): StepResult {
  const turn = new Turn(state, now);
  handle(turn, input);
  sayNotPolice(turn, input);
  return { state: { draft: turn.draft, lastSubmitted: turn.lastSubmitted, ...(turn.cancelled ? { cancelled: turn.cancelled } : {}) }, replies: turn.replies, effects: turn.effects, ...(turn.inPlace ? { inPlace: turn.inPlace } : {}) };
}

const NOT_FROM_REPORTER: readonly WizardInput['type'][] = ['button', 'flush', 'urgentStored', 'submitted', 'show'];

function handle(turn: Turn, input: WizardInput): void {
  const d = turn.draft;
  // A tap is a double tap's first only while the reporter sent nothing else after it (the bot's
  // own inputs, such as the alert stored after "someone is in danger", do not count).
  if (d && !NOT_FROM_REPORTER.includes(input.type)) delete d.tapped;
  if (input.type === 'flush') {
    if (d?.parts && d.id === input.draftId) flushParts(turn, d, true);
    if (d?.albumPending && d.id === input.draftId) albumAnswer(turn, d);
    return;
  }
  // The album's wait was lost (a restart): its files are counted before the next answer.
  if (d?.albumPending && !(input.type === 'media' && input.album)) albumAnswer(turn, d, true);
  // Parts of a split paste left waiting (the process restarted during the window) are taken first.
  if (d && input.type !== 'text' && input.type !== 'media' && input.type !== 'submitted' && input.type !== 'urgentStored') flushParts(turn, d);
  switch (input.type) {
    case 'begin':
      // The first message's kind tapped at the kind question (an old welcome up the chat): that answer, never the question again.
      if (d?.step === 'kind' && input.kind) return kindFromWelcome(turn, d, input.kind);
      return turn.begin(input.newDraftId, input.kind, input.story, input.dangerSaid, input.identity);
    case 'resume':
      if (!turn.draft) return;
      turn.say('wizard.resume');
      return turn.show();
    case 'show':
      return turn.show();
    case 'cancel':
      return turn.cancel();
    case 'button':
      return answerButton(turn, input);
    case 'submitted':
      return turn.submitted(input.draftId, input.result, input.answerWithinMinutes);
    case 'urgentStored':
      return turn.urgentStored(input.draftId, input.result);
    default:
      return onMessage(turn, input);
  }
}

/** What the reporter wrote or sent: the inputs that can add words to the story. */
const TOLD: readonly WizardInput['type'][] = ['begin', 'text', 'flush', 'media'];

/**
 * A story naming a chief or county askari (kanjo), or a private guard, outside an election and no
 * police beside them: the report is taken under the closest police category, and the reporter told
 * once that they are not the police and where such cases usually go, so no one believes it went to
 * the police's overseers. The console's rule (`notPoliceNamed`): a chief's askari are police, never
 * "not the police" here while the console offers IPOA. Said above the question, which stays the newest message.
 */
function sayNotPolice(turn: Turn, input: WizardInput): void {
  const d = turn.draft;
  if (!d || d.notPoliceSaid || d.kind === 'election' || d.text === undefined || !TOLD.includes(input.type) || turn.inPlace) return;
  const last = turn.replies.length - 1;
  const who = last < 0 ? undefined : notPoliceNamed(d.text);
  if (!who) return;
  d.notPoliceSaid = true;
  turn.replies.splice(last, 0, { type: 'message', texts: [{ key: who === 'guards' ? 'wizard.not_police_guards' : 'wizard.not_police' }] });
}
