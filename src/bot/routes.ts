import { Composer, type Context, type Middleware, type MiddlewareFn, type MiddlewareObj, type NarrowedContext } from 'telegraf';
import type { Message, Update } from 'telegraf/types';

/*
 * The bot's middleware chain and its routes, in place of telegraf's Composer. Why (BENCHMARKS.md,
 * "telegraf's composition"): telegraf nests one more `compose` per `use`, and each step of it is an
 * async function awaiting an async arrow; every `on`, `command` and `action` decides through
 * `Composer.lazy`, three promises for a predicate that is synchronous. An update crossing our
 * thirty-odd handlers allocated about 50 KB and queued a microtask per hop, a quarter of what the
 * bot allocated. Here the chain is one flat list and the matching is synchronous; it follows
 * telegraf 4.16's rules for what matches (command entity at offset 0, `@name` compared with the
 * bot's username ignoring case, a RegExp's result as `ctx.match`).
 */

/** Runs `middlewares` in order, each given a `next` that runs the rest; one closure per step, no async frames. */
export function chain<C extends Context>(middlewares: ReadonlyArray<Middleware<C>>): MiddlewareFn<C> {
  const fns = middlewares.map((m) => Composer.unwrap(m));
  return (ctx, next) => {
    let reached = -1;
    const step = (i: number): Promise<void> => {
      if (i <= reached) return Promise.reject(new Error('next() called multiple times'));
      reached = i;
      const fn = fns[i];
      if (!fn) return next();
      try {
        return Promise.resolve(fn(ctx, () => step(i + 1))) as Promise<void>;
      } catch (err) {
        return Promise.reject(err);
      }
    };
    return step(0);
  };
}

type UpdateOf = { message: Update.MessageUpdate; edited_message: Update.EditedMessageUpdate; callback_query: Update.CallbackQueryUpdate; my_chat_member: Update.MyChatMemberUpdate };
type TextUpdate = Update.MessageUpdate<Message.TextMessage>;
export type MatchContext<C extends Context, U extends Update> = NarrowedContext<C, U> & { match: RegExpExecArray };
export type CommandContext<C extends Context> = NarrowedContext<C, TextUpdate> & { match: RegExpExecArray; command: string; payload: string };

/** A string matches itself exactly; a RegExp from its start each time (a global one keeps no state between updates). */
function matcher(trigger: string | RegExp): (value: string) => RegExpExecArray | null {
  const re = typeof trigger === 'string' ? new RegExp(`^${trigger.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : trigger;
  return (value) => {
    re.lastIndex = 0;
    return re.exec(value);
  };
}

/** A feature's handlers, tried in the order registered; one that does not match passes the update on. */
export class Routes<C extends Context> implements MiddlewareObj<C> {
  private readonly list: Middleware<C>[] = [];
  private built?: MiddlewareFn<C>;

  use(...fns: Middleware<C>[]): this {
    this.list.push(...fns);
    this.built = undefined;
    return this;
  }

  middleware(): MiddlewareFn<C> {
    return (this.built ??= chain(this.list));
  }

  /** Updates of one type: every message, every edit of one, every button press, or the bot blocked or unblocked. */
  on(type: 'message', fn: Middleware<NarrowedContext<C, Update.MessageUpdate>>): this;
  on(type: 'edited_message', fn: Middleware<NarrowedContext<C, Update.EditedMessageUpdate>>): this;
  on(type: 'callback_query', fn: Middleware<NarrowedContext<C, Update.CallbackQueryUpdate>>): this;
  on(type: 'my_chat_member', fn: Middleware<NarrowedContext<C, Update.MyChatMemberUpdate>>): this;
  on(type: keyof UpdateOf, fn: Middleware<never>): this {
    const h = Composer.unwrap(fn as unknown as Middleware<C>);
    return this.use((ctx, next) => (type in ctx.update ? h(ctx, next) : next()));
  }

  /** A button press whose data matches `trigger`. */
  action(trigger: string | RegExp, fn: Middleware<MatchContext<C, Update.CallbackQueryUpdate>>): this {
    return this.matching(trigger, fn, (ctx) => {
      const q = ctx.callbackQuery;
      return q && 'data' in q ? q.data : undefined;
    });
  }

  /** A text message that matches `trigger`. */
  hears(trigger: RegExp, fn: Middleware<MatchContext<C, TextUpdate>>): this {
    return this.matching(trigger, fn, (ctx) => {
      const msg = ctx.message;
      return msg && 'text' in msg ? msg.text : undefined;
    });
  }

  /** `fn` with `ctx.match` when `trigger` matches the text `textOf` finds in the update. */
  private matching(trigger: string | RegExp, fn: Middleware<never>, textOf: (ctx: C) => string | undefined): this {
    const test = matcher(trigger);
    const h = Composer.unwrap(fn as unknown as Middleware<C>);
    return this.use((ctx, next) => {
      const text = textOf(ctx);
      const match = text === undefined ? null : test(text);
      return match ? h(Object.assign(ctx, { match }), next) : next();
    });
  }

  /** `/name` (or `/name@thisbot`) at the start of a text message; the text after it is `ctx.payload`, the name `ctx.command`. */
  command(names: string | readonly string[], fn: Middleware<CommandContext<C>>): this {
    const tests = (typeof names === 'string' ? [names] : names).map(matcher);
    const h = Composer.unwrap(fn) as unknown as MiddlewareFn<C>;
    return this.use((ctx, next) => {
      const msg = ctx.message;
      // A forwarded "/cancel ..." was written to another chat: never a command here (telegraf would run it).
      if (!msg || !('text' in msg) || 'forward_origin' in msg) return next();
      const entity = msg.entities?.[0];
      if (entity?.type !== 'bot_command' || entity.offset > 0) return next();
      const [part, to] = msg.text.slice(0, entity.length).split('@');
      if (!part || (to && to.toLowerCase() !== ctx.me.toLowerCase())) return next();
      // Phones capitalise the first letter ("/Start", "/Ghairi"): commands are matched without case.
      const command = part.slice(1).toLowerCase();
      let match: RegExpExecArray | null = null;
      for (let i = 0; i < tests.length && !match; i++) match = tests[i](command);
      return match ? h(Object.assign(ctx, { match, command, payload: msg.text.slice(entity.length + 1) }), next) : next();
    });
  }
}
