import { Types } from 'mongoose';
import { groupByIncident, withReplies } from '../../../src/console/routes/queue-routes';
import type { ReportDoc } from '../../../src/store';

const me = new Types.ObjectId();
const held = (reference: string, seenAt?: Date, holder = me, priority = 3) =>
  ({ _id: new Types.ObjectId(), reference, priority, assignee: me, holderSeen: seenAt ? { agentId: holder, at: seenAt } : null }) as unknown as ReportDoc;
const at = (min: number) => new Date(Date.UTC(2027, 7, 9, 8, min));

it('puts unread replies first, the longest-waiting on top, and keeps the rest in their order', () => {
  const a = held('A', at(30)); // read after the reporter wrote
  const b = held('B', at(10)); // reporter wrote at 20: unread
  const c = held('C'); // never opened, reporter wrote at 5: unread
  const d = held('D'); // no message at all
  const last = new Map([
    [a._id.toString(), at(25)],
    [b._id.toString(), at(20)],
    [c._id.toString(), at(5)],
  ]);
  const rows = withReplies([a, b, c, d], last);
  expect(rows.map((r) => [r.reference, r.unread])).toEqual([
    ['C', true],
    ['B', true],
    ['A', false],
    ['D', false],
  ]);
  expect(rows[0].lastFromReporter).toEqual(at(5));
});

it("counts a view by the ticket's previous holder as unseen", () => {
  const t = held('E', at(50), new Types.ObjectId());
  expect(withReplies([t], new Map([[t._id.toString(), at(40)]]))[0].unread).toBe(true);
});

it('keeps someone in danger on top, above any number of unread thanks from an incident', () => {
  const thanks = Array.from({ length: 5 }, (_, i) => held(`T${i}`, at(1)));
  const danger = held('DANGER', at(30), me, 1); // read, nothing new
  const last = new Map(thanks.map((t, i) => [t._id.toString(), at(10 + i)] as [string, Date]));
  const rows = withReplies([...thanks, danger], last);
  expect(rows[0].reference).toBe('DANGER');
  expect(rows.slice(1).every((r) => r.unread)).toBe(true);
});

it('groups My tickets of one incident together, where its first report stands in the order, each group in its order', () => {
  const incident = (id: Types.ObjectId) => ({ id, joinedAt: at(0) });
  const market = new Types.ObjectId();
  const stadium = new Types.ObjectId();
  const rows = [held('M1'), held('S1'), held('X'), held('M2'), held('S2'), held('M3')];
  for (const [i, id] of [[0, market], [1, stadium], [3, market], [4, stadium], [5, market]] as const) Object.assign(rows[i], { incident: incident(id) });
  // A report alone in its incident (the rest closed or held by others) is not a group.
  const alone = Object.assign(held('L'), { incident: incident(new Types.ObjectId()) });
  const groups = groupByIncident([...rows, alone]);
  expect(groups.map((g) => [g.incident, g.rows.map((r) => r.reference)])).toEqual([
    [market.toString(), ['M1', 'M2', 'M3']],
    [stadium.toString(), ['S1', 'S2']],
    [null, ['X']],
    [null, ['L']],
  ]);
});

it('shows an incident in one group, its danger reports in view and the rest folded, where its most urgent report stands, above every ticket not in danger', () => {
  const riot = { id: new Types.ObjectId(), joinedAt: at(0) };
  const calm = held('CALM');
  const rest = Array.from({ length: 3 }, (_, i) => Object.assign(held(`R${i}`), { incident: riot }));
  const first = Object.assign(held('R-DANGER', undefined, me, 1), { incident: riot });
  const other = held('DANGER', undefined, me, 1);
  const groups = groupByIncident(withReplies([calm, rest[0], first, other, ...rest.slice(1)], new Map()));
  const refs = (rows: ReportDoc[]) => rows.map((r) => r.reference);
  expect(groups.map((g) => [g.incident, refs(g.rows), refs(g.more)])).toEqual([
    [riot.id.toString(), ['R-DANGER'], ['R0', 'R1', 'R2']],
    [null, ['DANGER'], []],
    [null, ['CALM'], []],
  ]);
  // Inside the group the danger report leads whatever order the list came in.
  expect(groupByIncident([rest[0], first]).map((g) => [refs(g.rows), refs(g.more)])).toEqual([[['R-DANGER'], ['R0']]]);
});

it('never buries a lone danger ticket under a big incident: the box shows its danger reports, the rest folded under it', () => {
  const riot = { id: new Types.ObjectId(), joinedAt: at(0) };
  const riotDanger = Object.assign(held('R-DANGER', undefined, me, 1), { incident: riot });
  const rest = Array.from({ length: 30 }, (_, i) => Object.assign(held(`R${i}`), { incident: riot }));
  const lone = held('DANGER', undefined, me, 1); // taken after the incident's danger report
  const groups = groupByIncident(withReplies([riotDanger, ...rest, lone, held('CALM')], new Map()));
  // What an agent sees before opening anything: both people in danger, one line apart.
  expect(groups.map((g) => [g.incident, g.rows.map((r) => r.reference), g.more.length])).toEqual([
    [riot.id.toString(), ['R-DANGER'], 30],
    [null, ['DANGER'], 0],
    [null, ['CALM'], 0],
  ]);
  expect(groups[0].more.map((r) => r.reference)).toEqual(rest.map((r) => r.reference));
});
