/**
 * The reporter's message path (a reporter writing to an open ticket, issue 21): CPU of this
 * process per message for what the bot does with it (the open tickets looked up, the message
 * stored on the ticket with its history entry), against the project's MongoDB test server in its
 * own process. Events go to a no-op bus: the same one Redis PUBLISH before and after.
 *
 * `npx tsx bench/reply-path.ts [messages]` (default 1,000, after 100 to warm up).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { ConversationService } from '../src/services/conversation-service';
import type { EventBus } from '../src/services/events';
import { connectMongo, createStore } from '../src/store';
import { seedReport } from '../test/support/report-fixtures';
import { ROOT, spawnChild } from './lib/child';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1000);
  const mongo = await spawnChild({ name: 'mongo test server', script: 'bench/mongo-server.ts', env: {}, logFile: join(ROOT, 'bench', 'logs', 'mongo-reply-path.log') });
  const u = new URL(mongo.url);
  u.pathname = `/ripoti_reply_${randomBytes(4).toString('hex')}`;
  const conn = await connectMongo(u.toString());
  try {
    const store = createStore(conn, [{ id: 'k1', key: randomBytes(32) }]);
    const events = { publish: async () => undefined } as unknown as EventBus;
    const service = new ConversationService({ store, events, logger: pino({ level: 'silent' }) });
    const { telegramUserId } = await seedReport(store);
    const text = (k: number) => ({ text: `Asante. Another detail about the roadblock (${k}).` });
    // Before: what the bot did until issue 21 (look up the open tickets, then attach, which reads
    // the report and the reporter again and writes the message, then its history entry).
    const before = async (k: number) => {
      const open = await service.openTickets(telegramUserId);
      const r = await service.attach(telegramUserId, open[0].reportId, text(k));
      if (!r.ok) throw new Error(`not attached: ${JSON.stringify(r)}`);
    };
    // After: `take` (two reads, the two writes together).
    const after = async (k: number) => {
      const r = await service.take(telegramUserId, text(k));
      if (!r.ok) throw new Error(`not taken: ${JSON.stringify(r)}`);
    };
    const measure = async (name: string, one: (k: number) => Promise<void>) => {
      for (let k = 0; k < 100; k++) await one(k);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let k = 0; k < n; k++) await one(k);
      const cpu = process.cpuUsage(cpu0);
      const wall = performance.now() - t0;
      console.log(JSON.stringify({ path: name, messages: n, cpuMsPerMessage: Math.round(((cpu.user + cpu.system) / 1000 / n) * 100) / 100, wallMsPerMessage: Math.round((wall / n) * 100) / 100 }));
    };
    // Twice each, alternating, so a change in the machine's load shows as a spread.
    for (let round = 0; round < 2; round++) {
      await measure('before: openTickets + attach', before);
      await measure('after: take', after);
    }
  } finally {
    await conn.close();
    await mongo.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
