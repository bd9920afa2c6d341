import { CATEGORIES, categoriesOf, priorityFor, escalate, getCategory, isCategoryCode, slaCheckDueAt, usualAgency, waitingSince, type CategoryCode } from '../../../src/domain';

describe('categories and priorities', () => {
  it('has the police and election categories the hotline promises', () => {
    expect(categoriesOf('police').map((c) => c.code)).toEqual([
      'p_bribery', 'p_force', 'p_arrest', 'p_release', 'p_killing', 'p_disappear', 'p_sexual', 'p_threats', 'p_other',
    ]);
    expect(categoriesOf('election').map((c) => c.code)).toEqual([
      'e_bribery', 'e_violence', 'e_hate', 'e_tamper', 'e_personation', 'e_resources', 'e_polling', 'e_other',
    ]);
  });

  it('keeps codes short enough for Telegram callback data', () => {
    for (const c of CATEGORIES) expect(Buffer.byteLength(`cat:${c.code}`)).toBeLessThanOrEqual(64);
  });

  it.each<[CategoryCode, number]>([
    ['p_killing', 2],
    ['p_force', 2],
    ['p_bribery', 3],
    ['e_hate', 3],
    ['e_resources', 4],
    ['p_other', 4],
  ])('%s defaults to priority %i', (code, p) => {
    expect(priorityFor(code, false)).toBe(p);
  });

  it('puts anyone in danger right now above every category', () => {
    for (const c of CATEGORIES) {
      expect(priorityFor(c.code, true)).toBe(1);
      expect(priorityFor(c.code, false)).toBeGreaterThan(1);
    }
  });

  it('escalates one step at a time but never to the danger-now level', () => {
    expect(escalate(4)).toBe(3);
    expect(escalate(3)).toBe(2);
    expect(escalate(2)).toBe(2);
    expect(escalate(1)).toBe(1);
  });

  it('names when a waiting ticket\'s SLA check is due: from submission, from the queue again after a release, and from each escalation', () => {
    const at = (minute: number) => new Date(Date.UTC(2027, 7, 9, 8, minute));
    const hour = 3600_000;
    expect(slaCheckDueAt({ createdAt: at(0) }, hour)).toBe(at(0).getTime() + hour);
    // Taken at 8:10, released and queued again at 8:40: the wait begins again then.
    expect(slaCheckDueAt({ createdAt: at(0), assignedAt: at(10), queuedAt: at(40) }, hour)).toBe(at(40).getTime() + hour);
    // Escalated at 8:50: the next check is an SLA after that; an escalation before the release does not count.
    expect(slaCheckDueAt({ createdAt: at(0), assignedAt: at(10), queuedAt: at(40), lastEscalatedAt: at(50) }, hour)).toBe(at(50).getTime() + hour);
    expect(slaCheckDueAt({ createdAt: at(0), assignedAt: at(10), queuedAt: at(40), lastEscalatedAt: at(5) }, hour)).toBe(at(40).getTime() + hour);
  });

  it('shows a waiting ticket\'s wait from its reporter\'s reopening, when there was one, else from its sending', () => {
    const at = (day: number) => new Date(Date.UTC(2027, 7, day, 8));
    expect(waitingSince({ createdAt: at(2) })).toEqual(at(2));
    expect(waitingSince({ createdAt: at(2), reopenedByReporterAt: at(6) })).toEqual(at(6));
    expect(waitingSince({ createdAt: at(2), reopenedByReporterAt: null })).toEqual(at(2));
  });

  it('suggests the agency that handles each kind of case', () => {
    expect(getCategory('p_force').agency).toBe('IPOA');
    expect(getCategory('e_hate').agency).toBe('NCIC');
    // Ballot tampering is an election offence: prosecuted by ODPP, not an IEBC administration matter.
    expect(getCategory('e_tamper').agency).toBe('ODPP');
    expect(getCategory('e_resources').agency).toBe('EACC');
    expect(isCategoryCode('p_bribery')).toBe(true);
    expect(isCategoryCode('x_nothing')).toBe(false);
  });
});

describe('the usual agency for a case', () => {
  it("is the category's, except violence or intimidation at an election done by police officers: IPOA", () => {
    expect(usualAgency('e_violence')).toBe('ODPP');
    expect(usualAgency('e_violence', 'police')).toBe('IPOA');
    expect(usualAgency('e_other', 'police')).toBe('IPOA');
    expect(usualAgency('e_violence', 'agents')).toBe('ODPP');
    // Hate speech and misused state resources stay with their commissions, whoever did it.
    expect(usualAgency('e_hate', 'police')).toBe('NCIC');
    expect(usualAgency('e_resources', 'police')).toBe('EACC');
    expect(usualAgency('p_force')).toBe('IPOA');
    expect(usualAgency('nope')).toBeUndefined();
  });
});
