import { createApp, type App } from '../../../src/main';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { connectTestRedis, deleteByPrefix, uniquePrefix, testRedisEnv } from '../../support/redis';
import { agent, reporter, reportInput, waitFor } from '../../support/tickets-harness';

jest.setTimeout(30_000);

type Overrides = NonNullable<Parameters<typeof createApp>[1]>['queueOverrides'];

/** A worker-role app on its own Redis prefix and database, Telegram being the double; `stop` cleans both. */
async function startWorkerApp(label: string, tg: TelegramDouble, env: Record<string, string>, queueOverrides: Overrides): Promise<{ app: App; stop: () => Promise<void> }> {
  const prefix = uniquePrefix(label);
  const uri = new URL(process.env.MONGODB_URI!);
  uri.pathname = `/test_${label.replace(/-/g, '_')}_${process.pid}_${Date.now().toString(36)}`;
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    MONGODB_URI: uri.toString(),
    DATA_KEY: `k1:${Buffer.alloc(32, 9).toString('base64')}`,
    ...testRedisEnv(),
    REDIS_PREFIX: prefix,
    WORKER_HTTP_PORT: '0',
    CONSOLE_PORT: '0',
    ...env,
  });
  const app = await createApp(config, { roles: ['worker'], logger: createLogger({ level: 'silent' }), queueOverrides });
  await app.start();
  const stop = async () => {
    await app.store.models.Report.db.dropDatabase();
    await app.stop();
    const { redis, cleanup } = await connectTestRedis(`${label}-clean`);
    await deleteByPrefix(redis, prefix);
    await cleanup();
  };
  return { app, stop };
}

describe('createApp queue wiring (worker role)', () => {
  let tg: TelegramDouble;
  let app: App;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    tg = await TelegramDouble.start();
    ({ app, stop } = await startWorkerApp('q-app', tg, {}, { relay: { intervalMs: 100 } }));
  });
  afterAll(async () => {
    await stop();
    await tg.stop();
  });

  it('queues a submitted report, lets an agent take it, and the worker tells the reporter', async () => {
    const user = tg.user({ firstName: 'Otieno', languageCode: 'en' });
    const r = await reporter(app.store, { telegramUserId: user.id });
    const { report, queued } = await app.reports.submit(reportInput(r._id, { category: 'e_violence' }));
    expect(queued).toBe(true);
    expect(app.queues.bullQueues.map((q) => q.name).sort()).toEqual(['replies', 'sla', 'tickets']);
    // The relay loop keeps the queue-depth gauge current.
    await waitFor(async () => /ripoti_queue_depth\{queue="tickets"\} 1/.test(await app.metrics.registry.getSingleMetricAsString('ripoti_queue_depth')), 'the depth gauge');

    const taken = await app.ticketActions.takeNext(agent());
    expect(taken.ok && taken.report.reference).toBe(report.reference);
    await waitFor(() => user.messages().find((m) => m.text?.includes(report.reference)), 'the "taken" notice');
    await waitFor(async () => /ripoti_deliveries_total\{outcome="sent"\} 1/.test(await app.metrics.registry.getSingleMetricAsString('ripoti_deliveries_total')), 'the delivery metric');
  });
});

describe('createApp wires the held-danger watch (worker role, with a supervisors\' group)', () => {
  let tg: TelegramDouble;
  let group: TelegramUser;
  let app: App;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    tg = await TelegramDouble.start();
    group = tg.user({ firstName: 'Supervisors' });
    const slaMs = (p: number) => (p === 1 ? 300 : 3_600_000);
    ({ app, stop } = await startWorkerApp('q-app-held', tg, { TELEGRAM_SUPERVISORS_CHAT_ID: String(group.id) }, { slaMs, relay: { intervalMs: 100 } }));
  });
  afterAll(async () => {
    await stop();
    await tg.stop();
  });

  it('a hand-over of a ticket with unopened danger: the worker tells the group the new holder\'s name', async () => {
    const account = (username: string, name: string, role: 'agent' | 'supervisor') => app.store.agents.create({ username, name, role, password: 'a long enough password' });
    const [first, next, sup] = [await account('wiring1', 'Amani Kibet', 'agent'), await account('wiring2', 'Pendo Achieng', 'agent'), await account('wiring3', 'Juma Hassan', 'supervisor')];
    const r = await reporter(app.store);
    const { report } = await app.reports.submit(reportInput(r._id, { category: 'p_arrest' }));
    expect(await app.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: first._id.toString() }, { assignee: first._id.toString() })).not.toBeNull();
    // What the reporter's danger message leaves on the ticket (the bot role's ConversationService).
    await app.store.reports.markHeldDanger(report._id, new Date());
    expect(await app.ticketActions.handOver(report._id.toString(), { id: sup._id.toString(), role: 'supervisor' }, next._id.toString())).toEqual({ ok: true, moved: 1 });
    const told = await waitFor(() => group.messages().find((m) => m.text?.includes(report.reference)), 'the group told');
    expect(told.text).toBe(`${report.reference}: the reporter wrote that someone is in danger now. Pendo Achieng holds this ticket and has not opened it since.`);
  });
});
