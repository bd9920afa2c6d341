import { TRANSITIONS, STATUSES, canTransition, isOpen, lastWaitFrom, referralHolding, sourcesOf, type Status } from '../../../src/domain';

describe('report status transitions', () => {
  const table: [Status, Status, boolean][] = [
    ['received', 'assigned', true],
    ['received', 'resolved', false],
    ['received', 'withdrawn', true],
    ['received', 'rejected', true],
    ['assigned', 'in_progress', true],
    ['assigned', 'received', true],
    ['assigned', 'referred', true],
    ['in_progress', 'waiting_reporter', true],
    ['waiting_reporter', 'in_progress', true],
    ['in_progress', 'referred', true],
    ['referred', 'resolved', true],
    ['referred', 'received', false],
    ['referred', 'withdrawn', false],
    ['resolved', 'in_progress', false],
    ['rejected', 'received', false],
    ['withdrawn', 'assigned', false],
    ['assigned', 'assigned', false],
  ];

  it.each(table)('%s -> %s is %p', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('closed statuses are final', () => {
    for (const s of ['resolved', 'rejected', 'withdrawn'] as Status[]) {
      expect(isOpen(s)).toBe(false);
      expect(TRANSITIONS[s]).toEqual([]);
    }
  });

  it('every target in the table is a known status and sourcesOf inverts it', () => {
    for (const from of STATUSES) for (const to of TRANSITIONS[from]) expect(STATUSES).toContain(to);
    expect(sourcesOf('assigned')).toEqual(['received']);
    expect(sourcesOf('received').sort()).toEqual(['assigned', 'in_progress', 'waiting_reporter'].sort());
  });
});

describe('which agency has a case waiting on its reporter', () => {
  const referral = { agency: 'IPOA' };
  const moved = (from: Status, to: Status) => ({ type: 'status_changed', data: { from, to } });

  it('is the referral\'s when the latest wait began straight from referred', () => {
    const history = [moved('in_progress', 'waiting_reporter'), moved('waiting_reporter', 'referred'), { type: 'note' }, moved('referred', 'waiting_reporter')];
    expect(referralHolding({ status: 'waiting_reporter', referral }, lastWaitFrom(history))).toBe(referral);
  });

  it('is nobody\'s when the latest wait began from staff\'s own work', () => {
    const history = [moved('referred', 'waiting_reporter'), moved('waiting_reporter', 'in_progress'), moved('in_progress', 'waiting_reporter')];
    expect(referralHolding({ status: 'waiting_reporter', referral }, lastWaitFrom(history))).toBeUndefined();
    expect(lastWaitFrom([])).toBeUndefined();
  });
});
