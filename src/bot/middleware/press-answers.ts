import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../context';

type CallApi = BotContext['telegram']['callApi'];
type Call = (method: string, payload: object, o?: { signal?: AbortSignal }) => Promise<unknown>;

/**
 * A press's answer only stops the button's spinner. Telegram refuses it once the press is old
 * ("query is too old": pressed while the bot was down or behind, and fetched late by polling),
 * and that refusal must not cost the step its answer: on "someone is in danger", the emergency
 * numbers and the staff's alert. Installed before any feature can answer a press.
 */
export function optionalPressAnswers(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    if (!ctx.callbackQuery) return next();
    const tg = ctx.telegram;
    const own = tg.callApi.bind(tg) as Call;
    const call: Call = (method, payload, o) => {
      const sent = own(method, payload, o);
      return method === 'answerCallbackQuery' ? sent.catch((err: unknown) => pressNotAnswered(ctx, err)) : sent;
    };
    tg.callApi = call as unknown as CallApi;
    return next();
  };
}

function pressNotAnswered(ctx: BotContext, err: unknown): false {
  ctx.log.warn({ err, outcome: 'press_not_answered' }, 'answering a button press failed: the step goes on');
  return false;
}
