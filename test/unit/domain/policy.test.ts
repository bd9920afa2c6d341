import {
  AGENT_STATUSES,
  ROLES,
  STATUSES,
  TRANSITIONS,
  decide,
  decideHandOver,
  hasRole,
  isRole,
  mayEnter,
  mayHandle,
  mayOpenWaiting,
  maySeeIdentity,
  mayTakeAnother,
  readingLanguage,
  heldWork,
  offeredActions,
  type PolicyActor,
  type Status,
  type TicketAction,
} from '../../../src/domain';

const me: PolicyActor = { id: 'a1', role: 'agent' };
const colleague: PolicyActor = { id: 'a2', role: 'agent' };
const supervisor: PolicyActor = { id: 's1', role: 'supervisor' };
const admin: PolicyActor = { id: 'x1', role: 'admin' };
const held = (status: Status, assignee: string | null = me.id, anonymous = false) => ({ status, assignee, anonymous });

describe('roles', () => {
  it('rank agent < supervisor < admin', () => {
    expect(ROLES).toEqual(['agent', 'supervisor', 'admin']);
    const table: [string, string, boolean][] = [
      ['agent', 'agent', true],
      ['agent', 'supervisor', false],
      ['agent', 'admin', false],
      ['supervisor', 'agent', true],
      ['supervisor', 'supervisor', true],
      ['supervisor', 'admin', false],
      ['admin', 'agent', true],
      ['admin', 'supervisor', true],
      ['admin', 'admin', true],
    ];
    for (const [role, min, expected] of table) expect([role, min, hasRole(role as never, min as never)]).toEqual([role, min, expected]);
  });

  it('recognises only the three roles', () => {
    for (const r of ROLES) expect(isRole(r)).toBe(true);
    for (const r of ['', 'Agent', 'root', 'supervisors', null, 3]) expect(isRole(r)).toBe(false);
  });

  it('opens console areas by least role', () => {
    expect(mayEnter('agent', 'queue')).toBe(true);
    expect(mayEnter('agent', 'supervision')).toBe(false);
    expect(mayEnter('agent', 'board')).toBe(false);
    expect(mayEnter('supervisor', 'board')).toBe(true);
    expect(mayEnter('supervisor', 'accounts')).toBe(false);
    expect(mayEnter('admin', 'accounts')).toBe(true);
    expect(mayOpenWaiting('agent')).toBe(false);
    expect(mayOpenWaiting('supervisor')).toBe(true);
    expect(mayOpenWaiting('admin')).toBe(true);
  });

  it('refuses a role it does not know, whatever the action', () => {
    const stranger = { id: 'z', role: 'root' } as unknown as PolicyActor;
    for (const action of ['view', 'note', 'reply', 'release', 'take'] as TicketAction[]) expect(decide(stranger, action, held('assigned', 'z'))).toEqual({ ok: false, reason: 'wrong_role' });
  });
});

describe('who handles a ticket', () => {
  it('agents handle only what they hold; supervisors and admins handle any', () => {
    expect(mayHandle(me, held('in_progress'))).toEqual({ ok: true });
    expect(mayHandle(colleague, held('in_progress'))).toEqual({ ok: false, reason: 'not_assignee' });
    expect(mayHandle(me, held('received', null))).toEqual({ ok: false, reason: 'not_assignee' });
    expect(mayHandle(supervisor, held('received', null))).toEqual({ ok: true });
    expect(mayHandle(admin, held('in_progress'))).toEqual({ ok: true });
  });

  it('compares ids as strings (ObjectIds from the store work)', () => {
    expect(mayHandle(me, { assignee: { toString: () => 'a1' } }).ok).toBe(true);
  });
});

describe('view and note: whoever handles the ticket, in any status', () => {
  it.each(STATUSES.map((s) => [s]))('%s', (status) => {
    for (const action of ['view', 'note'] as const) {
      expect(decide(me, action, held(status))).toEqual({ ok: true });
      expect(decide(supervisor, action, held(status, colleague.id))).toEqual({ ok: true });
      expect(decide(colleague, action, held(status))).toEqual({ ok: false, reason: 'not_assignee' });
    }
  });
});

describe('reply: whoever handles it, while it is open', () => {
  it.each(STATUSES.map((s) => [s]))('%s', (status) => {
    const open = !['resolved', 'rejected', 'withdrawn'].includes(status);
    expect(decide(me, 'reply', held(status))).toEqual(open ? { ok: true } : { ok: false, reason: 'closed' });
    expect(decide(admin, 'reply', held(status))).toEqual(open ? { ok: true } : { ok: false, reason: 'closed' });
    expect(decide(colleague, 'reply', held(status))).toEqual({ ok: false, reason: 'not_assignee' });
  });

  it.each(STATUSES.map((s) => [s]))('%s, its reporter asked to be forgotten: nobody to write to (nor to wait for), said as such; notes and the other statuses stay', (status) => {
    const open = !['resolved', 'rejected', 'withdrawn'].includes(status);
    const forgotten = { ...held(status), reporterForgottenAt: new Date() };
    expect(decide(me, 'reply', forgotten)).toEqual({ ok: false, reason: open ? 'reporter_forgotten' : 'closed' });
    expect(decide(admin, 'reply', forgotten)).toEqual({ ok: false, reason: open ? 'reporter_forgotten' : 'closed' });
    expect(decide(colleague, 'reply', forgotten)).toEqual({ ok: false, reason: 'not_assignee' });
    const may = offeredActions(me, forgotten);
    expect(may.reply).toBe(false);
    expect(may.note).toBe(true);
    expect(may.statuses).toEqual(offeredActions(me, held(status)).statuses.filter((s) => s !== 'waiting_reporter'));
    if (open && status !== 'waiting_reporter') expect(decide(me, 'change_status', forgotten, 'waiting_reporter')).toEqual({ ok: false, reason: 'reporter_forgotten' });
  });
});

describe('change_status follows the transition table', () => {
  const cases = STATUSES.flatMap((from) => AGENT_STATUSES.map((to) => [from, to] as const));
  it.each(cases)('%s -> %s', (from, to) => {
    const allowed = TRANSITIONS[from].includes(to);
    const closed = ['resolved', 'rejected', 'withdrawn'].includes(from);
    const refusal = closed ? 'closed' : 'wrong_status';
    expect(decide(me, 'change_status', held(from), to)).toEqual(allowed ? { ok: true } : { ok: false, reason: refusal });
    expect(decide(supervisor, 'change_status', held(from, colleague.id), to)).toEqual(allowed ? { ok: true } : { ok: false, reason: refusal });
    expect(decide(colleague, 'change_status', held(from), to)).toEqual({ ok: false, reason: 'not_assignee' });
  });

  it('refuses statuses an agent may not set by hand', () => {
    for (const to of ['assigned', 'received', 'withdrawn', 'referred', undefined]) expect(decide(me, 'change_status', held('in_progress'), to as never)).toEqual({ ok: false, reason: 'wrong_status' });
  });
});

describe('refer and release', () => {
  it.each(STATUSES.map((s) => [s]))('from %s', (status) => {
    const closed = ['resolved', 'rejected', 'withdrawn'].includes(status);
    const expectFor = (to: Status) => (TRANSITIONS[status].includes(to) ? { ok: true } : { ok: false, reason: closed ? 'closed' : 'wrong_status' });
    expect(decide(me, 'refer', held(status))).toEqual(expectFor('referred'));
    expect(decide(me, 'release', held(status))).toEqual(expectFor('received'));
    expect(decide(colleague, 'refer', held(status)).ok).toBe(false);
    expect(decide(colleague, 'release', held(status)).ok).toBe(false);
  });

  it('a held ticket can be released only before it is referred', () => {
    expect(['assigned', 'in_progress', 'waiting_reporter', 'referred'].filter((s) => decide(me, 'release', held(s as Status)).ok)).toEqual(['assigned', 'in_progress', 'waiting_reporter']);
  });
});

describe('hand over (a supervisor gives a held ticket to another account)', () => {
  const to = { id: colleague.id, active: true };
  it('only supervisors and admins, only a held open ticket, only to another active account', () => {
    expect(decideHandOver(supervisor, held('referred'), to)).toEqual({ ok: true });
    expect(decideHandOver(admin, held('in_progress'), to)).toEqual({ ok: true });
    expect(decideHandOver(me, held('referred'), to)).toEqual({ ok: false, reason: 'wrong_role' });
    expect(decideHandOver(supervisor, held('received', null), to)).toEqual({ ok: false, reason: 'not_held' });
    expect(decideHandOver(supervisor, held('resolved'), to)).toEqual({ ok: false, reason: 'closed' });
    expect(decideHandOver(supervisor, held('assigned'), { id: me.id, active: true })).toEqual({ ok: false, reason: 'same_holder' });
    expect(decideHandOver(supervisor, held('assigned'), { ...to, active: false })).toEqual({ ok: false, reason: 'target_inactive' });
    expect(decideHandOver(supervisor, held('assigned'), null)).toEqual({ ok: false, reason: 'target_inactive' });
  });

  it('keeps to the cap as a take does: nobody is handed work they have no room for; a referral, which the cap does not count, goes to anyone', () => {
    expect(decideHandOver(supervisor, held('in_progress'), to, { held: 4, adds: 1, max: 5 })).toEqual({ ok: true });
    expect(decideHandOver(supervisor, held('in_progress'), to, { held: 5, adds: 1, max: 5 })).toEqual({ ok: false, reason: 'limit' });
    expect(decideHandOver(supervisor, held('referred'), to, { held: 5, adds: 0, max: 5 })).toEqual({ ok: true });
    // The other refusals come first: a closed ticket is closed, whoever would receive it.
    expect(decideHandOver(supervisor, held('resolved'), to, { held: 5, adds: 1, max: 5 })).toEqual({ ok: false, reason: 'closed' });
  });
});

describe('take', () => {
  it('only a waiting ticket, by any role', () => {
    for (const actor of [me, supervisor, admin]) expect(decide(actor, 'take', held('received', null))).toEqual({ ok: true });
    for (const status of STATUSES.filter((s) => s !== 'received')) expect(decide(me, 'take', held(status, null))).toEqual({ ok: false, reason: 'wrong_status' });
  });

  it('stops at the per-agent limit', () => {
    expect(mayTakeAnother(0, 5)).toEqual({ ok: true });
    expect(mayTakeAnother(4, 5)).toEqual({ ok: true });
    expect(mayTakeAnother(5, 5)).toEqual({ ok: false, reason: 'limit' });
    expect(mayTakeAnother(6, 5)).toEqual({ ok: false, reason: 'limit' });
  });

  it('counts an incident once against the limit, however many reports it joined', () => {
    const incident = (id: string) => ({ id, joinedAt: new Date() });
    const status = 'in_progress' as const;
    const tickets = [{ id: 'a' }, { id: 'b', incident: incident('i1') }, { id: 'c', incident: incident('i1') }, { id: 'd', incident: incident('i1') }, { id: 'e', incident: incident('i2') }, { id: 'f', incident: null }].map((t) => ({ ...t, status }));
    expect(heldWork(tickets)).toBe(4);
    expect(heldWork([])).toBe(0);
  });

  it('does not count a referred ticket, which waits on an agency, against the limit', () => {
    const incident = { id: 'i1', joinedAt: new Date() };
    expect(heldWork([{ id: 'a', status: 'referred' }, { id: 'b', status: 'referred' }])).toBe(0);
    expect(heldWork([{ id: 'a', status: 'referred' }, { id: 'b', status: 'waiting_reporter' }, { id: 'c', status: 'assigned' }])).toBe(2);
    // An incident with one member still worked on is still one piece of work.
    expect(heldWork([{ id: 'a', status: 'referred', incident }, { id: 'b', status: 'in_progress', incident }])).toBe(1);
    expect(heldWork([{ id: 'a', status: 'referred', incident }, { id: 'b', status: 'referred', incident }])).toBe(0);
  });
});

describe('identity', () => {
  it('only for people handling the case, never on an anonymous report', () => {
    expect(maySeeIdentity(me, held('in_progress'))).toBe(true);
    expect(maySeeIdentity(colleague, held('in_progress'))).toBe(false);
    expect(maySeeIdentity(supervisor, held('in_progress'))).toBe(true);
    for (const viewer of [me, colleague, supervisor, admin]) expect(maySeeIdentity(viewer, held('in_progress', me.id, true))).toBe(false);
  });
});

describe('offered actions (what the ticket page shows)', () => {
  it('an assigned ticket offers everything but the status it is in', () => {
    expect(offeredActions(me, held('assigned'))).toEqual({ view: true, reply: true, note: true, refer: true, release: true, statuses: ['in_progress', 'waiting_reporter', 'resolved', 'rejected'] });
    expect(offeredActions(me, held('in_progress')).statuses).toEqual(['waiting_reporter', 'resolved', 'rejected']);
  });

  it('a referred ticket cannot be released or referred again', () => {
    expect(offeredActions(me, held('referred'))).toEqual({ view: true, reply: true, note: true, refer: false, release: false, statuses: ['in_progress', 'waiting_reporter', 'resolved', 'rejected'] });
  });

  it('a closed ticket takes notes only', () => {
    expect(offeredActions(supervisor, held('resolved'))).toEqual({ view: true, reply: false, note: true, refer: false, release: false, statuses: [] });
  });

  it('a supervisor looking at a waiting ticket may answer it, add a note or reject it', () => {
    expect(offeredActions(supervisor, held('received', null))).toEqual({ view: true, reply: true, note: true, refer: false, release: false, statuses: ['rejected'] });
  });

  it('someone else\'s ticket offers nothing', () => {
    expect(offeredActions(colleague, held('in_progress'))).toEqual({ view: false, reply: false, note: false, refer: false, release: false, statuses: [] });
  });
});

describe('readingLanguage', () => {
  it("is the reporter's current language on a named report, and the report's own on an anonymous one", () => {
    expect(readingLanguage({ anonymous: false, language: 'en' }, 'sw')).toBe('sw');
    expect(readingLanguage({ language: 'en' }, undefined)).toBe('en');
    expect(readingLanguage({ anonymous: true, language: 'en' }, 'sw')).toBe('en');
  });
});
