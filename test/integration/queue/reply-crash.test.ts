import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';
import { testRedisEnv } from '../../support/redis';
import { bundleScript, type Bundle } from '../../support/bundle';
import { closeRedis, createRedis } from '../../../src/redis';
import { redisKeys } from '../../../src/redis-keys';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..', '..');
/** The workers' job lock: a dead worker's jobs, and the chat it was sending to, are free again this long after. */
const LOCK_MS = 1000;

/** A replies worker process, loaded and connected; it fetches jobs once started. */
interface WorkerProcess {
  child: ChildProcess;
  start(): Promise<void>;
}

/**
 * Spawns test/support/reply-worker-process.ts (bundled: a start costs half the CPU of `node
 * --import tsx`) and resolves once it is loaded and connected, not yet fetching jobs, so a test
 * loads its workers while it stores its messages, and a second worker takes over the moment the
 * first is killed. `node` itself, not a CLI wrapper: a SIGKILL reaches the worker.
 */
async function loadWorkerProcess(script: string, h: Harness, tg: TelegramDouble, children: ChildProcess[]): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: {
      ...process.env,
      MONGODB_URI: process.env.MONGODB_URI,
      RIPOTI_DB: h.db.dbName,
      RIPOTI_PREFIX: h.prefix,
      RIPOTI_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
      ...testRedisEnv(),
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      // 10 messages/s overall, evenly spaced; a dead worker's jobs (and the chat it was sending
      // to) are free again within ~2 s.
      RIPOTI_LIMIT_MS: '100',
      RIPOTI_LOCK_MS: String(LOCK_MS),
      RIPOTI_STALLED_MS: '500',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code, signal) => reject(new Error(`worker process exited (${code ?? signal}): ${err.slice(-500)}`))));
  const said = (line: string) =>
    Promise.race([
      new Promise<void>((resolve) => {
        const check = () => (out.split('\n').includes(line) ? resolve() : child.stdout?.once('data', check));
        check();
      }),
      exited,
    ]);
  await said('ready');
  return {
    child,
    async start() {
      child.stdin?.write('start\n');
      await said('started');
    },
  };
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** Both workers at once, a rejection handled at once (it is awaited only after the test's setup). */
function loadTwo(...args: Parameters<typeof loadWorkerProcess>): Promise<[WorkerProcess, WorkerProcess]> {
  const both = Promise.all([loadWorkerProcess(...args), loadWorkerProcess(...args)]);
  both.catch(() => undefined);
  return both;
}

describe('a replies worker killed mid-burst', () => {
  let tg: TelegramDouble;
  let h: Harness;
  let bundle: Bundle;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    tg = await TelegramDouble.start();
    h = await createHarness({ label: 'q-crash', env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot } });
    bundle = await bundleScript(join(ROOT, 'test', 'support', 'reply-worker-process.ts'));
  });
  afterAll(async () => {
    for (const c of children) await kill(c, 'SIGKILL');
    await bundle?.remove();
    await h.close();
    await tg.stop();
  });

  /**
   * The first worker is killed mid-burst at a moment when every message Telegram accepted is
   * recorded as sent (the only window that could duplicate is Telegram accepting a message and the
   * worker dying before markSent: it cannot be closed without an idempotent Bot API, see
   * ReplyWorker). That moment is made, not searched for: Telegram refuses every send from the
   * tenth on (an outage: nothing reaches anyone), so no message can be accepted after it, and the
   * ones before are recorded in time. The search it replaced froze the worker (SIGSTOP), checked,
   * and let it run 5 ms before the next freeze: at load ~20 a check took 60-200 ms, so the worker
   * ran a few % of the time and one caught between an answer and its record stayed caught (CI-A:
   * 20 s of failed checks; here 15 s to the 15th send, then 7 checks of 17-210 ms with no send between).
   */
  describe('twelve reporters, four messages each: the first worker is killed mid-burst, and another takes over', () => {
    const textToId = new Map<string, string>();
    let first: WorkerProcess;
    let second: WorkerProcess;
    let atKill = 0;
    const sentTexts = () => tg.calls('sendMessage').filter((c) => c.ok).map((c) => String(c.params.text).split('\n\n')[1]);
    beforeAll(async () => {
      // Both workers load while the messages are stored; the second is started once the first is dead.
      const loading = loadTwo(bundle.file, h, tg, children);
      // Each text unique so calls can be matched to messages.
      const users: TelegramUser[] = Array.from({ length: 12 }, (_, i) => tg.user({ firstName: `Reporter${i}` }));
      for (const [i, user] of users.entries()) {
        const r = await reporter(h.store, { telegramUserId: user.id });
        const { report } = await h.reports.submit(reportInput(r._id));
        for (let n = 0; n < 4; n++) {
          const text = `burst message ${i}-${n}`;
          const msg = await h.store.messages.addOutgoing(report._id, { text });
          textToId.set(text, msg._id.toString());
        }
      }
      for (const id of textToId.values()) await h.queues.replies.deliver(id);
      [first, second] = await loading;
    });

    it('the first worker sends part of the burst and is killed with every message Telegram accepted recorded as sent', async () => {
      await first.start();
      await waitFor(() => sentTexts().length >= 10, 'the first worker to have sent ten messages', 20_000, 25);
      tg.failNext('sendMessage', { errorCode: 502, description: 'Bad Gateway', forMs: 10 * 60_000 });
      try {
        const accepted = () => sentTexts().flatMap((t) => textToId.get(t) ?? []);
        await waitFor(
          async () => (await h.store.models.Message.countDocuments({ _id: { $in: accepted().map((id) => new Types.ObjectId(id)) }, delivery: 'sent' })) === new Set(accepted()).size,
          'every message Telegram accepted to be recorded as sent',
          20_000,
          25,
        );
        await kill(first.child, 'SIGKILL');
      } finally {
        // The outage ends (no time left on it) before another worker starts, or the next test.
        tg.failNext('sendMessage', { errorCode: 502, forMs: 0 });
      }
      atKill = sentTexts().length;
      expect(atKill).toBeGreaterThanOrEqual(10);
      expect(atKill).toBeLessThan(textToId.size); // really mid-burst
    });

    it('another worker takes over: no message is lost, none is sent twice', async () => {
      expect(atKill).toBeGreaterThan(0);
      await second.start();
      await waitFor(
        async () => (await h.store.models.Message.countDocuments({ delivery: 'sent' })) === textToId.size,
        'every message to be sent',
        40_000,
        100,
      );
      const counts = new Map<string, number>();
      for (const t of sentTexts()) counts.set(t, (counts.get(t) ?? 0) + 1);
      expect([...textToId.keys()].filter((t) => counts.get(t) !== 1)).toEqual([]);
      expect(sentTexts()).toHaveLength(textToId.size);
      await kill(second.child, 'SIGTERM');
      expect(second.child.exitCode).toBe(0);
    });
  });

  it('a worker killed while Telegram had not answered its send: its reporter\'s chat stays held while it lives, and is freed a lock\'s length after it died', async () => {
    const loading = loadTwo(bundle.file, h, tg, children);
    const user = tg.user({ firstName: 'Nyambura' });
    const r = await reporter(h.store, { telegramUserId: user.id });
    // Two reports, so that neither message waits behind the other (order is kept per report): only the chat is shared.
    const [one, two] = [(await h.reports.submit(reportInput(r._id))).report, (await h.reports.submit(reportInput(r._id))).report];
    const first = await h.store.messages.addOutgoing(one._id, { text: 'Are you somewhere safe?' });
    // Telegram refuses that send (so it reaches nobody), and the worker dies before it hears so.
    tg.failNext('sendMessage', { chatId: user.id, errorCode: 502, description: 'Bad Gateway' });
    const hold = tg.holdAnswer('sendMessage', (c) => c.params.chat_id === user.id);
    await h.queues.replies.deliver(first._id);
    const [dying, next] = await loading;
    await dying.start();
    await hold.reached;
    const second = await h.store.messages.addOutgoing(two._id, { text: 'We have informed the OCS.' });
    await h.queues.replies.deliver(second._id);
    await next.start();
    const redis = createRedis(h.config.redis, 'worker');
    try {
      // The reporter's chat hold in Redis (the value: until when the send in flight holds it).
      const chat = redisKeys(h.prefix).chatSent(h.store.cipher.keyedHash('chat-pace', r._id.toString()));
      const heldUntil = async () => Number(await redis.get(chat));
      // The send outlasts the dying worker's lock (1 s): as long as it lives its hold is renewed,
      // twice here, and the other worker sends nothing to the chat meanwhile.
      const seen = [await heldUntil()];
      await waitFor(
        async () => {
          const now = await heldUntil();
          if (now !== seen[seen.length - 1]) seen.push(now);
          return seen.length >= 3;
        },
        'the dying worker to renew its hold on the chat twice',
        10_000,
        50,
      );
      expect(tg.calls('sendMessage').filter((c) => c.params.chat_id === user.id)).toHaveLength(1);
      await kill(dying.child, 'SIGKILL');
      // Dead, it holds the chat and the message no longer than its lock (a fixed 30 s hold would
      // keep the reporter's next messages back 30 s); renewed, each hold lasts one lock.
      expect(await redis.pttl(chat)).toBeLessThanOrEqual(LOCK_MS + 1000);
      const claim = (await h.store.messages.findById(first._id))?.sending?.until;
      expect(claim && claim.getTime()).toBeLessThanOrEqual(Date.now() + LOCK_MS);
    } finally {
      await closeRedis(redis);
    }
    hold.release();
    const sent = async (id: Types.ObjectId) => (await h.store.messages.findById(id))?.delivery === 'sent';
    await waitFor(async () => (await sent(first._id)) && (await sent(second._id)), 'both messages sent', 45_000, 100);
    const accepted = tg.calls('sendMessage').filter((c) => c.ok && c.params.chat_id === user.id);
    expect(accepted.map((c) => String(c.params.text).split('\n\n')[1]).sort()).toEqual(['Are you somewhere safe?', 'We have informed the OCS.']);
  });
});
