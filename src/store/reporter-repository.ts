import type { Model, ModifyResult, Types } from 'mongoose';
import type { IdentityCipher } from './identity-cipher';
import type { Lang, ReporterDoc } from './models';

/** What we know about a reporter. Only the server ever decrypts it (to send them messages). */
export interface ReporterIdentity {
  telegramUserId: number;
  chatId: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  phone?: string;
}

const HOUR_MS = 3600_000;
/** Tries at a new record whose lookup hash a forgotten one still holds: one to free it, one for a race besides. */
const CREATE_TRIES = 3;
/**
 * A record still in use: not purged, and its reporter has not asked to be forgotten (a /forget
 * under way, or one a crash stopped, finished by retention). Nothing new is filed under, nor
 * written into, any other: the same Telegram user is someone new from the moment they ask.
 */
const LIVE = { purged: { $ne: true }, forgetAskedAt: { $exists: false } };

export class ReporterRepository {
  constructor(
    private readonly Reporter: Model<ReporterDoc>,
    private readonly cipher: IdentityCipher,
  ) {}

  /** The Telegram user's record in use (`LIVE`), if any. */
  async findByTelegramUser(telegramUserId: number): Promise<ReporterDoc | null> {
    return this.Reporter.findOne({ lookupHash: { $in: this.cipher.lookupHashes(telegramUserId) }, ...LIVE }).lean<ReporterDoc>();
  }

  /**
   * Find or create the reporter for a Telegram user, re-sealing an existing record under the
   * current key after a rotation. A record whose reporter asked to be forgotten is never found: a
   * new one is made, with these names, this language and `phone` (one round trip, not setPhone's
   * two). An existing record's names, language and phone are left as they were: a report being
   * sent may be anonymous, or may fail, and a change arriving with it would tell staff whose it is
   * on the reporter's named tickets (/lugha still sets the language, `setLanguageOf`). Intake finds
   * the record this way for every report, and writes a named report's details only once that
   * report is stored (`refreshIdentity`); `created` says this call made the record, with all of
   * that already on it.
   */
  async upsertFromTelegram(who: Omit<ReporterIdentity, 'phone'>, language: Lang, opts: { phone?: string } = {}): Promise<{ reporter: ReporterDoc; created: boolean }> {
    const withPhone: ReporterIdentity = opts.phone ? { ...who, phone: opts.phone } : who;
    for (let tries = 1; ; tries++) {
      const found = await this.findOrCreate(who.telegramUserId, withPhone, language);
      if (found.created) return { reporter: found.doc, created: true };
      const updated = await this.rewrite(found.doc);
      if (updated) return { reporter: updated, created: false };
      if (tries >= CREATE_TRIES) throw new Error('reporter record: asked to be forgotten on every try');
    }
  }

  /**
   * A named report was stored under `existing`: its record takes the names, the language and the
   * phone sent with it. Written after the report, never before: a send that fails leaves the
   * record as it was, so a number (or a name) sent with no report is never kept, nor shown on
   * the reporter's named tickets as their next, anonymous, report comes in. Null when the record
   * is no longer in use (its reporter asked to be forgotten meanwhile): nothing is written back.
   */
  async refreshIdentity(existing: ReporterDoc, who: Omit<ReporterIdentity, 'phone'>, language: Lang, phone?: string): Promise<ReporterDoc | null> {
    return this.rewrite(existing, { who: phone ? { ...who, phone } : who, language });
  }

  /**
   * An anonymous report was stored under `existing`: a phone on it that no report carries
   * (`carried`: a named report of theirs is stored) goes. One was written by an older release for a
   * send that then failed, or came with a report sent again anonymously since. Kept, it would be
   * one more thing about the reporter that no report needs. Written only while the identity is
   * as read: a named report stored meanwhile writes its own.
   */
  async dropPhoneUnlessCarried(existing: ReporterDoc, carried: () => Promise<boolean>): Promise<boolean> {
    const { phone, ...rest } = this.cipher.open<ReporterIdentity>(existing.identity);
    if (!phone || (await carried())) return false;
    const res = await this.Reporter.updateOne({ _id: existing._id, 'identity.iv': existing.identity.iv, ...LIVE }, { $set: { identity: this.cipher.seal(rest) } });
    return res.modifiedCount === 1;
  }

  /**
   * `existing` with `named`'s identity and language over its own (none: as it is), re-sealed
   * under the current key: written only when that changes anything. Null when the record is no
   * longer in use: a /forget since the read must not get the identity written back into its record.
   */
  private async rewrite(existing: ReporterDoc, named?: { who: ReporterIdentity; language: Lang }): Promise<ReporterDoc | null> {
    const current = this.cipher.open<ReporterIdentity>(existing.identity);
    const next: ReporterIdentity = named ? { ...current, ...named.who } : current;
    const reads = named ? named.language : existing.language;
    const changed = JSON.stringify(current) !== JSON.stringify(next) || existing.identity.k !== this.cipher.currentKeyId || existing.language !== reads;
    if (!changed) return existing;
    return this.Reporter.findOneAndUpdate(
      { _id: existing._id, ...LIVE },
      { $set: { identity: this.cipher.seal(next), lookupHash: this.cipher.lookupHash(next.telegramUserId), ...(reads ? { language: reads } : {}) } },
      { returnDocument: 'after' },
    ).lean<ReporterDoc>();
  }

  /**
   * The reporter's record in use, created with this identity if there is none: one round trip,
   * where a read then an insert took two on every first report (BENCHMARKS.md, issue 17). An
   * existing record is returned as it is; the upsert writes only the hour it was seen (`seenAt`),
   * at most once an hour, which keeps retention from purging a reporter whose report is being
   * stored. The new record's lookup hash may still be held: by a record being forgotten, which
   * gives it up (`releaseHash`), or by a record another update of the same new user just made,
   * found on the next try.
   */
  private async findOrCreate(telegramUserId: number, identity: ReporterIdentity, language: Lang): Promise<{ doc: ReporterDoc; created: boolean }> {
    for (let tries = 1; ; tries++) {
      try {
        return await this.upsertLive(telegramUserId, identity, language);
      } catch (err) {
        if (!isDuplicateKey(err, 'lookupHash') || tries >= CREATE_TRIES) throw err;
        await this.releaseHash(this.cipher.lookupHash(telegramUserId));
      }
    }
  }

  /**
   * A record no longer in use gives up the lookup hash it still holds (a /forget under way purges
   * it with its identity later, by its id): its own `purged:<id>` in its place, as `purgeIdentity`
   * writes. A record in use keeps it.
   */
  private async releaseHash(hash: string): Promise<void> {
    const holder = await this.Reporter.findOne({ lookupHash: hash, $or: [{ purged: true }, { forgetAskedAt: { $exists: true } }] }).select({ _id: 1 }).lean<{ _id: Types.ObjectId }>();
    if (holder) await this.Reporter.updateOne({ _id: holder._id, lookupHash: hash }, { $set: { lookupHash: `purged:${holder._id.toString()}` } }, { timestamps: false });
  }

  private async upsertLive(telegramUserId: number, identity: ReporterIdentity, language: Lang): Promise<{ doc: ReporterDoc; created: boolean }> {
    const now = new Date();
    const res = await this.Reporter.findOneAndUpdate(
      { lookupHash: { $in: this.cipher.lookupHashes(telegramUserId) }, ...LIVE },
      {
        $setOnInsert: { lookupHash: this.cipher.lookupHash(telegramUserId), identity: this.cipher.seal(identity), language, purged: false, createdAt: now, updatedAt: now },
        $max: { seenAt: new Date(now.getTime() - (now.getTime() % HOUR_MS)) },
      },
      // No timestamps: mongoose would $set updatedAt, a write on every report of a known reporter.
      { upsert: true, returnDocument: 'after', includeResultMetadata: true, timestamps: false, setDefaultsOnInsert: false },
    ).lean<ModifyResult<ReporterDoc>>();
    if (!res.value) throw new Error('reporter upsert returned nothing');
    return { doc: res.value, created: res.lastErrorObject?.updatedExisting !== true };
  }

  /**
   * The language on this Telegram user's record, if there is one: one write that matches nothing
   * for someone who never reported, where a read first cost a round trip on every language tap.
   */
  async setLanguageOf(telegramUserId: number, language: Lang): Promise<void> {
    await this.Reporter.updateOne({ lookupHash: { $in: this.cipher.lookupHashes(telegramUserId) }, ...LIVE }, { $set: { language } });
  }

  /** A phone on a record in use (`LIVE`): one purged or asked to be forgotten is not written to. */
  async setPhone(reporterId: Types.ObjectId, phone: string): Promise<void> {
    const doc = await this.Reporter.findOne({ _id: reporterId, ...LIVE }).lean<ReporterDoc>();
    if (!doc) throw new Error(`reporter ${reporterId} not found in use`);
    const identity = { ...this.cipher.open<ReporterIdentity>(doc.identity), phone };
    await this.Reporter.updateOne({ _id: reporterId, ...LIVE }, { $set: { identity: this.cipher.seal(identity) } });
  }

  /**
   * `migrate`: records purged before a purge took the chosen language too (`purgeIdentity`) lose
   * it now. How many (with `dryRun`, would).
   */
  async dropLanguageOfPurged(opts: { dryRun?: boolean } = {}): Promise<number> {
    const filter = { purged: true, language: { $exists: true } };
    return opts.dryRun ? this.Reporter.countDocuments(filter) : (await this.Reporter.updateMany(filter, { $unset: { language: 1 } })).modifiedCount;
  }

  /** The language each of these reporters chose (by id); a record purged since has none. */
  async languagesOf(reporterIds: readonly Types.ObjectId[]): Promise<Map<string, Lang>> {
    if (!reporterIds.length) return new Map();
    const rows = await this.Reporter.find({ _id: { $in: [...reporterIds] } }, { language: 1 }).lean<Pick<ReporterDoc, '_id' | 'language'>[]>().exec();
    return new Map(rows.flatMap((r) => (r.language ? [[r._id.toString(), r.language] as const] : [])));
  }

  async findById(reporterId: Types.ObjectId | string): Promise<ReporterDoc | null> {
    return this.Reporter.findById(reporterId).lean<ReporterDoc>();
  }

  /** Decrypts; callers decide whether the viewer may see it (never for anonymous reports). */
  async identityOf(reporterId: Types.ObjectId | string): Promise<ReporterIdentity | null> {
    const doc = await this.findById(reporterId);
    if (!doc || doc.purged) return null;
    return this.cipher.open<ReporterIdentity>(doc.identity);
  }

  /**
   * Whom a message to the reporter goes to: nobody once their identity is purged, nor once they
   * asked to be forgotten (a /forget under way keeps the identity only for its own blanking).
   */
  async recipientOf(reporterId: Types.ObjectId | string): Promise<ReporterIdentity | null> {
    const doc = await this.findById(reporterId);
    return doc && mayReach(doc) ? this.cipher.open<ReporterIdentity>(doc.identity) : null;
  }

  /**
   * Every record this Telegram user has (one, unless a key rotation left another under an older
   * key's hash): what /forget deletes.
   */
  async findAllByTelegramUser(telegramUserId: number): Promise<ReporterDoc[]> {
    return this.Reporter.find({ lookupHash: { $in: this.cipher.lookupHashes(telegramUserId) } }).lean<ReporterDoc[]>();
  }

  /** The reporter asked us to delete their details (/forget): the first time they asked is kept. */
  async askedToForget(reporterId: Types.ObjectId, at: Date): Promise<void> {
    await this.Reporter.updateOne({ _id: reporterId }, { $min: { forgetAskedAt: at } });
  }

  /** Reporters who asked to be forgotten since `since` (the forgotten ones included): retention finishes what a crash left. */
  async askedToForgetSince(since: Date): Promise<Types.ObjectId[]> {
    const docs = await this.Reporter.find({ forgetAskedAt: { $gte: since } }).select({ _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
    return docs.map((d) => d._id);
  }

  /**
   * Retention: forget who the reporter is; reports stay for statistics. Not when they were seen at
   * `notSeenSince` or later (a report of theirs may be on its way to MongoDB), unless that was
   * after `aheadAfter` (a wrong clock's), nor once the reporter asked to be forgotten (their request
   * purges it, after blanking as they asked): false then. Without `seen` (the reporter's own request),
   * whenever they were seen. The lookup hash goes too: the same Telegram user writing again is a
   * new reporter, never linked to these reports. So does the language they chose: what reads it
   * falls back to the report's own.
   */
  async purgeIdentity(reporterId: Types.ObjectId, seen?: { notSeenSince: Date; aheadAfter: Date }): Promise<boolean> {
    const guard = seen ? { forgetAskedAt: { $exists: false }, $or: [{ seenAt: { $exists: false } }, { seenAt: { $lt: seen.notSeenSince } }, { seenAt: { $gt: seen.aheadAfter } }] } : {};
    const res = await this.Reporter.updateOne(
      { _id: reporterId, ...guard },
      // The language they chose goes too: it was theirs ("your language choice" is deleted), and
      // shown beside each of their tickets ("now reads Kiswahili") it would be one more thing in common.
      { $set: { identity: this.cipher.seal({ purged: true }), lookupHash: `purged:${reporterId.toString()}`, purged: true }, $unset: { language: 1 } },
    );
    return res.matchedCount === 1;
  }
}

/** A record messages may still go to: not purged, and its reporter has not asked to be forgotten. */
export function mayReach(doc: Pick<ReporterDoc, 'purged' | 'forgetAskedAt'>): boolean {
  return !doc.purged && !doc.forgetAskedAt;
}

export function isDuplicateKey(err: unknown, field?: string): boolean {
  if (typeof err !== 'object' || err === null || (err as { code?: unknown }).code !== 11000) return false;
  if (!field) return true;
  const e = err as { keyPattern?: Record<string, unknown>; keyValue?: Record<string, unknown>; message?: string };
  return Boolean(e.keyPattern?.[field] ?? e.keyValue?.[field] ?? e.message?.includes(field));
}
