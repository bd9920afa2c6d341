import type { Lang } from '../i18n';
import type { Logger } from '../logger';
import { AgentExistsError, checkPassword, normaliseUsername, passwordFlash, USERNAME_RE, type AgentRole, type Store } from '../store';
import type { EventBus } from './events';
import type { AgentRef, HandBack, TicketActions } from './ticket-actions';

/** Why an account change was refused, as the console's messages name it (`console:flash.*`). */
export type AccountRefusal = {
  ok: false;
  reason: 'username_invalid' | 'name_missing' | 'role_invalid' | 'password_short' | 'password_long' | 'username_taken' | 'not_found' | 'cannot_deactivate_self' | 'cannot_reset_self';
};

export interface NewAccount {
  username: string;
  name: string;
  role: AgentRole | undefined;
  password: string;
  language: Lang;
}

/**
 * Console accounts, as an admin manages them: created, a password reset, deactivated (every session
 * and live stream ended, and the tickets handed back so no reporter waits on someone gone) or
 * reactivated. Each change is logged with who made it.
 */
export class AccountService {
  constructor(private readonly deps: { store: Pick<Store, 'agents'>; events: Pick<EventBus, 'publish'>; tickets: Pick<TicketActions, 'handBack'>; logger: Logger }) {}

  async create(by: AgentRef, input: NewAccount): Promise<{ ok: true } | AccountRefusal> {
    const username = normaliseUsername(input.username);
    const name = input.name.trim().slice(0, 80);
    if (!USERNAME_RE.test(username)) return { ok: false, reason: 'username_invalid' };
    if (!name) return { ok: false, reason: 'name_missing' };
    if (!input.role) return { ok: false, reason: 'role_invalid' };
    const check = checkPassword(input.password);
    if (!check.ok) return { ok: false, reason: passwordFlash(check) };
    try {
      const created = await this.deps.store.agents.create({ username, name, role: input.role, password: input.password, language: input.language });
      this.deps.logger.info({ by: by.id, agentId: created._id.toString(), role: created.role }, 'console account created');
      return { ok: true };
    } catch (err) {
      if (err instanceof AgentExistsError) return { ok: false, reason: 'username_taken' };
      throw err;
    }
  }

  /** A new password ends the account's sessions, and so its live streams in every console process. */
  async resetPassword(by: AgentRef, id: string, password: string): Promise<{ ok: true } | AccountRefusal> {
    // One's own goes through the account page, which asks for the current one; a reset here
    // skipped it (anyone at an admin's unattended desk could set it) and signed the admin out.
    if (id === by.id) return { ok: false, reason: 'cannot_reset_self' };
    const check = checkPassword(password);
    if (!check.ok) return { ok: false, reason: passwordFlash(check) };
    if (!(await this.deps.store.agents.setPassword(id, password))) return { ok: false, reason: 'not_found' };
    await this.deps.events.publish({ type: 'access', agentId: id });
    this.deps.logger.info({ by: by.id, agentId: id }, 'console password reset');
    return { ok: true };
  }

  /** Deactivating: signed out everywhere, and their tickets back in the queue (`handed`); never one's own account. */
  async setActive(by: AgentRef, id: string, active: boolean): Promise<{ ok: true; handed?: HandBack } | AccountRefusal> {
    // Deactivating yourself would leave you locked out mid-click; another admin must do it.
    if (!active && id === by.id) return { ok: false, reason: 'cannot_deactivate_self' };
    if (!(await this.deps.store.agents.setActive(id, active))) return { ok: false, reason: 'not_found' };
    this.deps.logger.info({ by: by.id, agentId: id, active }, 'console account activation changed');
    if (active) return { ok: true };
    await this.deps.events.publish({ type: 'access', agentId: id });
    // Their reporters must not wait on someone who is gone: the tickets go back to the queue.
    const handed = await this.deps.tickets.handBack(id, by);
    this.deps.logger.info({ agentId: id, ...handed }, "deactivated account's tickets handed back");
    return { ok: true, handed };
  }
}
