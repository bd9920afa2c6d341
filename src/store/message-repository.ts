import { Types, type Model } from 'mongoose';
import { STAFF_ANSWER } from '../domain';
import type { Evidence, Lang, MessageDoc } from './models';
import { isDuplicateKey } from './reporter-repository';

type Id = Types.ObjectId | string;
const oid = (id: Id) => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/** A reporter's message as stored: its words, its file, the Telegram message, and whether it was forwarded from someone else. */
export interface IncomingContent {
  text?: string;
  media?: Evidence;
  telegramMessageId?: number;
  passedOn?: MessageDoc['passedOn'];
}

/** What a reporter's message is, by its file (a text without one). */
export function incomingKind(content: { media?: Evidence }): MessageDoc['kind'] {
  return content.media ? (content.media.kind === 'audio' ? 'voice' : content.media.kind) : 'text';
}

/** The conversation with a reporter. Outgoing messages are stored before they are queued. */
export class MessageRepository {
  constructor(private readonly Message: Model<MessageDoc>) {}

  async addOutgoing(reportId: Id, content: { text: string; agentId?: Id; texts?: MessageDoc['texts'] } | { notice: { key: string; vars?: Record<string, string> } }, id?: Types.ObjectId, createdAt?: Date): Promise<MessageDoc> {
    const doc: Partial<MessageDoc> =
      'text' in content
        ? { reportId: oid(reportId), direction: 'to_reporter', kind: 'text', text: content.text, agentId: content.agentId ? oid(content.agentId) : null, delivery: 'pending', ...(content.texts ? { texts: content.texts } : {}) }
        : { reportId: oid(reportId), direction: 'to_reporter', kind: 'notice', notice: content.notice, delivery: 'pending' };
    return (await this.Message.create({ ...doc, ...(id ? { _id: id } : {}), ...(createdAt ? { createdAt } : {}) })).toObject();
  }

  /**
   * A notice a status change owed (`ReportDoc.noticesOwed`) under its own id: stored again (the
   * relay after the change's own try failed late), it is the one already stored. `owedAt`: its
   * place among the report's messages is when it was owed, not when a late store came: a reply
   * written meanwhile waits behind it (`pendingBefore`), as the reporter must read them in that order.
   */
  async addNoticeOnce(id: Types.ObjectId, reportId: Id, notice: { key: string; vars?: Record<string, string> }, owedAt?: Date): Promise<MessageDoc> {
    try {
      return await this.addOutgoing(reportId, { notice }, id, owedAt);
    } catch (err) {
      const stored = isDuplicateKey(err) ? await this.findById(id) : null;
      if (!stored || !stored.reportId.equals(oid(reportId)) || stored.kind !== 'notice') throw err;
      return stored;
    }
  }

  /**
   * An agent's reply under an id fixed by the draft it was written in: sent again (the answer to
   * the first send was lost, and the agent pressed Send again), it is the one already stored.
   */
  async addReplyOnce(id: Types.ObjectId, reportId: Id, content: { text: string; agentId: Id; texts?: MessageDoc['texts'] }): Promise<{ message: MessageDoc; created: boolean }> {
    try {
      return { message: await this.addOutgoing(reportId, content, id), created: true };
    } catch (err) {
      const stored = isDuplicateKey(err) ? await this.findById(id) : null;
      if (!stored || !stored.reportId.equals(oid(reportId))) throw err;
      return { message: stored, created: false };
    }
  }

  /**
   * Many agents' replies at once (an answer to every reporter of an incident), each under an id
   * fixed by its form as `addReplyOnce`: one write for all, where one each kept the agent's request
   * waiting on hundreds of round trips. The ids newly stored; one already there is left as it is.
   */
  async addRepliesOnce(replies: readonly { id: Types.ObjectId; reportId: Id; content: { text: string; agentId: Id; texts?: MessageDoc['texts'] } }[]): Promise<Types.ObjectId[]> {
    if (!replies.length) return [];
    // Straight through the driver, as addOutgoing's documents would be stored: built here from typed
    // values, and a mongoose document each cost more than the write (300 copies: 0.4-0.9 s against 0.1 s).
    const at = new Date();
    const docs = replies.map((r) => ({ _id: r.id, reportId: oid(r.reportId), direction: 'to_reporter', kind: 'text', text: r.content.text, agentId: oid(r.content.agentId), delivery: 'pending', ...textsOf(r.content.texts), createdAt: at, updatedAt: at, __v: 0 }));
    try {
      await this.Message.collection.insertMany(docs, { ordered: false });
      return replies.map((r) => r.id);
    } catch (err) {
      const dup = duplicateIndexes(err);
      if (!dup) throw err;
      // As `addReplyOnce`: an id taken by a message of another report is an error, not a copy already stored.
      const taken = replies.filter((_, i) => dup.has(i));
      const stored = await this.Message.find({ _id: { $in: taken.map((r) => r.id) } }, { reportId: 1 }).lean<Pick<MessageDoc, '_id' | 'reportId'>[]>();
      const same = new Set(stored.filter((m) => taken.some((r) => r.id.equals(m._id) && oid(r.reportId).equals(m.reportId))).map((m) => m._id.toString()));
      if (same.size !== taken.length) throw err;
      return replies.filter((_, i) => !dup.has(i)).map((r) => r.id);
    }
  }

  /**
   * `id` chosen by the caller lets it write what refers to the message (its history entry) at the
   * same time. `telegramMessageId`: its place in the chat, which orders messages stored in the same millisecond.
   */
  async addIncoming(reportId: Id, content: IncomingContent, id = new Types.ObjectId()): Promise<MessageDoc> {
    const { telegramMessageId, passedOn } = content;
    return (
      await this.Message.create({
        _id: id, reportId: oid(reportId), direction: 'from_reporter', kind: incomingKind(content), text: content.text, media: content.media, delivery: 'received',
        ...(telegramMessageId !== undefined ? { telegramMessageId } : {}),
        ...(passedOn ? { passedOn } : {}),
      })
    ).toObject();
  }

  /**
   * A reporter's message under an id fixed by the Telegram message it came in: taken again, it is
   * the one already stored (`created` false), on whichever report it went to.
   */
  async addIncomingOnce(id: Types.ObjectId, reportId: Id, content: IncomingContent): Promise<{ message: MessageDoc; created: boolean }> {
    try {
      return { message: await this.addIncoming(reportId, content, id), created: true };
    } catch (err) {
      const stored = isDuplicateKey(err) ? await this.findById(id) : null;
      if (!stored || stored.direction !== 'from_reporter') throw err;
      return { message: stored, created: false };
    }
  }

  /** Whether a notice with this key was ever stored for the report (the reportId index reads it). */
  async hasNotice(reportId: Id, key: string): Promise<boolean> {
    return (await this.Message.exists({ reportId: oid(reportId), 'notice.key': key })) !== null;
  }

  /** The notice `key` to the reporter on the report whose variables include `vars` (the consent question by its mark), if any. */
  findNotice(reportId: Id, key: string, vars: Record<string, string>): Promise<MessageDoc | null> {
    const byVars = Object.fromEntries(Object.entries(vars).map(([k, v]) => [`notice.vars.${k}`, v]));
    return this.Message.findOne({ reportId: oid(reportId), direction: 'to_reporter', kind: 'notice', 'notice.key': key, ...byVars }).lean<MessageDoc>().exec();
  }

  /** Whether anything, a staff message or a notice, was ever written to the reporter on the report. */
  async hasOutgoing(reportId: Id): Promise<boolean> {
    return (await this.Message.exists({ reportId: oid(reportId), direction: 'to_reporter' })) !== null;
  }

  /** Whether the last message on the report, either way, is the reporter's (they answered what staff last said). */
  async reporterWroteLast(reportId: Id): Promise<boolean> {
    const last = await this.Message.findOne({ reportId: oid(reportId) }, { direction: 1 }).sort({ createdAt: -1, _id: -1 }).lean<Pick<MessageDoc, 'direction'>>().exec();
    return last?.direction === 'from_reporter';
  }

  /** When the reporter last wrote on each of these reports (reports without a message are absent). */
  lastIncomingAt(reportIds: Id[]): Promise<Map<string, Date>> {
    return this.lastAt(reportIds, 'from_reporter');
  }

  /**
   * When staff last wrote to the reporter of each of these reports themselves (domain `STAFF_ANSWER`).
   */
  lastStaffReplyAt(reportIds: Id[]): Promise<Map<string, Date>> {
    return this.lastAt(reportIds, STAFF_ANSWER.direction, { kind: STAFF_ANSWER.kind, delivery: { $ne: STAFF_ANSWER.notDelivery } });
  }

  private async lastAt(reportIds: Id[], direction: MessageDoc['direction'], more: Record<string, unknown> = {}): Promise<Map<string, Date>> {
    const last = new Map<string, Date>();
    if (!reportIds.length) return last;
    const rows = await this.Message.find({ reportId: { $in: reportIds.map(oid) }, direction, ...more }, { reportId: 1, createdAt: 1 }).lean<Pick<MessageDoc, 'reportId' | 'createdAt'>[]>().exec();
    for (const r of rows) {
      const key = r.reportId.toString();
      const seen = last.get(key);
      if (!seen || r.createdAt > seen) last.set(key, r.createdAt);
    }
    return last;
  }

  findById(id: Id): Promise<MessageDoc | null> {
    return this.Message.findById(id).lean<MessageDoc>().exec();
  }

  /**
   * Oldest first. Within one millisecond (a reporter's waiting messages stored one after another),
   * by their place in the chat: a message's id, drawn from its Telegram message, says nothing of time.
   */
  listForReport(reportId: Id): Promise<MessageDoc[]> {
    return this.Message.find({ reportId: oid(reportId) }).sort({ createdAt: 1, telegramMessageId: 1, _id: 1 }).lean<MessageDoc[]>().exec();
  }

  /** Which of these reports a message delivered to the reporter as Telegram message `telegramMessageId` belongs to. */
  async reportOfDelivered(reportIds: Id[], telegramMessageId: number): Promise<Types.ObjectId | null> {
    if (!reportIds.length) return null;
    const hit = await this.Message.findOne({ reportId: { $in: reportIds.map(oid) }, direction: 'to_reporter', telegramMessageId }, { reportId: 1 }).lean<Pick<MessageDoc, 'reportId'>>().exec();
    return hit?.reportId ?? null;
  }

  /** Outgoing messages stored but not yet delivered: the outbox relay re-queues them. */
  findPendingOutgoing(limit = 200, createdBefore?: Date): Promise<MessageDoc[]> {
    const filter: Record<string, unknown> = { direction: 'to_reporter', delivery: 'pending' };
    if (createdBefore) filter.createdAt = { $lte: createdBefore };
    return this.Message.find(filter).sort({ createdAt: 1, _id: 1 }).limit(limit).lean<MessageDoc[]>().exec();
  }

  /**
   * Whether an earlier message to the same report is still to be sent (`createdAt`, then `_id`, as
   * the conversation lists them): this one goes after it, so the reporter reads them in order.
   */
  async pendingBefore(message: Pick<MessageDoc, '_id' | 'reportId' | 'createdAt'>): Promise<boolean> {
    return (await this.pendingBeside(message, '$lt').exec()) !== null;
  }

  /** The next message to the same report still to be sent after this one (the one `pendingBefore` holds back), if any. */
  async nextPending(message: Pick<MessageDoc, '_id' | 'reportId' | 'createdAt'>): Promise<Types.ObjectId | null> {
    return (await this.pendingBeside(message, '$gt').sort({ createdAt: 1, _id: 1 }).exec())?._id ?? null;
  }

  /** A pending outgoing message of the same report before (`$lt`) or after (`$gt`) this one. */
  private pendingBeside(message: Pick<MessageDoc, '_id' | 'reportId' | 'createdAt'>, side: '$lt' | '$gt') {
    const beside = [{ createdAt: { [side]: message.createdAt } }, { createdAt: message.createdAt, _id: { [side]: message._id } }];
    return this.Message.findOne({ reportId: message.reportId, direction: 'to_reporter', delivery: 'pending', $or: beside }, { _id: 1 }).lean<Pick<MessageDoc, '_id'>>();
  }

  /**
   * Claims the send of a pending message for `by` until `until`, unless another send holds it
   * (its claim not yet run out; `by` asking again, after a 429, renews its own). Not claimed: `until`, when the other send's claim ends (null:
   * the message is no longer pending). Jobs normally never overlap (job id = message id); this
   * holds when Redis lost a job in flight and the outbox relay queued the message again.
   */
  async claimSend(id: Id, by: string, until: Date, now = new Date()): Promise<{ claimed: true } | { claimed: false; until: Date | null }> {
    const res = await this.Message.updateOne(
      { _id: oid(id), direction: 'to_reporter', delivery: 'pending', $or: [{ sending: null }, { 'sending.until': { $lte: now } }, { 'sending.by': by }] },
      { $set: { sending: { by, until } } },
    );
    if (res.modifiedCount === 1) return { claimed: true };
    const held = await this.Message.findById(id, { delivery: 1, sending: 1 }).lean<Pick<MessageDoc, 'delivery' | 'sending'>>().exec();
    return { claimed: false, until: held?.delivery === 'pending' ? (held.sending?.until ?? now) : null };
  }

  /** A send that failed gives its claim back at once, so the message's retry need not wait for it to run out. */
  async releaseSend(id: Id, by: string): Promise<void> {
    await this.Message.updateOne({ _id: oid(id), 'sending.by': by }, { $unset: { sending: 1 } });
  }

  /** Only a pending message becomes sent: a redelivered job cannot send twice once this succeeded. */
  /** `language`: the one it went out in (the reporter may switch later): the console and case file quote it so. */
  async markSent(id: Id, telegramMessageId: number, language?: Lang): Promise<boolean> {
    const res = await this.Message.updateOne({ _id: oid(id), delivery: 'pending' }, { $set: { delivery: 'sent', telegramMessageId, ...(language ? { sentIn: language } : {}) }, $unset: { sending: 1 } });
    return res.modifiedCount === 1;
  }

  async markFailed(id: Id, as?: 'blocked'): Promise<void> {
    await this.Message.updateOne({ _id: oid(id), delivery: 'pending' }, { $set: { delivery: 'failed', ...(as ? { failedAs: as } : {}) }, $unset: { sending: 1 } });
  }

  /**
   * The report's messages that failed because the reporter had blocked the bot, written since
   * `since`: pending again (the outbox relay sends them, in order). How many.
   */
  async sendAgainAfterBlock(reportId: Id, since: Date): Promise<number> {
    const res = await this.Message.updateMany(
      { reportId: oid(reportId), direction: 'to_reporter', delivery: 'failed', failedAs: 'blocked', createdAt: { $gte: since } },
      { $set: { delivery: 'pending' }, $unset: { failedAs: 1 } },
    ).exec();
    return res.modifiedCount;
  }
}

/** The positions of an unordered bulk insert's entries refused as duplicates; null when anything else failed. */
function duplicateIndexes(err: unknown): Set<number> | null {
  const writeErrors = (err as { writeErrors?: unknown } | null)?.writeErrors;
  const list = (Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : []) as { code?: unknown; index?: unknown }[];
  if (!list.length || !list.every((w) => w.code === 11000 && typeof w.index === 'number')) return null;
  return new Set(list.map((w) => w.index as number));
}

/** A reply's words in both languages as a schema-cast document keeps them: only the languages written. */
function textsOf(texts: MessageDoc['texts'] | undefined): { texts?: { en?: string; sw?: string } } {
  if (!texts) return {};
  return { texts: { ...(texts.en !== undefined ? { en: texts.en } : {}), ...(texts.sw !== undefined ? { sw: texts.sw } : {}) } };
}
