import type { MiddlewareFn } from 'telegraf';
import { KeyedSerial } from '../../lib/keyed-serial';
import type { BotContext } from '../context';

/** One update at a time per reporter: a double tap or an album must not race on the same session. */
export function onePerReporter(): MiddlewareFn<BotContext> {
  const serial = new KeyedSerial<number>();
  return (ctx, next) => {
    const id = ctx.from?.id;
    if (id === undefined) return next();
    return serial.run(id, () => next());
  };
}
