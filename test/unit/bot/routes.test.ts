import { Composer, Context, Telegram, type MiddlewareFn } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';
import { chain, Routes } from '../../../src/bot/routes';

const ME = { id: 1, is_bot: true, first_name: 'Ripoti', username: 'Ripoti_Bot' } as UserFromGetMe;
const tg = new Telegram('1:test', { apiRoot: 'http://127.0.0.1:9' });
const ctxOf = (update: Update) => new Context(update, tg, ME);
const from = { id: 7, is_bot: false, first_name: 'A' };
const chat = { id: 7, type: 'private' as const, first_name: 'A' };

let n = 0;
function text(t: string, entities?: { type: string; offset: number; length: number }[]): Update {
  return { update_id: ++n, message: { message_id: n, date: 0, chat, from, text: t, ...(entities ? { entities } : {}) } } as Update;
}
function command(t: string, offset = 0): Update {
  const length = (t.slice(offset).split(/\s/)[0] ?? '').length;
  return text(t, [{ type: 'bot_command', offset, length }]);
}
function press(data: string): Update {
  return { update_id: ++n, callback_query: { id: String(n), from, chat_instance: 'c', data, message: { message_id: 1, date: 0, chat } } } as Update;
}
function photo(caption: string): Update {
  return { update_id: ++n, message: { message_id: n, date: 0, chat, from, photo: [], caption } } as unknown as Update;
}

/** The same registrations on telegraf's Composer and on Routes; each records what it saw. */
function both(seen: string[][]) {
  const build = <R extends Composer<Context> | Routes<Context>>(r: R, out: string[]) => {
    const note = (name: string) => (ctx: Context & { match?: RegExpExecArray; payload?: string }) => {
      out.push(`${name} match=${JSON.stringify(ctx.match ? [...ctx.match] : null)} payload=${JSON.stringify(ctx.payload ?? null)}`);
    };
    const x = r as unknown as Routes<Context>;
    x.command('start', note('start'));
    x.command(['status', 'hali'], note('status'));
    x.action(/^s:(\w+):(\w+)$/, note('s'));
    x.action('m:report', note('m:report'));
    x.hears(/^\s*(kiswahili|english)\s*$/i, note('lang'));
    x.on('message', note('message'));
    x.on('callback_query', note('press'));
    return r.middleware();
  };
  return [build(new Composer<Context>(), (seen[0] = [])), build(new Routes<Context>(), (seen[1] = []))] as const;
}

describe('Routes: the bot\'s handlers, matched as telegraf matches them', () => {
  const updates: [string, Update][] = [
    ['command(/start)', command('/start')],
    ['command(/start abc-123)', command('/start abc-123')],
    ['command(/status KE-7F3A)', command('/status KE-7F3A')],
    ['command(/hali)', command('/hali')],
    ['command(/status@Ripoti_Bot  x)', command('/status@Ripoti_Bot  x')],
    ['command(/status@ripoti_bot)', command('/status@ripoti_bot')],
    ['command(/status@OtherBot x)', command('/status@OtherBot x')],
    ['command(/statusx)', command('/statusx')],
    ['command(hello /status, 6)', command('hello /status', 6)],
    ['text(/status)', text('/status')],
    ['text(Kiswahili)', text('Kiswahili')],
    ['text(  english )', text('  english ')],
    ['text(Kiswahili tafadhali)', text('Kiswahili tafadhali')],
    ['photo(english)', photo('english')],
    ['press(s:sw:police)', press('s:sw:police')],
    ['press(s:sw)', press('s:sw')],
    ['press(m:report)', press('m:report')],
    ['press(m:reportX)', press('m:reportX')],
    ['press(xm:report)', press('xm:report')],
  ];

  it.each(updates)('%s: the same handler, match and payload as telegraf', async (_label, update) => {
    const seen: string[][] = [];
    const [composer, routes] = both(seen);
    const passed: boolean[] = [];
    await composer(ctxOf(update), async () => void passed.push(true));
    await routes(ctxOf(update), async () => void passed.push(true));
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[1]).toHaveLength(1);
    expect(passed).toEqual([]);
  });

  it('passes a command meant for another bot, or written mid-sentence, on as a message', async () => {
    const seen: string[][] = [];
    const [, routes] = both(seen);
    await routes(ctxOf(command('/status@OtherBot x')), async () => undefined);
    await routes(ctxOf(command('hello /status', 6)), async () => undefined);
    expect(seen[1].map((s) => s.split(' ')[0])).toEqual(['message', 'message']);
  });

  it('passes a forwarded command (written to another chat) on as a message, where telegraf would run it', async () => {
    const seen: string[][] = [];
    const [composer, routes] = both(seen);
    const forwarded = command('/status KE-7F3A');
    Object.assign((forwarded as { message: object }).message, { forward_origin: { type: 'hidden_user', sender_user_name: 'Kamau', date: 0 } });
    await composer(ctxOf(forwarded), async () => undefined);
    await routes(ctxOf(forwarded), async () => undefined);
    expect(seen.map((s) => s[0].split(' ')[0])).toEqual(['status', 'message']);
  });

  it('matches a global RegExp on every update, not every other one', async () => {
    const hits: string[] = [];
    const routes = new Routes<Context>().action(/^g:(\d)$/g, (ctx) => void hits.push(ctx.match[1])).middleware();
    for (const d of ['g:1', 'g:2', 'g:3']) await routes(ctxOf(press(d)), async () => undefined);
    expect(hits).toEqual(['1', '2', '3']);
  });
});

describe('chain: one flat middleware list', () => {
  const ctx = ctxOf(text('hi'));

  it('runs in order, each around the rest, and calls the outer next after the last', async () => {
    const order: string[] = [];
    const mw = (name: string): MiddlewareFn<Context> => async (_c, next) => {
      order.push(`${name}>`);
      await next();
      order.push(`<${name}`);
    };
    await chain([mw('a'), mw('b'), new Routes<Context>().use(mw('c'))])(ctx, async () => void order.push('end'));
    expect(order).toEqual(['a>', 'b>', 'c>', 'end', '<c', '<b', '<a']);
  });

  it('stops where a middleware does not call next', async () => {
    const order: string[] = [];
    await chain<Context>([() => void order.push('a'), () => void order.push('b')])(ctx, async () => void order.push('end'));
    expect(order).toEqual(['a']);
  });

  it('refuses next() called twice, and turns a thrown error into a rejection the caller can catch', async () => {
    await expect(chain<Context>([async (_c, next) => { await next(); await next(); }])(ctx, async () => undefined)).rejects.toThrow('next() called multiple times');
    const thrower: MiddlewareFn<Context> = () => { throw new Error('boom'); };
    const result = chain<Context>([async (_c, next) => next(), thrower])(ctx, async () => undefined);
    await expect(result).rejects.toThrow('boom');
  });
});
