/** Reports a reporter may file per day: counted when a report is confirmed, refunded when none was filed. */
export interface DailyReportLimit {
  readonly perDay: number;
  /** Counts one report; not `ok` when today's allowance is used up (`retryAfterSec`: until the next one is accepted). */
  take(telegramUserId: number): Promise<{ ok: true } | { ok: false; retryAfterSec: number }>;
  refund(telegramUserId: number): Promise<void>;
}
