/**
 * Fault: Redis goes away after the bot told the reporter their message reached the staff, before
 * the update's session write (src/bot/middleware/session.ts). What the reporter sent is in
 * MongoDB; the session held nothing that mattered. A reporter told "Sent" and then "what you just
 * sent may not have reached us. Please send it again" sends it again, and the staff read it twice
 * (the new Telegram message is a new message). The same holds for a report (`ctx.state.stored`,
 * covered by redis-restart.test.ts); this is its twin for messages to staff.
 *
 * Real parts: the app (`createApp`, bot role) polling the Telegram double, its own redis-server
 * child (killed at the exact moment: the double holds back its answer to the bot's "Sent"), the
 * MongoDB test server.
 */
import type { Lang } from '../../../src/i18n';
import { eventually } from '../../support/bot-harness';
import { RedisProcess } from '../../support/redis-process';
import type { TelegramUser } from '../../support/telegram';
import { allTexts, referenceIn, walkTo, SEND_ANONYMOUSLY } from '../bot/helpers';
import { startFaultApp, type FaultApp } from './app';

jest.setTimeout(60_000);

let redis: RedisProcess;
let f: FaultApp;

beforeAll(async () => {
  redis = await RedisProcess.start('aof');
  f = await startFaultApp({ label: 'fault_told', roles: ['bot'], redisUrl: redis.url });
});

afterAll(async () => {
  if (redis && !redis.running) await redis.start().catch(() => undefined);
  await f?.close();
  await redis?.destroy();
});

async function fromReporter(u: TelegramUser): Promise<string[]> {
  const reporter = await f.app.store.reporters.findByTelegramUser(u.id);
  const [report] = await f.app.store.models.Report.find({ reporterId: reporter!._id }).lean();
  return (await f.app.store.messages.listForReport(report._id)).filter((m) => m.direction === 'from_reporter').map((m) => m.text ?? '');
}

/** Redis back, and the bot's connection to it too: a canary's /help is answered without an apology. */
async function redisBack(): Promise<void> {
  if (!redis.running) await redis.start();
  const canary = f.tg.user({ firstName: 'Canary', languageCode: 'en' });
  const apologies = ['generic', 'retry', 'resend'].map((k) => f.app.translator.t('en', `bot:error.${k}`));
  await eventually(
    async () => {
      await canary.sendText('/help');
      return !apologies.includes(allTexts(canary).at(-1) ?? '');
    },
    'the bot to reach Redis again',
    15_000,
  );
}

describe.each<Lang>(['en', 'sw'])('Redis lost after a message to staff was stored and the reporter told (%s)', (lang) => {
  it('is not followed by "it may not have reached us, send it again": it did, once', async () => {
    await redisBack();
    const u = f.tg.user({ firstName: `Told ${lang}`, languageCode: lang });
    await walkTo(u, 'review', lang);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const reference = referenceIn(allTexts(u).at(-1) ?? '');
    const before = u.messages().length;

    // The bot's "Added to your report" is in the chat; its answer from Telegram waits while Redis dies.
    const told = f.tg.holdAnswer('sendMessage', (c) => c.params.chat_id === u.chatId && String(c.params.text).includes(reference));
    const sent = u.sendText('The roadblock was next to the petrol station.');
    await told.reached;
    expect(await fromReporter(u)).toEqual(['The roadblock was next to the petrol station.']);
    await redis.stop('SIGKILL');
    told.release();
    await sent;

    const after = allTexts(u).slice(before);
    expect(after[0]).toContain(reference);
    const t = (key: string) => f.app.translator.t(lang, key);
    // On failure: the apology that tells them to send it again.
    expect(after.filter((x) => [t('bot:error.resend'), t('bot:error.generic'), t('bot:error.retry')].includes(x))).toEqual([]);
    expect(after).toHaveLength(1);
    await redis.start();
    expect(await fromReporter(u)).toEqual(['The roadblock was next to the petrol station.']);
  });
});
