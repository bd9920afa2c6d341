/**
 * Redis is read by operators: its keys name a reporter only by a keyed hash (sessions, limits,
 * the send budget). The replies worker's per-person pacing keys too, so nobody reading Redis can
 * tell which messages, across tickets, go to the same person.
 */
import { redisKeys } from '../../../src/redis-keys';
import { DeliveryService } from '../../../src/services/delivery-service';
import { createHarness, reporter, reportInput, type Harness } from '../../support/tickets-harness';

let h: Harness;
beforeAll(async () => {
  // No workers: the messages below are only planned, never sent.
  h = await createHarness({ label: 'q-pacing-keys', workers: false });
});
afterAll(async () => {
  await h?.close();
});

it("paces a reporter's messages under one key that names neither their record nor their Telegram id", async () => {
  const telegramUserId = 731_000_001;
  const r = await reporter(h.store, { telegramUserId });
  const { report } = await h.reports.submit(reportInput(r._id));
  const delivery = new DeliveryService({ store: h.store, translator: h.translator, events: { publish: async () => undefined } as never, logger: h.logger });
  const planOf = async (text: string) => {
    const plan = await delivery.prepare((await h.store.messages.addOutgoing(report._id, { text }))._id.toString());
    if (!plan.due) throw new Error(`not due: ${plan.outcome}`);
    return plan.message.recipientKey;
  };
  const key = await planOf('Are you safe now?');
  for (const k of [redisKeys(h.config.redis.prefix).chatPace(key), redisKeys(h.config.redis.prefix).chatSent(key)]) {
    expect(k).not.toContain(r._id.toString());
    expect(k).not.toContain(String(telegramUserId));
  }
  // One person, one key: their next message is paced with the first.
  expect(await planOf('And your family?')).toBe(key);
  // Another person, another key.
  const other = await reporter(h.store, { telegramUserId: 731_000_002 });
  const { report: theirs } = await h.reports.submit(reportInput(other._id));
  const plan = await delivery.prepare((await h.store.messages.addOutgoing(theirs._id, { text: 'Hello' }))._id.toString());
  expect(plan.due && plan.message.recipientKey).not.toBe(key);
});
