/**
 * Issue 16's services against the MongoDB test server: saved replies (who may manage them, both
 * languages, the audit of every change, sending one in the reporter's language through the
 * ordinary reply) and the one-tap rating (closed tickets only, one answer however many taps).
 */
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { createLogger } from '../../../src/logger';
import { ConversationService } from '../../../src/services/conversation-service';
import type { EventBus } from '../../../src/services/events';
import { SavedReplyService } from '../../../src/services/saved-reply-service';
import { TicketService } from '../../../src/services/ticket-service';
import type { AgentRef } from '../../../src/services/ticket-actions';
import { createStore, type Store } from '../../../src/store';
import { connectTestDb, type TestDb } from '../../support/db';
import { seedReport } from '../../support/report-fixtures';

let db: TestDb;
let store: Store;
let saved: SavedReplyService;
let conversation: ConversationService;
const delivered: string[] = [];
const logger = createLogger({ level: 'silent' });
const supervisor: AgentRef = { id: new Types.ObjectId().toString(), role: 'supervisor' };
const agent: AgentRef = { id: new Types.ObjectId().toString(), role: 'agent' };

beforeAll(async () => {
  db = await connectTestDb('svc_board');
  store = createStore(db.conn, [{ id: 'k1', key: randomBytes(32) }]);
  await store.ready();
  const events = { publish: async () => undefined } as unknown as EventBus;
  const desk = { takeNext: async () => ({ ok: false }) as never, release: async () => null as never, dropWaiting: async () => undefined, maxPerAgent: 5 };
  const tickets = new TicketService({ store, desk, replies: { deliver: async (id: string) => void delivered.push(id) }, events, logger });
  saved = new SavedReplyService({ store, tickets, logger });
  conversation = new ConversationService({ store, events, logger });
});

afterAll(async () => {
  await db?.drop();
});

const SAFE = { title: 'Are you safe?', en: 'Are you somewhere safe right now?', sw: 'Je, uko mahali salama sasa hivi?' };

describe('saved replies', () => {
  it('only supervisors create them, with both languages; each change is kept with who made it', async () => {
    expect(await saved.create(agent, SAFE)).toEqual({ ok: false, reason: 'wrong_role' });
    expect(await saved.create(supervisor, { ...SAFE, sw: ' ' })).toEqual({ ok: false, reason: 'sw_empty' });
    const created = await saved.create(supervisor, SAFE);
    if (!created.ok) throw new Error(created.reason);
    const id = created.reply._id.toString();

    const other: AgentRef = { id: new Types.ObjectId().toString(), role: 'admin' };
    expect(await saved.update(agent, id, { ...SAFE, en: 'changed' })).toEqual({ ok: false, reason: 'wrong_role' });
    expect((await saved.update(other, id, { ...SAFE, en: 'Are you safe now?' })).ok).toBe(true);
    expect((await saved.list()).map((r) => r.text.en)).toContain('Are you safe now?');
    expect(await saved.remove(agent, id)).toEqual({ ok: false, reason: 'wrong_role' });
    expect((await saved.remove(supervisor, id)).ok).toBe(true);
    expect((await saved.list()).map((r) => r._id.toString())).not.toContain(id);
    expect(await saved.remove(supervisor, id)).toEqual({ ok: false, reason: 'not_found' });
    expect(await saved.update(supervisor, id, SAFE)).toEqual({ ok: false, reason: 'not_found' });

    const trail = await store.savedReplies.history(id);
    expect(trail.map((e) => ({ action: e.action, by: e.agentId.toString(), en: e.text.en }))).toEqual([
      { action: 'created', by: supervisor.id, en: SAFE.en },
      { action: 'updated', by: other.id, en: 'Are you safe now?' },
      { action: 'deleted', by: supervisor.id, en: 'Are you safe now?' },
    ]);
  });

  it('go out in the reporter language as chosen now, through the holder reply (queued, audited); others are refused', async () => {
    const created = await saved.create(supervisor, { ...SAFE, title: 'Safe (sw)' });
    if (!created.ok) throw new Error(created.reason);
    const { report } = await seedReport(store, { language: 'en' });
    // The reporter switched the bot to Kiswahili after filing in English.
    await store.models.Reporter.updateOne({ _id: report.reporterId }, { $set: { language: 'sw' } });
    await store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'in_progress', assignee: new Types.ObjectId(agent.id) } });

    const stranger: AgentRef = { id: new Types.ObjectId().toString(), role: 'agent' };
    expect(await saved.send(report._id.toString(), stranger, created.reply._id.toString())).toEqual({ ok: false, reason: 'not_assignee' });
    expect(await saved.send(report._id.toString(), agent, new Types.ObjectId().toString())).toEqual({ ok: false, reason: 'invalid' });
    expect(await saved.send(report._id.toString(), agent, created.reply._id.toString(), 'form-drawn-once-1234')).toEqual({ ok: true });
    // The same form sent again (a double click, a re-sent page) is the same message.
    expect(await saved.send(report._id.toString(), agent, created.reply._id.toString(), 'form-drawn-once-1234')).toEqual({ ok: true });

    const out = (await store.messages.listForReport(report._id)).filter((m) => m.direction === 'to_reporter' && m.kind === 'text');
    expect(out.map((m) => ({ text: m.text, by: String(m.agentId) }))).toEqual([{ text: SAFE.sw, by: agent.id }]);
    expect(delivered).toContain(out[0]._id.toString());
    expect((await store.reports.history(report._id)).filter((e) => e.type === 'reply_queued')).toHaveLength(1);
  });
});

describe('rating after close', () => {
  it('is refused while the ticket is open and for someone else; on a closed ticket five simultaneous taps store one answer', async () => {
    const telegramUserId = 8_800_001;
    const { report } = await seedReport(store, { category: 'p_brutality', anonymous: true }, { telegramUserId });
    const id = report._id.toString();
    expect(await conversation.rate(telegramUserId, id, 'helped')).toEqual({ ok: false, reason: 'not_closed' });
    await store.models.Report.updateOne({ _id: report._id }, { $set: { status: 'resolved' } });
    await seedReport(store, {}, { telegramUserId: 8_800_002 });
    expect(await conversation.rate(8_800_002, id, 'helped')).toEqual({ ok: false, reason: 'not_yours' });

    const taps = await Promise.all([...Array(5)].map((_, i) => conversation.rate(telegramUserId, id, i % 2 ? 'not_helped' : 'helped')));
    const first = taps.filter((t) => t.ok && t.first);
    expect(first).toHaveLength(1);
    const kept = await store.ratings.findByReport(report._id);
    expect(taps.every((t) => t.ok && t.rating === kept!.rating)).toBe(true);
    expect(await store.models.Report.db.collection('ratings').countDocuments({ reportId: report._id })).toBe(1);
    expect((await store.reports.history(report._id)).filter((e) => e.type === 'rated')).toHaveLength(1);
  });

  it('counts answers per category and answer within a period', async () => {
    const day = (d: string) => new Date(`${d}T09:00:00Z`);
    const ids = [...Array(4)].map(() => new Types.ObjectId());
    await store.ratings.record(ids[0], 'e_violence', 'helped', day('2026-03-01'));
    await store.ratings.record(ids[1], 'e_violence', 'not_helped', day('2026-03-02'));
    await store.ratings.record(ids[2], 'e_violence', 'helped', day('2026-03-02'));
    await store.ratings.record(ids[3], 'e_violence', 'helped', day('2026-04-01'));
    expect(await store.ratings.record(ids[3], 'e_violence', 'not_helped')).toBe('already');
    const march = await store.ratings.counts({ from: day('2026-03-01'), to: day('2026-03-31') });
    const mine = march.filter((r) => r.category === 'e_violence').sort((a, b) => a.rating.localeCompare(b.rating));
    expect(mine).toEqual([
      { category: 'e_violence', rating: 'helped', count: 2 },
      { category: 'e_violence', rating: 'not_helped', count: 1 },
    ]);
  });
});
