import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { ROLES, type Role } from '../domain';
import type { Lang } from './models';

/** Console accounts. Roles widen what a person may see and do (src/domain/policy.ts ranks them). */
export const AGENT_ROLES = ROLES;
export type AgentRole = Role;

export interface AgentDoc {
  _id: Types.ObjectId;
  /** Lower-cased at write time so "Amina" and "amina" are one account. */
  username: string;
  name: string;
  role: AgentRole;
  /** argon2id; the plain password is never stored or logged. */
  passwordHash: string;
  active: boolean;
  language: Lang;
  /**
   * Sign-in attempts counted in the current window (failures, plus attempts being checked right
   * now); a success gives its own attempt back. See AgentRepository.signIn.
   */
  failedSignIns: number;
  /** When the current counting window opened; it lasts as long as a lock. */
  signInWindowAt?: Date | null;
  lockedUntil?: Date | null;
  lastSignInAt?: Date | null;
  /** Raised whenever the account's sessions end (password reset, sign out everywhere, deactivation): the browsers it knew are forgotten (src/console/trusted-device.ts). */
  devicesEpoch?: number;
  /** When the account's sessions last ended, set with `devicesEpoch`: ends the sessions that carry no epoch (see `findSession`). */
  sessionsEndedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const agentSchema = new Schema<AgentDoc>(
  {
    username: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true, trim: true },
    role: { type: String, enum: AGENT_ROLES, required: true },
    passwordHash: { type: String, required: true },
    active: { type: Boolean, default: true },
    language: { type: String, enum: ['en', 'sw'], default: 'en' },
    failedSignIns: { type: Number, default: 0 },
    signInWindowAt: { type: Date, default: null },
    lockedUntil: { type: Date, default: null },
    lastSignInAt: { type: Date, default: null },
    devicesEpoch: { type: Number, default: 0 },
    sessionsEndedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

/**
 * A signed-in browser. `_id` is the SHA-256 of the cookie value, so a copy of this collection
 * cannot be replayed as a cookie. `csrf` is the per-session token every POST must carry.
 */
export interface ConsoleSessionDoc {
  _id: string;
  agentId: Types.ObjectId;
  /** The account's device epoch when the sign-in read it: a session made after its sessions were ended (a reset that raced the sign-in) is not one. Absent in sessions made before it was kept. */
  epoch?: number;
  csrf: string;
  expiresAt: Date;
  createdAt: Date;
}

export const consoleSessionSchema = new Schema<ConsoleSessionDoc>({
  _id: { type: String, required: true },
  agentId: { type: Schema.Types.ObjectId, required: true },
  epoch: { type: Number },
  csrf: { type: String, required: true },
  expiresAt: { type: Date, required: true },
  createdAt: { type: Date, required: true, default: () => new Date() },
});
consoleSessionSchema.index({ agentId: 1 }); // sign out everywhere
// MongoDB removes expired sessions itself; lookups also check expiresAt, so a late sweep is harmless.
consoleSessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export interface AgentModels {
  Agent: Model<AgentDoc>;
  ConsoleSession: Model<ConsoleSessionDoc>;
}

export function createAgentModels(conn: Connection): AgentModels {
  return {
    Agent: conn.models.Agent ?? conn.model<AgentDoc>('Agent', agentSchema),
    ConsoleSession: conn.models.ConsoleSession ?? conn.model<ConsoleSessionDoc>('ConsoleSession', consoleSessionSchema, 'console_sessions'),
  };
}
