import { decide, offeredActions, decideJoin, decideReplyAll, decideReplyToMember, decideSplit, incidentHolder, offeredIncidentActions, type IncidentTicketFacts, type PolicyActor } from '../../../src/domain';

const amina: PolicyActor = { id: 'a1', role: 'agent' };
const brian: PolicyActor = { id: 'b2', role: 'agent' };
const sara: PolicyActor = { id: 's3', role: 'supervisor' };

// Every ticket here is linked to 'M' (intake's "possibly the same incident"), as a lead must be to join it.
const ticket = (id: string, over: Partial<IncidentTicketFacts> = {}): IncidentTicketFacts => ({ id, status: 'in_progress', assignee: 'a1', incidentId: null, links: ['M'], ...over });
const waiting = (id: string, over: Partial<IncidentTicketFacts> = {}) => ticket(id, { status: 'received', assignee: null, ...over });

describe('joining reports into an incident', () => {
  it('lets the holding agent pull a waiting report into their incident, and they handle it', () => {
    expect(decideJoin(amina, ticket('L'), waiting('M'))).toEqual({ ok: true });
    expect(incidentHolder(amina, ticket('L'))).toBe('a1');
  });

  it('refuses an agent who does not hold the ticket they join from', () => {
    expect(decideJoin(brian, ticket('L'), waiting('M'))).toEqual({ ok: false, reason: 'not_assignee' });
    expect(decideJoin(brian, waiting('L'), waiting('M'))).toEqual({ ok: false, reason: 'not_assignee' });
  });

  it('never lets an agent take a report another agent holds; a supervisor may move it to the holder', () => {
    const held = ticket('M', { assignee: 'b2' });
    expect(decideJoin(amina, ticket('L'), held)).toEqual({ ok: false, reason: 'held_by_other' });
    expect(decideJoin(sara, ticket('L'), held)).toEqual({ ok: true });
    expect(incidentHolder(sara, ticket('L'))).toBe('a1');
  });

  it('never lets an agent join a waiting report where someone is in danger (the queue gives it first); once held it may join; a supervisor may hand it over', () => {
    expect(decideJoin(amina, ticket('L'), waiting('M', { priority: 1 }))).toEqual({ ok: false, reason: 'in_danger' });
    expect(decideJoin(amina, ticket('L'), waiting('M', { priority: 2 }))).toEqual({ ok: true });
    expect(decideJoin(amina, ticket('L'), ticket('M', { priority: 1 }))).toEqual({ ok: true });
    expect(decideJoin(sara, ticket('L'), waiting('M', { priority: 1 }))).toEqual({ ok: true });
  });

  it('lets an agent join only reports linked to the ticket they work from (no pulling any waiting report by its id)', () => {
    expect(decideJoin(amina, ticket('L'), waiting('X'))).toEqual({ ok: false, reason: 'not_linked' });
    expect(decideJoin(amina, ticket('L', { links: [] }), waiting('M'))).toEqual({ ok: false, reason: 'not_linked' });
    // Already in the same incident: nothing new is pulled in.
    expect(decideJoin(amina, ticket('L', { incidentId: 'i1', links: [] }), ticket('X', { incidentId: 'i1' }))).toEqual({ ok: true });
    // A supervisor oversees every ticket anyway.
    expect(decideJoin(sara, ticket('L', { links: [] }), waiting('X'))).toEqual({ ok: true });
  });

  it('in a surge: a waiting report linked to any report of the incident may be joined, not one linked to another incident', () => {
    const lead = ticket('L', { incidentId: 'i1', links: [] });
    expect(decideJoin(amina, lead, waiting('X', { links: ['R7'], linksIntoIncident: 'i1' }))).toEqual({ ok: true });
    expect(decideJoin(amina, lead, waiting('X', { links: ['R7'], linksIntoIncident: 'i2' }))).toEqual({ ok: false, reason: 'not_linked' });
    // A lead in no incident yet: nothing to be linked into.
    expect(decideJoin(amina, ticket('L', { links: [] }), waiting('X', { linksIntoIncident: null }))).toEqual({ ok: false, reason: 'not_linked' });
  });

  it('makes a supervisor joining from a waiting report its holder', () => {
    expect(decideJoin(sara, waiting('L'), waiting('M'))).toEqual({ ok: true });
    expect(incidentHolder(sara, waiting('L'))).toBe('s3');
  });

  it('refuses closed reports, a report joined to itself, and one already in another incident', () => {
    expect(decideJoin(amina, ticket('L'), ticket('M', { status: 'resolved' }))).toEqual({ ok: false, reason: 'closed' });
    expect(decideJoin(amina, ticket('L', { status: 'rejected' }), waiting('M'))).toEqual({ ok: false, reason: 'closed' });
    expect(decideJoin(amina, ticket('L'), ticket('L'))).toEqual({ ok: false, reason: 'same_ticket' });
    expect(decideJoin(amina, ticket('L', { incidentId: 'i1' }), ticket('M', { incidentId: 'i2' }))).toEqual({ ok: false, reason: 'in_other_incident' });
    expect(decideJoin(sara, ticket('L'), ticket('M', { incidentId: 'i2' }))).toEqual({ ok: false, reason: 'in_other_incident' });
    // Joining again into the same incident is harmless.
    expect(decideJoin(amina, ticket('L', { incidentId: 'i1' }), ticket('M', { incidentId: 'i1' }))).toEqual({ ok: true });
  });

  it('refuses a role it does not know', () => {
    expect(decideJoin({ id: 'x', role: 'guest' as never }, ticket('L'), waiting('M'))).toEqual({ ok: false, reason: 'wrong_role' });
  });
});

describe('splitting and answering an incident', () => {
  it('lets the holder or a supervisor split a report, not another agent, and only from an incident', () => {
    const member = ticket('M', { incidentId: 'i1' });
    expect(decideSplit(amina, member)).toEqual({ ok: true });
    expect(decideSplit(sara, member)).toEqual({ ok: true });
    expect(decideSplit(brian, member)).toEqual({ ok: false, reason: 'not_assignee' });
    expect(decideSplit(amina, ticket('M'))).toEqual({ ok: false, reason: 'not_in_incident' });
  });

  it('lets the holder answer all while the ticket is open; a closed member is skipped on its own', () => {
    expect(decideReplyAll(amina, ticket('L', { incidentId: 'i1' }))).toEqual({ ok: true });
    expect(decideReplyAll(amina, ticket('L'))).toEqual({ ok: false, reason: 'not_in_incident' });
    expect(decideReplyAll(brian, ticket('L', { incidentId: 'i1' }))).toEqual({ ok: false, reason: 'not_assignee' });
    expect(decideReplyAll(amina, ticket('L', { incidentId: 'i1', status: 'resolved' }))).toEqual({ ok: false, reason: 'closed' });
    expect(decideReplyToMember(amina, ticket('M', { incidentId: 'i1', status: 'resolved' }))).toEqual({ ok: false, reason: 'closed' });
    expect(decideReplyToMember(amina, ticket('M', { incidentId: 'i1' }))).toEqual({ ok: true });
  });

  it('offers only the forms the rules allow', () => {
    expect(offeredIncidentActions(amina, ticket('L', { incidentId: 'i1' }))).toEqual({ join: true, split: true, replyAll: true, batch: true });
    expect(offeredIncidentActions(amina, ticket('L'))).toEqual({ join: true, split: false, replyAll: false, batch: false });
    expect(offeredIncidentActions(brian, ticket('L', { incidentId: 'i1' }))).toEqual({ join: false, split: false, replyAll: false, batch: false });
    expect(offeredIncidentActions(sara, ticket('L', { status: 'resolved', incidentId: 'i1' }))).toEqual({ join: false, split: true, replyAll: false, batch: true });
  });
});

describe('releasing a member of an incident', () => {
  it('is refused until it is split from the incident, so one agent keeps handling it', () => {
    const member = { status: 'in_progress' as const, assignee: 'a1', incident: { id: 'i1' } };
    expect(decide(amina, 'release', member)).toEqual({ ok: false, reason: 'in_incident' });
    expect(decide(sara, 'release', member)).toEqual({ ok: false, reason: 'in_incident' });
    expect(offeredActions(amina, member).release).toBe(false);
    expect(decide(amina, 'release', { ...member, incident: null })).toEqual({ ok: true });
  });
});
