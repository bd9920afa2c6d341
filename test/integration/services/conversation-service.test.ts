/** Reporter -> agent messages against the MongoDB test server and real Redis pub/sub (live events). */
import { randomBytes } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';
import { Types } from 'mongoose';
import { LIMITS } from '../../../src/domain';
import { createLogger } from '../../../src/logger';
import { ConversationService } from '../../../src/services/conversation-service';
import { RedisEventBus } from '../../../src/queue';
import type { LiveEvent } from '../../../src/services/events';
import { createStore, type Store } from '../../../src/store';
import { eventually } from '../../support/bot-harness';
import { connectTestDb, type TestDb } from '../../support/db';
import { connectTestRedis } from '../../support/redis';
import { seedReport } from '../../support/report-fixtures';

let db: TestDb;
let r: Awaited<ReturnType<typeof connectTestRedis>>;
let sub: Redis;
let store: Store;
let conversation: ConversationService;
const events: LiveEvent[] = [];

beforeAll(async () => {
  db = await connectTestDb('svc_conversation');
  r = await connectTestRedis('svc-conversation');
  store = createStore(db.conn, [{ id: 'k1', key: randomBytes(32) }]);
  await store.ready();
  sub = new IORedis(r.url, { maxRetriesPerRequest: null });
  const bus = new RedisEventBus(r.redis, sub, `${r.prefix}:live`);
  await bus.subscribe((e) => events.push(e));
  conversation = new ConversationService({ store, events: bus, logger: createLogger({ level: 'silent' }) });
});

afterAll(async () => {
  await sub?.quit();
  await r?.cleanup();
  await db?.drop();
});

/** A resolved report of this reporter. */
async function closed(telegramUserId: number) {
  const { report } = await seedReport(store, {}, { telegramUserId });
  await store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'resolved' } });
  return report;
}

describe('ConversationService', () => {
  it('lists a reporter’s open tickets newest first, and none for someone unknown', async () => {
    const { telegramUserId, report: older } = await seedReport(store);
    const { report: newer } = await seedReport(store, { category: 'p_brutality' }, { telegramUserId });
    // Filed an hour earlier, so the order does not rest on two inserts in one millisecond.
    await store.models.Report.updateOne({ _id: older._id }, { $set: { createdAt: new Date(Date.now() - 3600_000) } }, { timestamps: false });
    await closed(telegramUserId);
    const open = await conversation.openTickets(telegramUserId);
    expect(open.map((t) => t.reportId)).toEqual([newer._id.toString(), older._id.toString()]);
    // With the place and the story's opening the reporter gave: "which report?" tells two alike apart by them.
    expect(open[0]).toEqual({ reportId: newer._id.toString(), reference: newer.reference, category: 'p_brutality', createdAt: newer.createdAt, anonymous: newer.anonymous, place: newer.place, story: newer.description.text });
    expect(await conversation.openTickets(999_999_001)).toEqual([]);
  });

  it('attaches a message to the reporter’s open ticket: stored, on the audit trail, announced to the console', async () => {
    const { telegramUserId, report } = await seedReport(store);
    const reportId = report._id.toString();
    const result = await conversation.attach(telegramUserId, reportId, { text: 'The officer’s name tag said Mutua.' });
    // Nobody has taken the report yet: the reporter is told it waits with it; sent with the number (named), staff may call.
    expect(result).toEqual({ ok: true, reportId, reference: report.reference, kind: 'text', waiting: true, named: true });
    // Sent anonymously: nothing says staff may call.
    const { telegramUserId: other, report: anonymous } = await seedReport(store, { anonymous: true });
    expect(await conversation.attach(other, anonymous._id.toString(), { text: 'When will you call me?' })).toEqual({ ok: true, reportId: anonymous._id.toString(), reference: anonymous.reference, kind: 'text', waiting: true });
    expect(await conversation.take(other, { text: 'When will you call me?' })).not.toHaveProperty('named');
    const messages = await store.messages.listForReport(reportId);
    expect(messages.map((m) => [m.direction, m.text])).toEqual([['from_reporter', 'The officer’s name tag said Mutua.']]);
    const trail = await store.reports.history(reportId);
    expect(trail.map((e) => e.type)).toContain('reporter_message');
    await eventually(() => events.some((e) => e.type === 'ticket' && e.reportId === reportId && e.what === 'message'), 'the live event');
  });

  it('a reporter marked unreachable (they had blocked the bot) who writes again is reachable, live on the ticket page', async () => {
    const { telegramUserId, report } = await seedReport(store);
    const reportId = report._id.toString();
    expect(await store.reports.setReporterUnreachable(report._id, true)).toBe(true);
    expect(await conversation.attach(telegramUserId, reportId, { text: 'I unblocked you, sorry.' })).toMatchObject({ ok: true });
    expect((await store.reports.findById(reportId))?.reporterUnreachable).toBe(false);
    await eventually(() => events.some((e) => e.type === 'ticket' && e.reportId === reportId && e.what === 'status'), 'the head refreshed');
  });

  it('a reporter who blocked the bot is unreachable on their open tickets at once, live on the ticket page; once', async () => {
    const { telegramUserId, report } = await seedReport(store);
    const reportId = report._id.toString();
    const old = await closed(telegramUserId);
    expect(await conversation.unreachableNow(telegramUserId)).toBe(1);
    expect((await store.reports.findById(reportId))?.reporterUnreachable).toBe(true);
    expect((await store.reports.findById(old._id))?.reporterUnreachable).toBe(false);
    await eventually(() => events.some((e) => e.type === 'ticket' && e.reportId === reportId && e.what === 'status'), 'the head refreshed');
    expect(await conversation.unreachableNow(telegramUserId)).toBe(0);
    expect(await conversation.unreachableNow(999_999_002)).toBe(0);
  });

  it('a reporter who blocks the bot leaves their anonymous ticket as it was: marked beside the named one at that moment, it would tell staff whose it is', async () => {
    const { telegramUserId, report: named } = await seedReport(store);
    const { report: anonymous } = await seedReport(store, { anonymous: true }, { telegramUserId });
    expect(await conversation.unreachableNow(telegramUserId)).toBe(1);
    expect((await store.reports.findById(named._id))?.reporterUnreachable).toBe(true);
    const anon = await store.reports.findById(anonymous._id);
    expect(anon?.reporterUnreachable).toBe(false);
    expect((await store.reports.history(anonymous._id)).map((e) => e.type)).not.toContain('reporter_unreachable');
    await eventually(() => events.some((e) => e.type === 'ticket' && e.reportId === named._id.toString() && e.what === 'status'), 'the named ticket refreshed');
    expect(events.some((e) => e.type === 'ticket' && e.reportId === anonymous._id.toString())).toBe(false);
  });

  it('a reporter who unblocks the bot: the named tickets are in reach at once; the anonymous one waits for its own next delivery or their next message on it', async () => {
    const { telegramUserId, report: named } = await seedReport(store);
    const { report: anonymous } = await seedReport(store, { anonymous: true }, { telegramUserId });
    // Each was refused a staff message while they had blocked the bot (DeliveryService.failed).
    const refused = async (reportId: Types.ObjectId, text: string) => {
      const message = await store.messages.addOutgoing(reportId, { text, agentId: new Types.ObjectId() });
      await store.messages.markFailed(message._id, 'blocked');
      await store.reports.setReporterUnreachable(reportId, true);
      return message;
    };
    const toNamed = await refused(named._id, 'Are you safe?');
    const toAnonymous = await refused(anonymous._id, 'Which station was it?');
    const before = events.length;
    expect(await conversation.reachableAgain(telegramUserId)).toBe(1);
    expect((await store.reports.findById(named._id))?.reporterUnreachable).toBe(false);
    expect((await store.messages.findById(toNamed._id))?.delivery).toBe('pending');
    expect((await store.reports.findById(anonymous._id))?.reporterUnreachable).toBe(true);
    expect((await store.messages.findById(toAnonymous._id))?.delivery).toBe('failed');
    await eventually(() => events.slice(before).some((e) => e.type === 'ticket' && e.reportId === named._id.toString()), 'the named ticket refreshed');
    expect(events.slice(before).some((e) => e.type === 'ticket' && e.reportId === anonymous._id.toString())).toBe(false);
    // Their own message on the anonymous ticket brings it back in reach, with what was refused.
    expect(await conversation.attach(telegramUserId, anonymous._id.toString(), { text: 'I am back.' })).toMatchObject({ ok: true });
    expect((await store.reports.findById(anonymous._id))?.reporterUnreachable).toBe(false);
    expect((await store.messages.findById(toAnonymous._id))?.delivery).toBe('pending');
  });

  it('attaches a photo with its caption as a photo message', async () => {
    const { telegramUserId, report } = await seedReport(store);
    const media = { kind: 'photo' as const, fileId: 'AgACAgQAAxkBAAIphoto', fileUniqueId: 'AQADphoto', size: 90_000, caption: 'The car' };
    const result = await conversation.attach(telegramUserId, report._id.toString(), { text: 'The car', media });
    expect(result).toMatchObject({ ok: true, kind: 'photo' });
    const [message] = await store.messages.listForReport(report._id);
    expect(message.media?.fileId).toBe('AgACAgQAAxkBAAIphoto');
  });

  it('refuses someone else’s ticket, and an unknown or malformed id, the same way, storing nothing', async () => {
    const { report } = await seedReport(store);
    const { telegramUserId: other } = await seedReport(store);
    const id = report._id.toString();
    expect(await conversation.attach(other, id, { text: 'hello' })).toEqual({ ok: false, reason: 'not_yours' });
    expect(await conversation.attach(other, 'ffffffffffffffffffffffff', { text: 'hello' })).toEqual({ ok: false, reason: 'not_yours' });
    expect(await conversation.attach(other, 'not-an-id', { text: 'hello' })).toEqual({ ok: false, reason: 'not_yours' });
    expect(await store.messages.listForReport(id)).toEqual([]);
  });

  it('says whether someone has the report: a message to a report nobody has taken yet waits with it', async () => {
    const { telegramUserId, report } = await seedReport(store);
    expect(await conversation.take(telegramUserId, { text: 'Are you there?' })).toMatchObject({ ok: true, waiting: true });
    await store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: new Types.ObjectId().toString() }, { assignee: new Types.ObjectId().toString() });
    const taken = await conversation.take(telegramUserId, { text: 'Thank you for taking it.' });
    expect(taken).toMatchObject({ ok: true, reference: report.reference });
    expect(taken).not.toHaveProperty('waiting');
  });

  it('takes a message straight onto the only open ticket: stored, its history entry naming it, announced', async () => {
    const { telegramUserId, report } = await seedReport(store);
    await closed(telegramUserId);
    const reportId = report._id.toString();
    const result = await conversation.take(telegramUserId, { text: 'They came back this evening.' });
    // Nobody has taken the report yet: the reporter is told it waits with it; sent with the number (named), staff may call.
    expect(result).toEqual({ ok: true, reportId, reference: report.reference, kind: 'text', waiting: true, named: true });
    // Sent anonymously: nothing says staff may call.
    const { telegramUserId: other, report: anonymous } = await seedReport(store, { anonymous: true });
    expect(await conversation.attach(other, anonymous._id.toString(), { text: 'When will you call me?' })).toEqual({ ok: true, reportId: anonymous._id.toString(), reference: anonymous.reference, kind: 'text', waiting: true });
    expect(await conversation.take(other, { text: 'When will you call me?' })).not.toHaveProperty('named');
    const [message] = await store.messages.listForReport(reportId);
    expect(message).toMatchObject({ direction: 'from_reporter', kind: 'text', text: 'They came back this evening.', delivery: 'received' });
    expect(message.createdAt).toBeInstanceOf(Date);
    const entry = (await store.reports.history(reportId)).find((e) => e.type === 'reporter_message');
    expect(entry?.data).toEqual({ messageId: message._id.toString(), kind: 'text' });
    await eventually(() => events.some((e) => e.type === 'ticket' && e.reportId === reportId && e.what === 'message'), 'the live event');
  });

  it('a message written as its ticket closes is not said to be sent: the reporter is told the report is closed, named for the tap that may reopen it', async () => {
    const { telegramUserId, report } = await seedReport(store);
    const reportId = report._id.toString();
    // An agent resolves the ticket between the read that found it open and the message's write.
    const write = store.messages.addIncomingOnce.bind(store.messages);
    store.messages.addIncomingOnce = async (...args) => {
      store.messages.addIncomingOnce = write;
      await store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'resolved' } });
      return write(...args);
    };
    expect(await conversation.take(telegramUserId, { text: 'Are you still there?' })).toEqual({ ok: false, reason: 'no_ticket', closed: report.reference, lately: true, closedId: reportId });
    // Kept with the closed ticket's conversation, for whoever reopens it.
    expect((await store.messages.listForReport(reportId)).map((m) => m.text)).toEqual(['Are you still there?']);
  });

  it('the same Telegram message taken twice is stored once; another message with the same words is stored again', async () => {
    const { telegramUserId, report } = await seedReport(store);
    const reportId = report._id.toString();
    const sent = { text: 'Two more officers came.', telegram: { messageId: 41, date: 1_764_000_000 } };
    const expected = { ok: true, reportId, reference: report.reference, kind: 'text', waiting: true, named: true };
    expect(await conversation.take(telegramUserId, sent)).toEqual(expected);
    expect(await conversation.take(telegramUserId, sent)).toEqual(expected);
    expect(await conversation.take(telegramUserId, { ...sent, telegram: { messageId: 42, date: 1_764_000_005 } })).toEqual(expected);
    expect((await store.messages.listForReport(reportId)).map((m) => m.text)).toEqual(['Two more officers came.', 'Two more officers came.']);
    expect((await store.reports.history(reportId)).filter((e) => e.type === 'reporter_message')).toHaveLength(2);
  });

  it('messages stored in the same millisecond are listed in the order the reporter sent them', async () => {
    const { report } = await seedReport(store);
    // Ids drawn from Telegram messages say nothing of time: here the later message has the smaller id.
    await store.messages.addIncoming(report._id, { text: 'second', telegramMessageId: 11 }, new Types.ObjectId('000000000000000000000001'));
    await store.messages.addIncoming(report._id, { text: 'first', telegramMessageId: 10 }, new Types.ObjectId('ffffffffffffffffffffffff'));
    // Straight through the driver: mongoose keeps createdAt from being changed.
    await store.models.Message.collection.updateMany({ reportId: report._id }, { $set: { createdAt: new Date('2026-12-01T20:00:00.123Z') } });
    expect((await store.messages.listForReport(report._id)).map((m) => m.text)).toEqual(['first', 'second']);
  });

  it('a message attached again after "which report?" (a second tap) stays on the report it went to first, and says so', async () => {
    const { telegramUserId, report: first } = await seedReport(store);
    const { report: second } = await seedReport(store, {}, { telegramUserId });
    const photo = { text: 'The car', media: { kind: 'photo' as const, fileId: 'ph-1', fileUniqueId: 'u-ph-1' }, telegram: { messageId: 9, date: 1_764_000_100 } };
    expect(await conversation.attach(telegramUserId, first._id.toString(), photo)).toMatchObject({ ok: true, reference: first.reference });
    expect(await conversation.attach(telegramUserId, second._id.toString(), photo)).toEqual({ ok: true, reportId: first._id.toString(), reference: first.reference, kind: 'photo', waiting: true, named: true });
    expect(await store.messages.listForReport(first._id)).toHaveLength(1);
    expect(await store.messages.listForReport(second._id)).toEqual([]);
    expect((await store.reports.history(second._id)).filter((e) => e.type === 'reporter_message')).toEqual([]);
  });

  it('take: several open tickets are offered to choose from, none means no ticket, a refusal stores nothing', async () => {
    const { telegramUserId, report: first } = await seedReport(store);
    const { report: second } = await seedReport(store, {}, { telegramUserId });
    const result = await conversation.take(telegramUserId, { text: 'Which one?' });
    expect(result).toMatchObject({ ok: false, reason: 'choose' });
    expect(result.ok === false && result.reason === 'choose' ? result.tickets.map((t) => t.reportId).sort() : []).toEqual([first._id.toString(), second._id.toString()].sort());
    expect(await conversation.take(999_999_002, { text: 'hello' })).toEqual({ ok: false, reason: 'no_ticket' });
    const { telegramUserId: lone, report } = await seedReport(store);
    expect(await conversation.take(lone, { text: '  ' })).toEqual({ ok: false, reason: 'empty', max: LIMITS.reporterMessageMaxChars });
    expect(await store.messages.listForReport(report._id)).toEqual([]);
    expect(await store.messages.listForReport(first._id)).toEqual([]);
  });

  it('refuses a closed ticket', async () => {
    const { telegramUserId } = await seedReport(store);
    const report = await closed(telegramUserId);
    const shown = { reportId: report._id.toString(), reference: report.reference, category: report.category, createdAt: report.createdAt, anonymous: report.anonymous, place: report.place, story: report.description.text };
    expect(await conversation.attach(telegramUserId, report._id.toString(), { text: 'Any news?' })).toEqual({ ok: false, reason: 'not_open', reference: report.reference, closed: shown });
  });

  it('a report chosen that closes as the message is written is refused as closed, named as "which report?" shows it; the message is kept with it', async () => {
    const { telegramUserId, report } = await seedReport(store);
    const write = store.messages.addIncomingOnce.bind(store.messages);
    store.messages.addIncomingOnce = async (...args) => {
      store.messages.addIncomingOnce = write;
      await store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'resolved' } });
      return write(...args);
    };
    const result = await conversation.attach(telegramUserId, report._id.toString(), { text: 'Still waiting', telegram: { messageId: 77, date: 1_764_000_200 } });
    expect(result).toMatchObject({ ok: false, reason: 'not_open', reference: report.reference, closed: { reportId: report._id.toString(), reference: report.reference, category: report.category } });
    expect((await store.messages.listForReport(report._id)).map((m) => m.text)).toEqual(['Still waiting']);
  });

  it('a message kept on a report that closed as it was written says so (`stored`), and attached again to another report names the closed one, not the open one', async () => {
    const { telegramUserId, report: first } = await seedReport(store);
    const { report: second } = await seedReport(store, {}, { telegramUserId });
    const write = store.messages.addIncomingOnce.bind(store.messages);
    store.messages.addIncomingOnce = async (...args) => {
      store.messages.addIncomingOnce = write;
      await store.models.Report.updateOne({ _id: first._id }, { $set: { status: 'resolved' } });
      return write(...args);
    };
    const message = { text: 'They came back', telegram: { messageId: 78, date: 1_764_000_300 } };
    const onFirst = { ok: false, reason: 'not_open', reference: first.reference, stored: true, closed: { reportId: first._id.toString(), reference: first.reference, category: first.category } };
    expect(await conversation.attach(telegramUserId, first._id.toString(), message)).toMatchObject(onFirst);
    // A choice made again (a session save lost): the message is the closed report's, and never a second time anywhere.
    expect(await conversation.attach(telegramUserId, second._id.toString(), message)).toMatchObject(onFirst);
    expect((await store.messages.listForReport(first._id)).map((m) => m.text)).toEqual(['They came back']);
    expect(await store.messages.listForReport(second._id)).toEqual([]);
    // Closed before the message was written: nothing stored, and no `stored` mark.
    expect(await conversation.attach(telegramUserId, first._id.toString(), { text: 'And again', telegram: { messageId: 79, date: 1_764_000_301 } })).not.toHaveProperty('stored');
  });

  it('refuses an empty or too long text and a file too big to fetch', async () => {
    const { telegramUserId, report } = await seedReport(store);
    const id = report._id.toString();
    expect(await conversation.attach(telegramUserId, id, { text: '   ' })).toEqual({ ok: false, reason: 'empty', max: LIMITS.reporterMessageMaxChars });
    expect(await conversation.attach(telegramUserId, id, { text: 'a'.repeat(LIMITS.reporterMessageMaxChars + 1) })).toEqual({ ok: false, reason: 'too_long', max: LIMITS.reporterMessageMaxChars });
    const big = { kind: 'video' as const, fileId: 'BAACAgQ', fileUniqueId: 'AgADbig', size: LIMITS.evidenceMaxBytes + 1 };
    expect(await conversation.attach(telegramUserId, id, { media: big })).toEqual({ ok: false, reason: 'too_big', maxBytes: LIMITS.evidenceMaxBytes });
    expect(await store.messages.listForReport(id)).toEqual([]);
    // The first part of a long paste (Telegram cuts it at 4,096) is taken, not refused while the rest goes through.
    expect(await conversation.attach(telegramUserId, id, { text: 'b'.repeat(4096) })).toMatchObject({ ok: true });
  });
});
