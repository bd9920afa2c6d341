import type { Logger } from '../logger';
import type { Store } from '../store';
import type { EventBus } from './events';
import { forgetOnRequest, type OwnMarks } from './retention';

/** Who asks: the Telegram user and the chat they asked in (the language kept in Redis is keyed by both). */
export interface ForgetRequest {
  telegramUserId: number;
  chatId: number;
}

/**
 * What was done. `reports`: reports of theirs now kept without who sent them; `open`: those of
 * them still open, whose staff now see that the reporter cannot be reached. A repeat (or someone
 * who never reported) has nothing left: 0 and 0, and it is done all the same.
 */
export type ForgetResult = { ok: true; reports: number; open: number };

export interface ForgetServiceDeps {
  store: Store;
  events: Pick<EventBus, 'publish'>;
  logger: Logger;
  /** What stands for their own name and number in what stays (retention's, in the report's language). */
  marks: OwnMarks;
  /** Deletes what else holds a trace of this Telegram account (the language kept in Redis). */
  forget: (who: ForgetRequest) => Promise<void>;
}

/**
 * A reporter's right to erasure (Kenya's Data Protection Act 2019), asked for with /forget: their
 * identity deleted now, through retention's own steps (src/services/retention.ts,
 * `forgetOnRequest`, which says in which order and why a repeat or a crash is safe), for every
 * report of theirs. Reports stay. The console's pages of their open named tickets are told at once.
 */
export class ForgetService {
  constructor(private readonly deps: ForgetServiceDeps) {}

  async forget(who: ForgetRequest): Promise<ForgetResult> {
    const { store, events, logger, marks, forget } = this.deps;
    let reports = 0;
    let open = 0;
    let told = 0;
    for (const reporter of await store.reporters.findAllByTelegramUser(who.telegramUserId)) {
      const done = await forgetOnRequest(store, reporter._id, { marks, forget, logger });
      reports += done.marked.length;
      open += done.marked.filter((r) => r.open).length;
      // Only the pages of open named tickets, which show a reply box, are told; the queue once. A
      // page open on an anonymous or a closed ticket of theirs, told at the same moment, would let
      // whoever watches both see one person behind them.
      for (const r of done.marked.filter((m) => m.open && !m.anonymous)) {
        await events.publish({ type: 'ticket', reportId: r.reportId, what: 'reach' });
        told++;
      }
    }
    // The language kept for this chat, for someone with no record too (never reported, or forgotten already).
    await forget(who);
    if (told) await events.publish({ type: 'queue' });
    // Counts only: report ids or references side by side would tell the log's reader they had one reporter.
    logger.info({ reports, open, outcome: 'reporter_forgotten' }, 'reporter asked to be forgotten: identity deleted');
    return { ok: true, reports, open };
  }
}
