/** The double POSTing updates to a telegraf webhook on a loopback HTTP server. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Markup, Telegraf, TelegramError } from 'telegraf';
import { startWebhook, TelegramDouble, type RunningBot } from '../../support/telegram';

let tg: TelegramDouble;
let bot: Telegraf;
const servers: http.Server[] = [];
let running: RunningBot | undefined;

beforeEach(async () => {
  tg = await TelegramDouble.start({ webhookRetryDelayMs: 5 });
  // webhookReply off keeps "the POST was answered" equal to "the handler finished"
  bot = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot, webhookReply: false } });
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  })));
  await tg.stop();
});

async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('TelegramDouble in webhook mode', () => {
  it('works with telegraf createWebhook and secret_token; an action resolves after the handler finished', async () => {
    const secrets: Array<string | string[] | undefined> = [];
    // The port must exist before createWebhook builds the URL, so the callback is filled in later.
    const hook: { callback?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> } = {};
    const port = await listen((req, res) => {
      secrets.push(req.headers['x-telegram-bot-api-secret-token']);
      void hook.callback?.(req, res);
    });
    bot.start(async (ctx) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await ctx.reply('Karibu!');
      await ctx.reply('Choose a language', Markup.keyboard([['Kiswahili', 'English']]).resize());
    });
    bot.hears('English', (ctx) => ctx.reply('Welcome!', Markup.removeKeyboard()));
    hook.callback = await bot.createWebhook({ domain: `127.0.0.1:${port}`, path: '/hook', secret_token: 'S3cret_token-1' });

    expect(tg.webhook).toEqual({ url: `https://127.0.0.1:${port}/hook`, secretToken: 'S3cret_token-1', allowedUpdates: null, maxConnections: 40 });
    const amina = tg.user({ firstName: 'Amina' });
    await amina.sendText('/start');
    expect(amina.messages().map((m) => m.text)).toEqual(['Karibu!', 'Choose a language']);
    await amina.press('English');
    expect(amina.lastMessage().text).toBe('Welcome!');
    expect(amina.replyKeyboard()).toEqual([]);
    expect(secrets).toEqual(['S3cret_token-1', 'S3cret_token-1']);
  });

  it('a wrong secret gets no update handled: retries, then the action rejects and getWebhookInfo reports the error', async () => {
    const handled: string[] = [];
    bot.on('text', (ctx) => {
      handled.push(ctx.message.text);
    });
    const webhook = await startWebhook(bot, { secretToken: 'doubles_secret', expectedSecretToken: 'bots_secret' });
    running = webhook;
    const amina = tg.user({ firstName: 'Amina' });

    await expect(amina.sendText('hello')).rejects.toThrow(/failed webhook delivery after 3 attempt\(s\): Wrong response from the webhook: 403 Forbidden/);
    expect(handled).toEqual([]);
    expect(tg.webhookDeliveries().map((d) => d.status)).toEqual([403, 403, 403]);
    const info = await bot.telegram.getWebhookInfo();
    expect(info).toMatchObject({ url: webhook.url, pending_update_count: 0, last_error_message: 'Wrong response from the webhook: 403 Forbidden' });
  });

  it('retries a non-2xx answer and then delivers', async () => {
    const callback = bot.webhookCallback('/hook');
    let first = true;
    const port = await listen((req, res) => {
      if (first) {
        first = false;
        res.writeHead(502).end();
        return;
      }
      void callback(req, res);
    });
    bot.on('location', (ctx) => ctx.reply(`Got ${ctx.message.location.latitude}`));
    await bot.telegram.setWebhook(`http://127.0.0.1:${port}/hook`);
    const amina = tg.user({ firstName: 'Amina' });

    await amina.shareLocation(-1.2921, 36.8219);
    expect(amina.lastMessage().text).toBe('Got -1.2921');
    expect(tg.webhookDeliveries().map((d) => [d.attempt, d.status])).toEqual([[1, 502], [2, 200]]);
  });

  it('delivers one update at a time per chat, in order, while other chats proceed', async () => {
    const order: string[] = [];
    let juma: () => void = () => undefined;
    const jumaDone = new Promise<void>((resolve) => {
      juma = resolve;
    });
    bot.on('text', async (ctx) => {
      // Amina's first message waits until Juma's was handled: only possible if chats run in parallel.
      if (ctx.message.text === 'a1') await jumaDone;
      order.push(ctx.message.text);
      if (ctx.message.text === 'j1') juma();
    });
    running = await startWebhook(bot);
    const amina = tg.user({ firstName: 'Amina' });
    const jumaUser = tg.user({ firstName: 'Juma' });

    await Promise.all([amina.sendText('a1'), amina.sendText('a2'), jumaUser.sendText('j1')]);
    expect(order).toEqual(['j1', 'a1', 'a2']);
  });

  it('executes methods the bot returns as a webhook reply (telegraf webhookReply)', async () => {
    const replyBot = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } }); // webhookReply on (default)
    replyBot.action('yes', (ctx) => ctx.answerCbQuery('Asante!'));
    running = await startWebhook(replyBot);
    const wanjiru = tg.user({ firstName: 'Wanjiru' });
    await replyBot.telegram.sendMessage(wanjiru.id, 'Confirm?', Markup.inlineKeyboard([Markup.button.callback('Yes', 'yes')]));

    await wanjiru.press('Yes');
    expect(wanjiru.callbackAnswers()).toEqual(['Asante!']);
    expect(tg.calls('answerCallbackQuery')).toEqual([expect.objectContaining({ viaWebhookReply: true, ok: true })]);
  });

  it('getUpdates conflicts with an active webhook, and setWebhook validates secret_token', async () => {
    const webhook = await startWebhook(bot, { secretToken: 'ok_secret' });
    running = webhook;
    const conflict = await bot.telegram.getUpdates(0, 100, 0, undefined).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(conflict).toBeInstanceOf(TelegramError);
    expect((conflict as TelegramError).code).toBe(409);
    expect((conflict as TelegramError).description).toBe("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");

    await expect(bot.telegram.setWebhook(webhook.url, { secret_token: 'has spaces!' })).rejects.toMatchObject({ code: 400 });
    await bot.telegram.deleteWebhook();
    expect(tg.webhook).toBeNull();
    await expect(bot.telegram.getUpdates(0, 100, 0, undefined)).resolves.toEqual([]);
  });
});
