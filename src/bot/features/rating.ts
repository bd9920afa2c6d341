import { Routes } from '../routes';
import type { BotContext } from '../context';

/** callback_data of the rating question's buttons (drawn by the replies worker): `rt:<reportId>:<h|n>`. */
const RATING_DATA = /^rt:([a-f0-9]{24}):([hn])$/;

/**
 * The reporter's one tap on "did we help?" after their ticket closed. The data is not trusted: the
 * service checks the report is this reporter's and closed, and keeps only the first answer. The
 * question itself is edited to carry the answer (no new message); a later tap is answered quietly,
 * and a copy of the question still showing its buttons (answered in words, or on another copy)
 * is edited to carry the answer kept, so no button is left that does nothing.
 */
export function ratingFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.action(RATING_DATA, async (ctx) => {
    const [, reportId, hn] = ctx.match;
    const result = await ctx.deps.conversation.rate(ctx.from.id, reportId, hn === 'h' ? 'helped' : 'not_helped');
    if (!result.ok) {
      await ctx.answerCbQuery(ctx.t('rating.stale'));
      return;
    }
    await ctx.answerCbQuery();
    const message = ctx.callbackQuery.message;
    const question = message && 'text' in message ? message.text : '';
    // The answer kept (this tap's, or an earlier one: typed, or tapped on another copy of the question).
    const answer = ctx.t(result.rating === 'helped' ? 'rating.thanks_helped' : 'rating.thanks_not_helped');
    // This copy says it already (a second tap on a slow phone): nothing to change.
    if (!result.first && question.endsWith(answer)) return;
    // The buttons go with the edit, so the question cannot be answered twice by accident.
    await ctx.editMessageText(question ? `${question}\n\n${answer}` : answer).catch(() => ctx.editMessageReplyMarkup(undefined).catch(() => undefined));
  });
  return c;
}
