import { Routes } from '../routes';
import type { BotContext } from '../context';

/** callback_data of the rating question's buttons (drawn by the replies worker): `rt:<reportId>:<h|n>`. */
const RATING_DATA = /^rt:([a-f0-9]{24}):([hn])$/;

/**
 * The reporter's one tap on "did we help?" after their ticket closed. The data is not trusted: the
 * service checks the report is this reporter's and closed, and keeps only the first answer. The
 * question itself is edited to carry the answer (no new message); a later tap is answered quietly.
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
    if (!result.first) return;
    const message = ctx.callbackQuery.message;
    const question = message && 'text' in message ? message.text : '';
    const answer = ctx.t(result.rating === 'helped' ? 'rating.thanks_helped' : 'rating.thanks_not_helped');
    // The buttons go with the edit, so the question cannot be answered twice by accident.
    await ctx.editMessageText(question ? `${question}\n\n${answer}` : answer).catch(() => ctx.editMessageReplyMarkup(undefined).catch(() => undefined));
  });
  return c;
}
