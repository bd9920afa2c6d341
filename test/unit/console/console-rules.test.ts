import { Types } from 'mongoose';
import fc from 'fast-check';
import { canOpenTicket, canSeeIdentity } from '../../../src/console/access';
import { parseCookies, serializeCookie } from '../../../src/console/cookies';
import { csvCell, csvRow, CSV_COLUMNS } from '../../../src/console/routes/supervisor-routes';
import { addressBlock } from '../../../src/console/routes/auth-routes';
import { referencePrefix } from '../../../src/domain';
import { parseFilter, readFilterForm } from '../../../src/console/ticket-filter';
import { escapeRegex, filterToQuery } from '../../../src/store';
import { safeLocalPath } from '../../../src/console/context';
import type { ReportDoc } from '../../../src/store';
import { generateReference } from '../../../src/domain';

const me = { _id: new Types.ObjectId(), role: 'agent' as const };
const colleague = { _id: new Types.ObjectId(), role: 'agent' as const };
const supervisor = { _id: new Types.ObjectId(), role: 'supervisor' as const };
const admin = { _id: new Types.ObjectId(), role: 'admin' as const };

describe('who may open a ticket and see the reporter', () => {
  const mine = { assignee: me._id, anonymous: false };
  const waiting = { assignee: null, anonymous: false };
  const anonymousMine = { assignee: me._id, anonymous: true };

  it('agents open only tickets they hold; supervisors and admins open any', () => {
    expect(canOpenTicket(me, mine)).toBe(true);
    expect(canOpenTicket(colleague, mine)).toBe(false);
    expect(canOpenTicket(me, waiting)).toBe(false);
    expect(canOpenTicket(supervisor, waiting)).toBe(true);
    expect(canOpenTicket(admin, mine)).toBe(true);
  });

  it('identity only for people working the case, and never on an anonymous report', () => {
    expect(canSeeIdentity(me, mine)).toBe(true);
    expect(canSeeIdentity(colleague, mine)).toBe(false);
    expect(canSeeIdentity(supervisor, mine)).toBe(true);
    for (const viewer of [me, colleague, supervisor, admin]) expect(canSeeIdentity(viewer, anonymousMine)).toBe(false);
  });
});

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas and quotes separators', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+254700000000')).toBe("'+254700000000");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Kasarani, Nairobi')).toBe('"Kasarani, Nairobi"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    // Blanks first, or a ";" a spreadsheet may split on, do not let a formula through.
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('Sgt Kamau;=HYPERLINK("http://x","open")')).toBe('"Sgt Kamau;=HYPERLINK(""http://x"",""open"")"');
    expect(csvCell('Sgt Otieno\t=1+1')).toBe('"Sgt Otieno\t=1+1"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(new Date('2026-11-23T04:00:00Z'))).toBe('2026-11-23T04:00:00.000Z');
  });

  it('has one value per column and nothing from the story', () => {
    const r = {
      reference: 'R-7K3F-9QX2',
      createdAt: new Date(),
      kind: 'police',
      category: 'p_bribery',
      priority: 3,
      status: 'referred',
      county: 47,
      place: 'Kencom',
      incidentAt: new Date(),
      dangerNow: false,
      evidence: [],
      assignee: me._id,
      referral: { agency: 'IPOA' },
      closedAt: null,
      description: { text: 'secret story' },
      reporterRole: 'on_behalf',
      officers: { names: 'Cpl Otieno', unit: 'traffic', vehiclePlates: ['KDA 123A'], attire: 'traffic' },
    } as unknown as ReportDoc;
    const row = csvRow(r, () => 'Amina W.');
    expect(row.split(',')).toHaveLength(CSV_COLUMNS.length);
    expect(row).toContain('Nairobi City');
    expect(row).toContain('IPOA');
    expect(row).not.toContain('secret story');
    // The place is typed by the reporter: free text, which can name people, stays out.
    expect(row).not.toContain('Kencom');
    expect(CSV_COLUMNS).not.toContain('place');
    // The details for the agency are there, as codes where they are codes.
    const cells = Object.fromEntries(row.split(',').map((v, i) => [CSV_COLUMNS[i], v]));
    expect(cells).toMatchObject({ reporter_role: 'on_behalf', officer_names: 'Cpl Otieno', police_unit: 'traffic', vehicle_plates: 'KDA 123A', officer_attire: 'traffic', polling_station: '' });
  });

  it('gives Kenyan times, and a day-only answer as that day, not 21:00 the day before', () => {
    const base = { reference: 'R-7K3F-9QX2', kind: 'election', category: 'e_bribery', priority: 3, status: 'resolved', county: 47, evidence: [], description: {} };
    const cellsOf = (r: object) => {
      const row = csvRow(r as unknown as ReportDoc, () => '');
      return Object.fromEntries(row.split(',').map((v, i) => [CSV_COLUMNS[i], v]));
    };
    // "Yesterday", asked on 2 August: stored as Kenyan midnight of 1 August (21:00 UTC on 31 July).
    const yesterday = cellsOf({ ...base, when: 'yesterday', incidentAt: new Date('2026-07-31T21:00:00Z'), createdAt: new Date('2026-08-02T05:15:00Z'), closedAt: new Date('2026-08-03T21:30:00Z') });
    expect(yesterday).toMatchObject({ incident_at: '2026-08-01', incident_time_known: 'no', created_at: '2026-08-02 08:15', closed_at: '2026-08-04 00:30' });
    const now = cellsOf({ ...base, when: 'now', incidentAt: new Date('2026-08-08T16:30:00Z'), createdAt: new Date('2026-08-08T16:42:00Z'), closedAt: null });
    expect(now).toMatchObject({ incident_at: '2026-08-08 19:30', incident_time_known: 'yes', created_at: '2026-08-08 19:42', closed_at: '' });
  });
});

describe('supervisor filters', () => {
  it('drops malformed values instead of failing', () => {
    expect(parseFilter({ status: 'nope', county: '99', from: '31/11/2026', to: '2026-13-01', agent: 'x', page: '-3', category: 'p_bribery', q: '  ', priority: 'dharura' })).toEqual({ category: 'p_bribery', page: 1 });
  });

  it('narrows to one priority named in the address, through the same query the list and the CSV use', () => {
    expect(parseFilter({ priority: 'urgent' })).toMatchObject({ priority: 1 });
    expect(filterToQuery(parseFilter({ priority: 'High', status: 'received' }))).toEqual({ priority: 2, status: 'received' });
    expect(filterToQuery(parseFilter({ priority: '' }))).toEqual({});
  });

  it('reads dates day first, as Kenyan staff type them, and names those it cannot read', () => {
    expect(parseFilter({ from: '23/11/2026', to: '2026-11-30' })).toMatchObject({ from: '2026-11-23', to: '2026-11-30' });
    expect(readFilterForm({ from: '30/11/2026', to: '23/11/2026' })).toMatchObject({ filter: { from: '2026-11-23', to: '2026-11-30' }, boxes: { from: '23/11/2026', to: '30/11/2026' }, unread: [] });
    expect(readFilterForm({ from: ' 31/11/2026 ', to: ['2026-11-01', '2026-11-02'] })).toMatchObject({ filter: { from: undefined, to: undefined }, boxes: { from: '31/11/2026', to: '' }, unread: ['from'] });
  });

  it('finds a typed reference exactly and treats other search text literally', () => {
    const ref = generateReference();
    expect(filterToQuery(parseFilter({ q: ` ${ref.toLowerCase().replace(/-/g, ' ')} ` })).reference).toBe(ref);
    const q = filterToQuery(parseFilter({ q: 'a.c (x)' }));
    expect(q.$or).toContainEqual({ 'description.text': { $regex: 'a\\.c \\(x\\)', $options: 'i' } });
    expect(q.reference).toBeUndefined();
  });

  it('finds references by their beginning with an anchored match, and words in stories otherwise', () => {
    expect(filterToQuery(parseFilter({ q: 'r-7k3f' })).reference).toEqual({ $regex: '^R-7K3F' });
    expect(filterToQuery(parseFilter({ q: 'R7K3F9Q' })).reference).toEqual({ $regex: '^R-7K3F-9Q' });
    expect(filterToQuery(parseFilter({ q: 'R-7K' })).reference).toEqual({ $regex: '^R-7K' });
    // A word that happens to start with R is a story search, not a reference.
    const word = filterToQuery(parseFilter({ q: 'rape' }));
    expect(word.reference).toBeUndefined();
    expect(word.$or).toContainEqual({ 'description.text': { $regex: 'rape', $options: 'i' } });
    expect(referencePrefix('R-IOL1')).toBeNull(); // letters no reference uses
  });

  it('escaped search text matches itself and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const re = new RegExp(`^${escapeRegex(s)}$`);
        expect(re.test(s)).toBe(true);
      }),
    );
  });

  it('counts dates as Kenyan days', () => {
    const range = filterToQuery(parseFilter({ from: '2026-11-23', to: '2026-11-23' })).createdAt as { $gte: Date; $lt: Date };
    expect(range.$gte.toISOString()).toBe('2026-11-22T21:00:00.000Z');
    expect(range.$lt.toISOString()).toBe('2026-11-23T21:00:00.000Z');
  });
});

describe('cookies and redirects', () => {
  it('round-trips values and writes the security attributes', () => {
    const line = serializeCookie('ripoti_session', 'abc-_123', { path: '/', httpOnly: true, secure: true, sameSite: 'strict', maxAge: 60 });
    expect(line).toBe('ripoti_session=abc-_123; Path=/; Max-Age=60; HttpOnly; Secure; SameSite=Strict');
    expect(parseCookies('a=1; ripoti_session=abc-_123; b="q"')).toEqual({ a: '1', ripoti_session: 'abc-_123', b: 'q' });
    expect(parseCookies('broken; =x; c=%E0%A4%A')).toEqual({ c: '%E0%A4%A' });
  });

  it('only follows same-site paths after sign-in', () => {
    expect(safeLocalPath('/tickets/abc?x=1')).toBe('/tickets/abc?x=1');
    expect(safeLocalPath(`/queue?${'x'.repeat(600)}`)).toBe('/queue');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', undefined]) expect(safeLocalPath(bad)).toBe('/queue');
  });
});

describe('the sign-in limit counts by network', () => {
  it('one IPv6 /64 is one counter, whatever address in it, however written; IPv4 as it is', () => {
    const one = ['2001:db8:aa:bb::1', '2001:0db8:00aa:00bb:ffff:1:2:3', '2001:db8:aa:bb:0:0:0:9%eth0'].map(addressBlock);
    expect(new Set(one)).toEqual(new Set(['2001:db8:aa:bb::/64']));
    expect(addressBlock('2001:db8:aa:bc::1')).not.toBe(one[0]);
    expect(addressBlock('::1')).toBe('0:0:0:0::/64');
    // "::" stands for as many zero groups as make eight.
    expect(addressBlock('2001::5:1:2:3:4')).toBe('2001:0:0:5::/64');
    expect(addressBlock('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBlock('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });
});
