import { checkSavedReply, mayManageSavedReplies, readingLanguage, savedReplyText, type SavedReplyRefusal } from '../domain';
import type { Logger } from '../logger';
import type { SavedReplyDoc, Store } from '../store';
import type { ActionResult, AgentRef, TicketActions } from './ticket-actions';

export type SavedReplyResult = { ok: true; reply: SavedReplyDoc } | { ok: false; reason: SavedReplyRefusal | 'not_found' };

/**
 * Saved replies: supervisors write them in English and Swahili (src/domain/saved-replies.ts), and
 * every change is kept with who made it; an agent picks one on a ticket and it goes out in the
 * reporter's language through the ordinary reply (TicketActions.reply: same rules, same queue,
 * same audit line).
 */
export class SavedReplyService {
  constructor(private readonly deps: { store: Store; tickets: Pick<TicketActions, 'reply'>; logger: Logger }) {}

  list(): Promise<SavedReplyDoc[]> {
    return this.deps.store.savedReplies.list();
  }

  async create(agent: AgentRef, input: { title?: string; en?: string; sw?: string }): Promise<SavedReplyResult> {
    const may = mayManageSavedReplies(agent.role);
    if (!may.ok) return may;
    const checked = checkSavedReply(input);
    if (!checked.ok) return checked;
    const reply = await this.deps.store.savedReplies.create(checked.value, agent.id);
    this.deps.logger.info({ savedReplyId: reply._id.toString(), outcome: 'created' }, 'saved reply changed');
    return { ok: true, reply };
  }

  async update(agent: AgentRef, id: string, input: { title?: string; en?: string; sw?: string }): Promise<SavedReplyResult> {
    const may = mayManageSavedReplies(agent.role);
    if (!may.ok) return may;
    const checked = checkSavedReply(input);
    if (!checked.ok) return checked;
    const reply = isId(id) ? await this.deps.store.savedReplies.update(id, checked.value, agent.id) : null;
    if (!reply) return { ok: false, reason: 'not_found' };
    this.deps.logger.info({ savedReplyId: id, outcome: 'updated' }, 'saved reply changed');
    return { ok: true, reply };
  }

  async remove(agent: AgentRef, id: string): Promise<SavedReplyResult> {
    const may = mayManageSavedReplies(agent.role);
    if (!may.ok) return may;
    const reply = isId(id) ? await this.deps.store.savedReplies.remove(id, agent.id) : null;
    if (!reply) return { ok: false, reason: 'not_found' };
    this.deps.logger.info({ savedReplyId: id, outcome: 'deleted' }, 'saved reply changed');
    return { ok: true, reply };
  }

  /**
   * Sends a saved reply on a ticket, in the reporter's language as it is now (the language they
   * last chose in the bot, else the report's; an anonymous report's own, `readingLanguage`). Who may send is TicketActions.reply's decision.
   * `formKey`: the form's, so the same form sent twice is one message.
   */
  async send(reportId: string, agent: AgentRef, savedReplyId: string, formKey?: string): Promise<ActionResult> {
    const { store } = this.deps;
    const saved = isId(savedReplyId) ? await store.savedReplies.findById(savedReplyId) : null;
    if (!saved) return { ok: false, reason: 'invalid' };
    const report = isId(reportId) ? await store.reports.findById(reportId) : null;
    if (!report) return { ok: false, reason: 'not_found' };
    const reporter = await store.reporters.findById(report.reporterId);
    const result = await this.deps.tickets.reply(reportId, agent, savedReplyText(saved, readingLanguage(report, reporter?.language)), formKey ? { draftKey: `saved:${formKey}` } : {});
    return result.ok ? { ok: true } : result;
  }
}

const isId = (s: string) => /^[0-9a-f]{24}$/i.test(s);
