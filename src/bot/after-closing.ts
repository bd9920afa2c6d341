import type { User } from 'telegraf/types';
import type { ReporterMessage } from '../services/conversation-service';
import type { BotContext } from './context';
import * as kb from './keyboards';
import { onlyThanks, typedRating } from './wizard';

/**
 * Words typed after a report closed lately that are about its closing, not news for staff: an
 * answer to "did Ripoti help you?" typed instead of tapped ("ndio", "it did not help", "5"), or
 * a thanks for the closing notice. Answered here, never with "this has not reached anyone, ask
 * staff to look at it again", which read as a call to reopen a report they were thanking us for.
 * True when answered; anything else goes on to the closed answer (src/bot/closed-answer.ts).
 */
export async function answeredAfterClosing(ctx: BotContext & { from: User }, closed: { reportId: string; reference: string }, message: ReporterMessage): Promise<boolean> {
  const text = message.text;
  if (text === undefined || message.media || message.passedOn) return false;
  const typed = typedRating(text);
  // Read only for words that can answer it: the closed answer needs no more reads than before.
  if (typed && (await ctx.deps.conversation.ratingWaits(ctx.from.id, closed.reportId)).ok) {
    // A score is neither answer: the question again, with its buttons.
    if (typed === 'score') {
      await ctx.reply(`${ctx.t('rating.tap')} ${ctx.t('notices:ratingAsk', { reference: closed.reference })}`, kb.ratingKeyboard(ctx.t, closed.reportId));
      return true;
    }
    const rated = await ctx.deps.conversation.rate(ctx.from.id, closed.reportId, typed);
    if (rated.ok) {
      await ctx.reply(ctx.t(rated.rating === 'helped' ? 'rating.thanks_helped' : 'rating.thanks_not_helped'));
      return true;
    }
  }
  if (!onlyThanks(text)) return false;
  await ctx.reply(ctx.t('reply.thanks_closed', { reference: closed.reference }), { parse_mode: 'HTML', ...kb.mainMenu(ctx.t) });
  return true;
}
