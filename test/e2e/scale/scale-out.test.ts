import { Types } from 'mongoose';
import { createApp, type App } from '../../../src/main';
import { testAppConfig, freePort } from '../../support/app-config';
import { uniquePrefix, connectTestRedis, deleteByPrefix, testRedisEnv } from '../../support/redis';
import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { spawnApp, type Spawned } from '../../support/spawn-app';
import { startRoundRobinProxy } from '../../support/round-robin-proxy';
import { eventually } from '../../support/bot-harness';
import { walkTo, referenceIn } from '../bot/helpers';

const REPORTERS = 50;
const REPORTS_EACH = 4;

/**
 * Several bot and worker processes against one Redis and one MongoDB: 2 bots behind a
 * load balancer (Telegram's webhook) and 3 workers delivering replies. 200 reports from 50
 * reporters must become exactly 200 tickets, and each agent reply must arrive exactly once.
 */
describe('scale-out: 2 bot processes and 3 worker processes', () => {
  const prefix = uniquePrefix('scale');
  const dbName = `scale_${process.pid}_${Date.now()}`;
  const secret = 'scale_out_secret-0123456789abcdefAB';
  let tg: TelegramDouble;
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>>;
  let desk: App;
  const procs: Spawned[] = [];
  const botOrigins: string[] = [];

  beforeAll(async () => {
    // The bots pace their answers through the shared budget and may answer after acknowledging an
    // update: the reporters wait for each question's buttons as a person would.
    tg = await TelegramDouble.start({ pressWaitMs: 30_000 });
    proxy = await startRoundRobinProxy(() => botOrigins);
    const mongoUri = new URL(process.env.MONGODB_URI!);
    mongoUri.pathname = `/${dbName}`;
    const env = {
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      MONGODB_URI: mongoUri.toString(),
      ...testRedisEnv(),
      REDIS_PREFIX: prefix,
      DATA_KEY: `k1:${Buffer.alloc(32, 11).toString('base64')}`,
      LOG_LEVEL: 'info',
      MESSAGES_PER_MINUTE: '1000',
      REPORTS_PER_DAY: '50',
      REPLY_RATE_PER_SECOND: '30',
      // The shared budget at a paid broadcast's pace (100/s, not the default 28/s): at 28/s the
      // 200 journeys (1,450 messages and their edits) waited on it for 82 s, on the critical path
      // of CI (this file runs alone after the others). The budget at Telegram's 28/s (answers after
      // the acknowledgement, 429s) is surge.test.ts's and webhook.test.ts's; here, the processes.
      TELEGRAM_SEND_RATE_PER_SECOND: '100',
      TELEGRAM_PAID_BROADCAST: 'true',
      CONSOLE_HOST: '127.0.0.1',
    };
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      procs.push(
        spawnApp(['bot'], {
          ...env,
          WORKER_HTTP_PORT: '0',
          TELEGRAM_MODE: 'webhook',
          TELEGRAM_WEBHOOK_URL: `${proxy.url}/telegram`,
          TELEGRAM_WEBHOOK_SECRET: secret,
          TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
          TELEGRAM_WEBHOOK_PORT: String(port),
        }),
      );
      botOrigins.push(`http://127.0.0.1:${port}`);
    }
    for (let i = 0; i < 3; i++) procs.push(spawnApp(['worker'], { ...env, WORKER_HTTP_PORT: '0' }));
    await Promise.all(procs.map((p) => p.waitForLine(/Ripoti is running/, 60_000)));
    // The test plays the agents: an app with no roles of its own, on the same Redis and database.
    desk = await createApp(testAppConfig({ token: tg.token, apiRoot: tg.apiRoot, prefix, MONGODB_URI: mongoUri.toString(), MAX_TICKETS_PER_AGENT: '1000' }), { roles: [] });
    await desk.start();
  }, 120_000);

  afterAll(async () => {
    await desk?.stop();
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await proxy?.stop();
    await tg?.stop();
    await desk?.store.models.Report.db.dropDatabase().catch(() => undefined);
    const { redis, cleanup } = await connectTestRedis('scale-clean');
    await deleteByPrefix(redis, prefix);
    await cleanup();
  });

  it('turns 200 reports from 50 reporters into exactly 200 tickets and delivers each reply once', async () => {
    const reporters: TelegramUser[] = Array.from({ length: REPORTERS }, (_, i) => tg.user({ firstName: `Reporter${i}`, languageCode: i % 2 ? 'sw' : 'en' }));
    const references = await Promise.all(
      reporters.map(async (u, i) => {
        const lang = i % 2 ? 'sw' : 'en';
        const refs: string[] = [];
        for (let n = 0; n < REPORTS_EACH; n++) {
          await walkTo(u, 'review', lang, `Report ${n} from reporter ${i}: officers demanded money.`);
          const since = u.mark();
          await u.press(lang === 'sw' ? '🕶 Tuma bila kutaja jina langu' : '🕶 Send anonymously');
          // "Received" with the reference: already here, or still on its way from the budget.
          const REF = /R-[A-Z0-9]{4}-[A-Z0-9]{4}/;
          const received = REF.test(u.lastMessage().text ?? '') ? u.lastMessage() : await u.waitForMessage(REF, { since, timeoutMs: 30_000 });
          refs.push(referenceIn(received.text ?? ''));
        }
        return refs;
      }),
    );
    const allRefs = references.flat();
    expect(new Set(allRefs).size).toBe(REPORTERS * REPORTS_EACH);
    // Both bot processes took a share of the webhook traffic.
    expect([...proxy.hits.values()].every((n) => n > 100)).toBe(true);

    const { Report } = desk.store.models;
    expect(await Report.countDocuments({})).toBe(200);
    await eventually(async () => (await Report.countDocuments({ queuedAt: null })) === 0, 'every report to be queued', 30_000);

    // One agent takes every ticket: each one exactly once, then the queue is empty.
    const agent = { id: new Types.ObjectId().toString(), role: 'agent' as const };
    const taken: string[] = [];
    for (;;) {
      const r = await desk.ticketActions.takeNext(agent);
      if (!r.ok) {
        expect(r.reason).toBe('empty');
        break;
      }
      taken.push(r.report.reference);
    }
    expect(taken.sort()).toEqual([...allRefs].sort());

    // Reply to each ticket; the three worker processes share the deliveries.
    const tickets = await Report.find({}).select({ _id: 1, reference: 1 }).lean();
    // Twenty at a time, as a desk of agents writes: all 200 at once from this one process queued
    // a thousand MongoDB commands on its pool, and under load one waited past the pool's 5 s (seen in CI).
    for (let i = 0; i < tickets.length; i += 20) {
      await Promise.all(tickets.slice(i, i + 20).map((t) => desk.ticketActions.reply(t._id.toString(), agent, `Agent reply for ${t.reference}`)));
    }
    // Replies arrive framed with the reference ("Message about your report ...: <text>").
    const replyText = (c: { params: Record<string, unknown> }) => /Agent reply for R-\S+/.exec(String(c.params.text ?? ''))?.[0];
    const replyCalls = () => tg.calls('sendMessage').filter((c) => replyText(c));
    await eventually(() => replyCalls().length >= 200, '200 replies to be delivered', 60_000).catch((err: Error) => {
      const problems = procs.flatMap((p) => p.lines.filter((l) => /"level":"(warn|error|fatal)"/.test(l))).slice(0, 20);
      throw new Error(`${err.message}: ${replyCalls().length} arrived; worker problems:\n${problems.join('\n')}`);
    });
    // A worker marks a reply sent when Telegram's answer is back, just after the double counted
    // the call: the marks are awaited, then the sends counted again (none may come twice meanwhile).
    const sent = () => desk.store.models.Message.countDocuments({ direction: 'to_reporter', kind: 'text', delivery: 'sent' });
    await eventually(async () => (await sent()) === 200, 'every reply to be marked sent', 30_000);
    const perReply = new Map<string, number>();
    for (const c of replyCalls().filter((c) => c.ok)) perReply.set(replyText(c)!, (perReply.get(replyText(c)!) ?? 0) + 1);
    expect(perReply.size).toBe(200);
    expect([...perReply.values()].every((n) => n === 1)).toBe(true);
    expect(await sent()).toBe(200);
  }, 240_000);
});
