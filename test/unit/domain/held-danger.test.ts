import { HELD_DANGER_CURRENT_MS, heldDangerEpisodeKey, heldDangerStart, heldDangerVerdict, isHeld, type HeldTicketFacts } from '../../../src/domain';

const MIN = 60_000;
const now = Date.parse('2027-08-09T10:00:00Z');
const at = (minutesAgo: number) => new Date(now - minutesAgo * MIN);
const holder = 'a1';
const said = at(20);
const held = (over: Partial<HeldTicketFacts> = {}): HeldTicketFacts => ({ status: 'in_progress', assignee: holder, holderSeen: null, ...over });
const episode = { holderId: holder, saidAt: said.getTime() };

describe('a held ticket whose reporter wrote of danger: is the supervisors\' group told?', () => {
  it('is told when the holder has never opened it, or last opened it before the message', () => {
    expect(heldDangerVerdict(held(), episode, now)).toEqual({ alert: true });
    expect(heldDangerVerdict(held({ holderSeen: { agentId: holder, at: at(25) } }), episode, now)).toEqual({ alert: true });
    for (const status of ['assigned', 'waiting_reporter', 'referred'] as const) expect(heldDangerVerdict(held({ status }), episode, now).alert).toBe(true);
  });

  it('is not told once the holder opened it at or after the message', () => {
    expect(heldDangerVerdict(held({ holderSeen: { agentId: holder, at: at(5) } }), episode, now)).toEqual({ alert: false, reason: 'opened' });
    expect(heldDangerVerdict(held({ holderSeen: { agentId: holder, at: said } }), episode, now)).toEqual({ alert: false, reason: 'opened' });
  });

  it('counts only the holder\'s own look: an earlier holder\'s marker says nothing of this one', () => {
    expect(heldDangerVerdict(held({ holderSeen: { agentId: 'a0', at: at(5) } }), episode, now)).toEqual({ alert: true });
  });

  it('is not told once the ticket is closed, back in the queue or held by someone else', () => {
    expect(heldDangerVerdict(held({ status: 'resolved' }), episode, now)).toEqual({ alert: false, reason: 'closed' });
    expect(heldDangerVerdict(held({ status: 'received', assignee: null }), episode, now)).toEqual({ alert: false, reason: 'not_held' });
    expect(heldDangerVerdict(held({ assignee: 'a2' }), episode, now)).toEqual({ alert: false, reason: 'other_holder' });
  });

  it('is not told of danger said over a day ago (no longer "now")', () => {
    const old = { holderId: holder, saidAt: now - HELD_DANGER_CURRENT_MS - 1 };
    expect(heldDangerVerdict(held(), old, now)).toEqual({ alert: false, reason: 'stale' });
    expect(heldDangerVerdict(held(), { holderId: holder, saidAt: now - HELD_DANGER_CURRENT_MS }, now)).toEqual({ alert: true });
  });

  it('calls a ticket held only while open, out of the queue and with a holder', () => {
    expect(isHeld({ status: 'assigned', assignee: holder })).toBe(true);
    expect(isHeld({ status: 'received', assignee: null })).toBe(false);
    expect(isHeld({ status: 'rejected', assignee: holder })).toBe(false);
    expect(isHeld({ status: 'in_progress', assignee: null })).toBe(false);
  });
});

describe('one holding episode: the ticket, its holder and when the danger was said', () => {
  it('has a key made of the three, different for a new holder or a new message', () => {
    const key = heldDangerEpisodeKey({ reportId: 'r1', holderId: holder, saidAt: said.getTime() });
    expect(key).toBe(`r1-${holder}-${said.getTime()}`);
    expect(heldDangerEpisodeKey({ reportId: 'r1', holderId: 'a2', saidAt: said.getTime() })).not.toBe(key);
    expect(heldDangerEpisodeKey({ reportId: 'r1', holderId: holder, saidAt: said.getTime() + 1 })).not.toBe(key);
  });

  it('keeps the first danger message the holder has not opened: "help" written three times is one episode', () => {
    const first = at(10);
    expect(heldDangerStart({ assignee: holder, holderSeen: null }, first, at(2))).toEqual(first);
    expect(heldDangerStart({ assignee: holder, holderSeen: { agentId: holder, at: at(15) } }, first, at(2))).toEqual(first);
  });

  it('starts anew at this message when there was none, the holder opened the earlier one, or it is over a day old', () => {
    const now2 = at(0);
    expect(heldDangerStart({ assignee: holder, holderSeen: null }, null, now2)).toEqual(now2);
    expect(heldDangerStart({ assignee: holder, holderSeen: { agentId: holder, at: at(5) } }, at(10), now2)).toEqual(now2);
    expect(heldDangerStart({ assignee: holder, holderSeen: null }, new Date(now - HELD_DANGER_CURRENT_MS - 1), now2)).toEqual(now2);
  });
});
