import { createApp, type App } from '../../../src/main';
import { testAppConfig, freePort } from '../../support/app-config';
import { uniquePrefix, connectTestRedis, deleteByPrefix } from '../../support/redis';
import { TelegramDouble } from '../../support/telegram';
import { walkTo, referenceIn } from './helpers';
import { eventually } from '../../support/bot-harness';

/**
 * Production intake: Telegram POSTs updates to the bot's webhook with the secret token header.
 * The double plays Telegram: setWebhook registers the URL and every user action is POSTed there.
 */
describe('webhook mode', () => {
  let tg: TelegramDouble;
  let app: App;
  let hook: string;
  /** Updates refused so far (the counter is the app's, shared by this file's tests). */
  const rejected = async () => Number(/ripoti_webhook_rejected_total (\d+)/.exec(await app.metrics.registry.getSingleMetricAsString('ripoti_webhook_rejected_total'))?.[1] ?? 0);
  const prefix = uniquePrefix('webhook');
  const secret = 'wh_secret-123-0123456789abcdefABCDEF';

  beforeAll(async () => {
    tg = await TelegramDouble.start();
    const port = await freePort();
    hook = `http://127.0.0.1:${port}/telegram/hook`;
    const config = testAppConfig({
      token: tg.token,
      apiRoot: tg.apiRoot,
      prefix,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: hook,
      TELEGRAM_WEBHOOK_SECRET: secret,
      TELEGRAM_WEBHOOK_PORT: String(port),
      TELEGRAM_WEBHOOK_MAX_CONNECTIONS: '20',
      // As production wires it: every answer through the shared outgoing budget.
      TELEGRAM_SEND_RATE_PER_SECOND: '28',
    });
    app = await createApp(config, { roles: ['bot', 'worker'] });
    await app.start();
  });
  afterAll(async () => {
    await app.stop();
    await tg.stop();
    const { redis, cleanup } = await connectTestRedis('webhook-clean');
    await deleteByPrefix(redis, prefix);
    await cleanup();
  });

  it('registers itself with Telegram: URL, secret, the updates it handles, max connections', () => {
    expect(tg.webhook).toMatchObject({ url: hook, secretToken: secret, maxConnections: 20 });
    expect(tg.webhook?.allowedUpdates).toEqual(['message', 'edited_message', 'callback_query', 'my_chat_member']);
  });

  it('takes a whole report over the webhook and queues it as a ticket', async () => {
    const u = tg.user({ firstName: 'Chebet', languageCode: 'en' });
    await walkTo(u, 'review');
    await u.press('🕶 Send anonymously');
    const reference = referenceIn(u.lastMessage().text ?? '');
    const report = await app.store.reports.findByReference(reference);
    expect(report).toMatchObject({ category: 'p_bribery', county: 32, anonymous: true, status: 'received' });
    const queued = await eventually(async () => (await app.store.reports.findById(report!._id))?.queuedAt, 'the ticket to be queued');
    expect(queued).toBeInstanceOf(Date);
    expect(await app.queues.tickets.queue.getJob(report!._id.toString())).toBeDefined();
  });

  it('refuses updates without the secret token, and counts them', async () => {
    const before = await rejected();
    const update = { update_id: 990001, message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, from: { id: 1, is_bot: false, first_name: 'X' }, text: '/start' } };
    const noHeader = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(update) });
    const wrong = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wh_secret-124' }, body: JSON.stringify(update) });
    expect(noHeader.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await rejected()).toBe(before + 2);
  });

  it('checks the secret before reading the body: no size or JSON errors for strangers', async () => {
    const before = await rejected();
    const big = JSON.stringify({ update_id: 990002, junk: 'x'.repeat(2 * 1024 * 1024) });
    const tooBig = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    const notJson = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'nope' }, body: '{"update_id":' });
    expect(tooBig.status).toBe(401);
    expect(notJson.status).toBe(401);
    expect(await rejected()).toBe(before + 2);
    // With the secret, a broken body is still refused as such.
    const broken = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: '{"update_id":' });
    expect(broken.status).toBe(400);
    const huge = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: big });
    expect(huge.status).toBe(413);
    const form = await fetch(hook, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-telegram-bot-api-secret-token': secret }, body: '{"update_id":990003}' });
    expect(form.status).toBe(415);
  });

  it('handles an update delivered twice only once', async () => {
    const u = tg.user({ firstName: 'Baraka', languageCode: 'sw' });
    await u.sendText('/start');
    const before = tg.calls('sendMessage').length;
    const update = {
      update_id: 990100,
      message: { message_id: 77, date: Math.floor(Date.now() / 1000), chat: { id: u.chatId, type: 'private' }, from: { id: u.id, is_bot: false, first_name: 'Baraka', language_code: 'sw' }, text: '/help' },
    };
    const post = () => fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(update) });
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(tg.calls('sendMessage').length - before).toBe(1);
  });

  it('answers button presses in the webhook answer: the spinner stops, with no request of their own', async () => {
    const u = tg.user({ firstName: 'Otieno', languageCode: 'en' });
    const before = tg.calls('answerCallbackQuery').length;
    await walkTo(u, 'danger');
    const presses = u.callbackAnswerDetails();
    expect(presses.length).toBeGreaterThanOrEqual(2);
    const answers = tg.calls('answerCallbackQuery').slice(before);
    expect(answers).toHaveLength(presses.length);
    expect(answers.every((c) => c.viaWebhookReply)).toBe(true);
  });

  it('counts and times each update it handled, by type, for /metrics', async () => {
    const count = async (type: string) => (await app.metrics.updatesHandled.get()).values.find((v) => v.labels.type === type && v.labels.outcome === 'ok')?.value ?? 0;
    const timed = async (type: string) => (await app.metrics.updateSeconds.get()).values.find((v) => v.metricName === 'ripoti_update_seconds_count' && v.labels.type === type)?.value ?? 0;
    const before = { handled: await count('message'), timed: await timed('message') };
    const u = tg.user({ firstName: 'Wanjiru', languageCode: 'sw' });
    await u.sendText('/help');
    expect(await count('message')).toBe(before.handled + 1);
    expect(await timed('message')).toBe(before.timed + 1);
    expect(await app.metrics.registry.getSingleMetricAsString('ripoti_update_seconds')).toMatch(/ripoti_update_seconds_bucket\{le="5",type="message"\} [1-9]/);
  });

  it('answers health probes on the webhook server', async () => {
    const origin = new URL(hook).origin;
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${origin}/readyz`)).json()).toEqual({ ok: true, mongo: true, redis: true });
  });
});
