import { createHash, randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { isDuplicateKey } from './reporter-repository';
import type { AgentDoc, AgentModels, AgentRole, ConsoleSessionDoc } from './agent-model';
import type { Lang } from './models';
import type { Logger } from '../logger';

type Id = Types.ObjectId | string;
const oid = (id: Id) => (typeof id === 'string' ? new Types.ObjectId(id) : id);

export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const PASSWORD_MIN_CHARS = 10;
export const PASSWORD_MAX_CHARS = 200;

export type PasswordCheck = { ok: true } | { ok: false; reason: 'too_short' | 'too_long' };

/** Length is what makes a password strong; composition rules only make people write them down. */
export function checkPassword(password: string): PasswordCheck {
  const n = [...password].length;
  if (n < PASSWORD_MIN_CHARS) return { ok: false, reason: 'too_short' };
  if (n > PASSWORD_MAX_CHARS) return { ok: false, reason: 'too_long' };
  return { ok: true };
}

/** The console's flash key for a password refused (`console:flash.*`). */
export function passwordFlash(check: Extract<PasswordCheck, { ok: false }>): 'password_short' | 'password_long' {
  return check.reason === 'too_long' ? 'password_long' : 'password_short';
}

export function normaliseUsername(s: string): string {
  return s.trim().toLowerCase();
}

export type SignInResult = { ok: true; agent: AgentDoc } | { ok: false; reason: 'unknown' | 'inactive' | 'locked' | 'bad_password' };

export interface SignInOptions {
  /**
   * Whether the lock-out leaves this attempt alone (neither holds nor counts it): a browser the
   * account signed in from before, which keeps its own count (src/console/trusted-device.ts).
   */
  exempt?: (agent: AgentDoc) => Promise<boolean>;
}

export interface AgentRepositoryOptions {
  /** Failures in a row that lock an account (default 5). */
  maxFailures?: number;
  /** How long a lock lasts (default 15 minutes). */
  lockMinutes?: number;
  /** argon2 cost; tests may lower it, production keeps the library's defaults. */
  hashOptions?: { timeCost?: number; memoryCost?: number; parallelism?: number };
  /** Checks a password against a stored hash (default argon2.verify); tests count the checks. */
  verifyPassword?: (hash: string, password: string) => Promise<boolean>;
  now?: () => Date;
  /** For what the repository carries on past (sessions ended whose records could not be deleted). */
  logger?: Pick<Logger, 'warn'>;
}

/** An attempt's claim on the account's sign-in count, kept to give it back after a success. */
interface SignInSlot {
  windowAt: Date | null;
  /** Set when this attempt took the last slot and so locked the account. */
  lockedUntil: Date | null;
  /** Attempts counted before this one, restored if this one turns out to be the right password. */
  failuresBefore: number;
}

/** A username or password the rules refuse: callers check the rules first; this is the last guard. */
export class AccountInputError extends Error {
  constructor(readonly refusal: { field: 'username'; reason: 'invalid' } | { field: 'password'; reason: 'too_short' | 'too_long' }) {
    super(refusal.field === 'username' ? 'username must be 2-32 characters: letters, digits, dot, dash or underscore' : `password ${refusal.reason.replace('_', ' ')}`);
    this.name = 'AccountInputError';
  }
}

export class AgentExistsError extends Error {
  constructor(readonly username: string) {
    super(`an account named ${username} already exists`);
    this.name = 'AgentExistsError';
  }
}

/** Console accounts, password checks with lock-out, and server-side sessions. */
export class AgentRepository {
  private readonly maxFailures: number;
  private readonly lockMs: number;
  private readonly now: () => Date;
  private dummyHash: Promise<string> | null = null;
  private readonly verify: (hash: string, password: string) => Promise<boolean>;

  constructor(
    private readonly models: AgentModels,
    private readonly opts: AgentRepositoryOptions = {},
  ) {
    this.maxFailures = opts.maxFailures ?? 5;
    this.lockMs = (opts.lockMinutes ?? 15) * 60_000;
    this.now = opts.now ?? (() => new Date());
    this.verify = opts.verifyPassword ?? (async (hash, password) => (await argon2()).verify(hash, password));
  }

  async hash(password: string): Promise<string> {
    const a = await argon2();
    return a.hash(password, { type: a.argon2id, ...this.opts.hashOptions });
  }

  async create(input: { username: string; name: string; role: AgentRole; password: string; language?: Lang }): Promise<AgentDoc> {
    const username = normaliseUsername(input.username);
    if (!USERNAME_RE.test(username)) throw new AccountInputError({ field: 'username', reason: 'invalid' });
    const check = checkPassword(input.password);
    if (!check.ok) throw new AccountInputError({ field: 'password', reason: check.reason });
    try {
      const doc = await this.models.Agent.create({
        username,
        name: input.name.trim(),
        role: input.role,
        passwordHash: await this.hash(input.password),
        language: input.language ?? 'en',
      });
      return doc.toObject();
    } catch (err) {
      if (isDuplicateKey(err)) throw new AgentExistsError(username);
      throw err;
    }
  }

  findById(id: Id): Promise<AgentDoc | null> {
    if (typeof id === 'string' && !Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.models.Agent.findById(oid(id)).lean<AgentDoc>().exec();
  }

  findByUsername(username: string): Promise<AgentDoc | null> {
    return this.models.Agent.findOne({ username: normaliseUsername(username) }).lean<AgentDoc>().exec();
  }

  list(): Promise<AgentDoc[]> {
    return this.models.Agent.find({}).sort({ active: -1, role: 1, username: 1 }).lean<AgentDoc[]>().exec();
  }

  /** Names by id, for showing who did what in audit trails and lists. */
  async namesByIds(ids: readonly Id[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.map(String))].filter((s) => Types.ObjectId.isValid(s));
    if (!unique.length) return new Map();
    const docs = await this.models.Agent.find({ _id: { $in: unique.map(oid) } }, { name: 1 }).lean<Pick<AgentDoc, '_id' | 'name'>[]>();
    return new Map(docs.map((d) => [d._id.toString(), d.name]));
  }

  /**
   * A new password also ends every session: whoever knew the old one is out. Ended in the same
   * write as the password is set: a failure after it (MongoDB giving up) leaves no session alive.
   */
  async setPassword(id: Id, password: string): Promise<boolean> {
    const check = checkPassword(password);
    if (!check.ok) throw new AccountInputError({ field: 'password', reason: check.reason });
    const res = await this.models.Agent.updateOne({ _id: oid(id) }, this.endingSessions({ passwordHash: await this.hash(password), failedSignIns: 0, lockedUntil: null }));
    await this.deleteSessions(id);
    return res.matchedCount === 1;
  }

  /** Deactivating ends every session in the same write: reactivated later, none from before comes back. */
  async setActive(id: Id, active: boolean): Promise<boolean> {
    const res = await this.models.Agent.updateOne({ _id: oid(id) }, active ? { $set: { active } } : this.endingSessions({ active }));
    if (!active) await this.deleteSessions(id);
    return res.matchedCount === 1;
  }

  /** The ids of deactivated accounts. */
  async deactivatedIds(): Promise<string[]> {
    const docs = await this.models.Agent.find({ active: false }, { _id: 1 }).lean<Pick<AgentDoc, '_id'>[]>();
    return docs.map((d) => d._id.toString());
  }

  /** An account that exists and was deactivated (an id of no account is not one). */
  async isDeactivated(id: Id): Promise<boolean> {
    return Types.ObjectId.isValid(String(id)) && (await this.models.Agent.exists({ _id: oid(id), active: false })) !== null;
  }

  async setLanguage(id: Id, language: Lang): Promise<void> {
    await this.models.Agent.updateOne({ _id: oid(id) }, { $set: { language } });
  }

  /**
   * Password check with lock-out. An attempt first takes a slot atomically in MongoDB, and only
   * then is the password checked, so parallel guesses cannot get more checks than the limit:
   * `maxFailures` attempts per window (which opens at the first attempt and lasts a lock's
   * length), the last of them locking the account. A success gives back only its own slot, so
   * failures counted beside it stand. Unknown, inactive and locked accounts still pay for one
   * verification so that timing does not tell which usernames exist. An `exempt` attempt skips
   * the lock-out.
   */
  async signIn(username: string, password: string, opts: SignInOptions = {}): Promise<SignInResult> {
    const agent = await this.findByUsername(username);
    if (!agent || !agent.active) {
      await this.verify(await this.dummy(), password).catch(() => false);
      return { ok: false, reason: agent ? 'inactive' : 'unknown' };
    }
    if (opts.exempt && (await opts.exempt(agent))) {
      const good = await this.verify(agent.passwordHash, password).catch(() => false);
      if (!good) return { ok: false, reason: 'bad_password' };
      await this.models.Agent.updateOne({ _id: agent._id }, { $set: { lastSignInAt: this.now() } });
      await this.rehashIfChanged(agent, password);
      return { ok: true, agent };
    }
    const now = this.now();
    const slot = await this.takeSlot(agent._id, now);
    if (!slot) {
      await this.verify(await this.dummy(), password).catch(() => false);
      return { ok: false, reason: 'locked' };
    }
    const good = await this.verify(agent.passwordHash, password).catch(() => false);
    if (!good) return { ok: false, reason: slot.lockedUntil ? 'locked' : 'bad_password' };
    await this.giveBack(agent._id, slot, now);
    await this.rehashIfChanged(agent, password);
    return { ok: true, agent };
  }

  /**
   * A password hashed at another cost than the configured one (PASSWORD_HASH_COST changed since)
   * is hashed again once known: accounts get the new cost, and a sign-in to a real account takes
   * as long as the dummy's check for an unknown one, so timing does not tell which exist.
   */
  private async rehashIfChanged(agent: AgentDoc, password: string): Promise<void> {
    if (!(await argon2()).needsRehash(agent.passwordHash, { ...this.opts.hashOptions })) return;
    const passwordHash = await this.hash(password);
    await this.models.Agent.updateOne({ _id: agent._id, passwordHash: agent.passwordHash }, { $set: { passwordHash } });
  }

  /** One attempt's slot, or null when the account is locked (every slot of the window taken). */
  private async takeSlot(id: Types.ObjectId, now: Date): Promise<SignInSlot | null> {
    const lockedUntil = new Date(now.getTime() + this.lockMs);
    const open = { _id: id, active: true, $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }] };
    const inWindow = { signInWindowAt: { $gt: new Date(now.getTime() - this.lockMs) } };
    const last = this.maxFailures - 1;
    const Agent = this.models.Agent;
    for (let round = 0; round < 2; round++) {
      const taken = await Agent.findOneAndUpdate({ ...open, ...inWindow, failedSignIns: { $lt: last } }, { $inc: { failedSignIns: 1 } }).lean<AgentDoc>();
      if (taken) return { windowAt: taken.signInWindowAt ?? null, lockedUntil: null, failuresBefore: 0 };
      // The last slot locks the account before its password is checked; the count starts afresh
      // when the lock ends.
      const locking = await Agent.findOneAndUpdate({ ...open, ...inWindow, failedSignIns: { $gte: last } }, { $set: { lockedUntil, failedSignIns: 0, signInWindowAt: null } }).lean<AgentDoc>();
      if (locking) return { windowAt: locking.signInWindowAt ?? null, lockedUntil, failuresBefore: locking.failedSignIns };
      if (round > 0) break;
      // No window open (or it ran out): open one. Only one racer wins; the others go round again.
      const first = last > 0 ? { failedSignIns: 1, signInWindowAt: now, lockedUntil: null } : { failedSignIns: 0, signInWindowAt: null, lockedUntil };
      const opened = await Agent.findOneAndUpdate({ ...open, $and: [{ $or: [{ signInWindowAt: null }, { signInWindowAt: { $lte: inWindow.signInWindowAt.$gt } }] }] }, { $set: first }).lean<AgentDoc>();
      if (opened) return { windowAt: first.signInWindowAt, lockedUntil: first.lockedUntil, failuresBefore: 0 };
    }
    return null;
  }

  /** After a success: return this attempt's slot, and undo the lock if this attempt set it. */
  private async giveBack(id: Types.ObjectId, slot: SignInSlot, now: Date): Promise<void> {
    const Agent = this.models.Agent;
    if (slot.lockedUntil) {
      await Agent.updateOne({ _id: id, lockedUntil: slot.lockedUntil }, { $set: { lockedUntil: null, failedSignIns: slot.failuresBefore, signInWindowAt: slot.windowAt } });
    } else if (slot.windowAt) {
      await Agent.updateOne({ _id: id, signInWindowAt: slot.windowAt, failedSignIns: { $gt: 0 } }, { $inc: { failedSignIns: -1 } });
    }
    await Agent.updateOne({ _id: id }, { $set: { lastSignInAt: now } });
  }

  /** `agent` as the sign-in read it: its device epoch goes with the session (see `findSession`). */
  async createSession(agent: Pick<AgentDoc, '_id' | 'devicesEpoch'>, hours: number): Promise<{ token: string; csrf: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + hours * 3_600_000);
    await this.models.ConsoleSession.create({ _id: sessionKey(token), agentId: agent._id, epoch: agent.devicesEpoch ?? 0, csrf, expiresAt, createdAt: this.now() });
    return { token, csrf, expiresAt };
  }

  /** The session and its (active) account, or null when unknown, expired or deactivated. */
  async findSession(token: string): Promise<{ session: ConsoleSessionDoc; agent: AgentDoc } | null> {
    if (!token || token.length > 100) return null;
    const session = await this.models.ConsoleSession.findById(sessionKey(token)).lean<ConsoleSessionDoc>();
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      await this.models.ConsoleSession.deleteOne({ _id: session._id });
      return null;
    }
    const agent = await this.findById(session.agentId);
    if (!agent || !agent.active) return null;
    // Made by a sign-in that read the account before its sessions were ended (a password reset
    // meanwhile); one made before sessions carried the epoch is judged by when they last ended.
    if (session.epoch !== undefined ? session.epoch !== (agent.devicesEpoch ?? 0) : endedSince(session, agent)) {
      await this.models.ConsoleSession.deleteOne({ _id: session._id });
      return null;
    }
    return { session, agent };
  }

  async endSession(token: string): Promise<void> {
    await this.models.ConsoleSession.deleteOne({ _id: sessionKey(token) });
  }

  /**
   * "Sign out everywhere": every browser of this account must sign in again. Raising the epoch
   * (and the time) ends every session at once (`findSession` refuses them); deleting their records
   * only tidies up, so a failure there is logged, not thrown: the sessions are over all the same.
   * The number of records deleted, or null when they could not be.
   */
  async revokeSessions(agentId: Id): Promise<number | null> {
    await this.models.Agent.updateOne({ _id: oid(agentId) }, this.endingSessions({}));
    return this.deleteSessions(agentId);
  }

  /**
   * An account update that also ends every session of the account (`findSession` refuses them):
   * the epoch raised and the time kept. Browsers the account signed in from are forgotten too: a
   * device cookie outlives a session.
   */
  private endingSessions(set: Record<string, unknown>): { $set: Record<string, unknown>; $inc: { devicesEpoch: 1 } } {
    return { $set: { ...set, sessionsEndedAt: this.now() }, $inc: { devicesEpoch: 1 } };
  }

  /** The records of sessions already ended: tidying only, so a failure is logged, not thrown (null). */
  private async deleteSessions(agentId: Id): Promise<number | null> {
    try {
      const res = await this.models.ConsoleSession.deleteMany({ agentId: oid(agentId) });
      return res.deletedCount ?? 0;
    } catch (err) {
      this.opts.logger?.warn({ err }, 'sessions ended, but their records were not deleted');
      return null;
    }
  }

  async ready(): Promise<void> {
    await Promise.all([this.models.Agent.init(), this.models.ConsoleSession.init()]);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}

/** A session without an epoch (made before they carried one) made before the account's sessions last ended. */
function endedSince(session: ConsoleSessionDoc, agent: AgentDoc): boolean {
  return agent.sessionsEndedAt != null && session.createdAt <= agent.sessionsEndedAt;
}

function sessionKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * argon2 (a native addon) is loaded on first use: only the console hashes or checks passwords, and
 * every role builds the store, so the bot and worker would otherwise map it for nothing.
 */
function argon2(): Promise<typeof import('argon2')> {
  return import('argon2');
}
