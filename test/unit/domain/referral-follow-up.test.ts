import { REFERRAL_FOLLOW_UP_DAYS, isStaffAnswer, referralAge } from '../../../src/domain';

const DAY = 24 * 3600_000;
const now = new Date('2026-12-03T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

describe('a referred case waiting for news from its agency', () => {
  it('is only with the agency, and not yet to follow up, before two weeks', () => {
    expect(referralAge({ status: 'referred', referral: { at: ago(3.5) } }, undefined, now)).toEqual({ days: 3, silentDays: 3, followUp: false });
    expect(referralAge({ status: 'referred', referral: { at: ago(REFERRAL_FOLLOW_UP_DAYS - 0.01) } }, undefined, now)?.followUp).toBe(false);
  });

  it('is to follow up after two weeks in which the reporter heard nothing', () => {
    expect(referralAge({ status: 'referred', referral: { at: ago(15) } }, ago(20), now)).toEqual({ days: 15, silentDays: 15, followUp: true });
  });

  it('is not to follow up while staff wrote to the reporter in the last two weeks, and counts from that message', () => {
    expect(referralAge({ status: 'referred', referral: { at: ago(30) } }, ago(5), now)).toEqual({ days: 30, silentDays: 5, followUp: false });
    expect(referralAge({ status: 'referred', referral: { at: ago(40) } }, ago(16), now)).toEqual({ days: 40, silentDays: 16, followUp: true });
  });

  it('has no age once it is no longer with the agency, or when its time was never kept', () => {
    expect(referralAge({ status: 'waiting_reporter', referral: { at: ago(20) } }, undefined, now)).toBeNull();
    expect(referralAge({ status: 'resolved', referral: { at: ago(20) } }, undefined, now)).toBeNull();
    expect(referralAge({ status: 'referred', referral: { at: undefined } }, undefined, now)).toBeNull();
    expect(referralAge({ status: 'referred', referral: null }, undefined, now)).toBeNull();
  });
});

describe('what clears the follow-up: an answer staff typed and Telegram took', () => {
  it('counts a typed answer sent or still on its way', () => {
    expect(isStaffAnswer({ direction: 'to_reporter', kind: 'text', delivery: 'sent' })).toBe(true);
    expect(isStaffAnswer({ direction: 'to_reporter', kind: 'text' })).toBe(true);
  });

  it('does not count the bot\'s notices, a refused answer, or the reporter\'s own words', () => {
    expect(isStaffAnswer({ direction: 'to_reporter', kind: 'notice', delivery: 'sent' })).toBe(false);
    expect(isStaffAnswer({ direction: 'to_reporter', kind: 'text', delivery: 'failed' })).toBe(false);
    expect(isStaffAnswer({ direction: 'from_reporter', kind: 'text' })).toBe(false);
  });
});
