import { CLOSED_LATELY_MS, mayReporterReopen, shouldAskRating, type ReopenFacts } from '../../../src/domain';

const now = new Date('2026-12-10T12:00:00Z');
const closedHoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const mine = { theirs: true, now };

describe('may a reporter have their closed ticket looked at again (mayReporterReopen)', () => {
  it('a ticket staff resolved, or rejected for another reason than spam or a duplicate, within the week: yes', () => {
    expect(mayReporterReopen({ status: 'resolved', closedAt: closedHoursAgo(2) }, mine)).toEqual({ ok: true });
    expect(mayReporterReopen({ status: 'rejected', closedAt: closedHoursAgo(24 * 6) }, mine)).toEqual({ ok: true });
  });

  it('someone else asking is refused as not theirs, whatever the ticket', () => {
    expect(mayReporterReopen({ status: 'resolved', closedAt: closedHoursAgo(1) }, { theirs: false, now })).toEqual({ ok: false, reason: 'not_yours' });
  });

  it('only once per ticket: a ticket the reporter had reopened, closed again, is refused as already asked', () => {
    const again: ReopenFacts = { status: 'resolved', closedAt: closedHoursAgo(1), reopenedByReporterAt: closedHoursAgo(30) };
    expect(mayReporterReopen(again, mine)).toEqual({ ok: false, reason: 'already_asked' });
  });

  it('a ticket open now (reopened by an earlier tap, or still being handled) is refused as open', () => {
    for (const status of ['received', 'assigned', 'in_progress', 'waiting_reporter', 'referred'] as const) {
      expect(mayReporterReopen({ status, reopenedByReporterAt: closedHoursAgo(1) }, mine)).toEqual({ ok: false, reason: 'open' });
    }
  });

  it('closed as spam, as a duplicate, or withdrawn by the reporter: each refused with its own reason', () => {
    expect(mayReporterReopen({ status: 'rejected', rejectReason: 'spam', closedAt: closedHoursAgo(1) }, mine)).toEqual({ ok: false, reason: 'spam' });
    expect(mayReporterReopen({ status: 'rejected', rejectReason: 'duplicate', closedAt: closedHoursAgo(1) }, mine)).toEqual({ ok: false, reason: 'duplicate' });
    expect(mayReporterReopen({ status: 'withdrawn', closedAt: closedHoursAgo(1) }, mine)).toEqual({ ok: false, reason: 'withdrawn' });
  });

  it('closed longer ago than the window, with no closing time, or purged: too old', () => {
    expect(mayReporterReopen({ status: 'resolved', closedAt: new Date(now.getTime() - CLOSED_LATELY_MS) }, mine)).toEqual({ ok: true });
    expect(mayReporterReopen({ status: 'resolved', closedAt: new Date(now.getTime() - CLOSED_LATELY_MS - 1) }, mine)).toEqual({ ok: false, reason: 'too_old' });
    expect(mayReporterReopen({ status: 'resolved', closedAt: null }, mine)).toEqual({ ok: false, reason: 'too_old' });
    expect(mayReporterReopen({ status: 'resolved', closedAt: closedHoursAgo(1), purgedAt: closedHoursAgo(0) }, mine)).toEqual({ ok: false, reason: 'too_old' });
  });
});

describe('the rating question of a ticket reopened and closed again (shouldAskRating)', () => {
  it('is asked at the first close only: a second close of the same report asks nothing', () => {
    expect(shouldAskRating('resolved', undefined, false)).toBe(true);
    expect(shouldAskRating('resolved', undefined, true)).toBe(false);
    expect(shouldAskRating('rejected', undefined, true)).toBe(false);
  });
});
