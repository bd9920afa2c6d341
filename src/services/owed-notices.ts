import { Types } from 'mongoose';
import type { OwedNotice, ReportDoc, Store } from '../store';
import type { ReplyPort } from './ports';
import type { Logger } from '../logger';

/** "Your report was taken by a member of staff": owed by every take (a desk's, an incident's). */
export const TAKEN_NOTICE = 'notices:taken';

/** A notice a status change will owe its reporter, under the id its message will have. */
export function owedNotice(key: string, vars?: Record<string, string>, line?: OwedNotice['line']): OwedNotice {
  return { _id: new Types.ObjectId(), key, at: new Date(), ...(vars ? { vars } : {}), ...(line ? { line } : {}) };
}

/** When a notice was owed: its own time, or for one owed by a release before `at`, its id's second (never later than it was owed). */
export function owedAt(n: Pick<OwedNotice, '_id' | 'at'>): Date {
  return n.at ?? n._id.getTimestamp();
}

export interface OwedNoticeDeps {
  store: Store;
  replies: Pick<ReplyPort, 'deliver'>;
  logger: Logger;
}

/**
 * Stores the notices an action owes (written with the action: `ReportDoc.noticesOwed`) as
 * messages under their own ids, so however often this runs (the change's caller, then the outbox
 * relay after a failure) each is stored and queued once; then they are no longer owed. None for a
 * reporter who asked to be forgotten: nobody is left to tell. Throws when MongoDB fails: they stay
 * owed, and the relay tries again.
 */
export async function storeOwedNotices(deps: OwedNoticeDeps, report: Pick<ReportDoc, '_id' | 'reporterForgottenAt'>, notices: readonly OwedNotice[]): Promise<void> {
  // The action's line (an audit of what staff did) is kept whoever is left to tell; before its message, so an answer to the message finds it.
  for (const n of notices) if (n.line) await deps.store.reports.addEvent(report._id, n.line.type, n.line.actor, n.line.data, n._id, n.line.at);
  if (!report.reporterForgottenAt) {
    for (const n of notices) {
      const msg = await deps.store.messages.addNoticeOnce(n._id, report._id, { key: n.key, ...(n.vars ? { vars: n.vars } : {}) }, owedAt(n));
      if (msg.delivery !== 'pending') continue;
      // Stored as pending: the outbox relay queues it when Redis is back.
      await deps.replies.deliver(msg._id.toString()).catch((err: unknown) => deps.logger.warn({ reportId: report._id.toString(), messageId: msg._id.toString(), err }, 'could not queue message; relay will retry'));
    }
  }
  await deps.store.reports.clearOwedNotices(report._id, notices.map((n) => n._id));
}
