import { Readable } from 'node:stream';
import { AREA_ROLE, CATEGORIES, COUNTIES, FILTER_PRIORITIES, PAGE_SIZE, REPORT_KINDS, STATUSES, asksAboutInjuries, asksForMedicalRecord, countyByCode, countyMap, withoutContactDetails } from '../../domain';
import type { AgentDoc, ReportDoc } from '../../store';
import { parseFilter, readFilterForm } from '../ticket-filter';
import { quickPeriods, ratingResults } from '../board-queries';
import { signedIn, type ConsoleApp, type ConsoleContext } from '../context';
import { withReporterState } from './queue-routes';

/**
 * A spreadsheet opening the CSV must not run a cell as a formula (CSV injection): a cell starting
 * (after blanks) with = + - @ gets a quote mark, and a cell holding a ";" is quoted like one
 * holding a comma, so a spreadsheet set to split on ";" (or on tabs) cannot cut it into a piece that starts a formula.
 */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
  if (/^\s*[=+\-@]|^[\t\r]/.test(s)) s = `'${s}`;
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const EAT = 'Africa/Nairobi';
const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: EAT, year: 'numeric', month: '2-digit', day: '2-digit' });
const hm = new Intl.DateTimeFormat('en-GB', { timeZone: EAT, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Kenyan time, as a spreadsheet reads it: "2026-08-08 19:30" (a UTC instant put day-only answers on the day before). */
export function csvTime(d: Date | null | undefined): string {
  return d ? `${ymd.format(d)} ${hm.format(d)}` : '';
}

/** When it happened: the time when the reporter said "now", else only the day they named. */
function incidentCells(r: ReportDoc): [string, string] {
  if (!r.incidentAt) return ['', ''];
  return r.when === 'now' ? [csvTime(r.incidentAt), 'yes'] : [ymd.format(r.incidentAt), 'no'];
}

/**
 * The export deliberately carries no reporter identity and no free text about the reporter or the
 * events: the story, notes and the typed place can name people, and a spreadsheet travels further
 * than the console. The details for the agency (issue 15) are in it, as on the case file and for
 * anonymous reports too: they describe the officers, their vehicles and the polling place, never
 * who reported. Codes (role, unit, attire, perpetrator, hate channel) stay codes, as the other columns do. A referral to
 * "another agency" is OTHER in `referred_to`, so the code column still counts; its typed name is in
 * `referred_to_name`, the last column, as it came after spreadsheets were built on the others. Times are Kenyan
 * (EAT), as on the console and the case file; a day-only answer is a date, marked so.
 */
export const CSV_COLUMNS = [
  'reference', 'created_at', 'kind', 'category', 'priority', 'status', 'county', 'incident_at', 'incident_time_known', 'danger_now', 'evidence_items', 'assignee', 'referred_to', 'closed_at',
  'reporter_role', 'officer_names', 'service_numbers', 'officer_rank', 'police_unit', 'police_station', 'vehicle_plates', 'vehicle_description', 'officer_attire', 'officer_attire_words',
  'perpetrator', 'hate_channel', 'polling_station', 'polling_station_code', 'constituency', 'ward',
  'injured', 'medical_record',
  // Columns added later go last: spreadsheets built on the export read the earlier ones by position.
  'referred_to_name',
] as const;

/** Typed text (a reporter's answer, an agency's name): a phone number or email address typed into it (the reporter's own, perhaps) does not travel. */
function typed(x: string | undefined): string {
  return x ? withoutContactDetails(x) : '';
}

/** The details for the agency, in CSV_COLUMNS order (empty cells when skipped or not this kind of report). */
function agencyCells(r: ReportDoc): unknown[] {
  const o = r.officers ?? {};
  const list = (xs: string[] | undefined) => (xs ?? []).join('; ');
  return [
    r.reporterRole ?? '',
    typed(o.names),
    typed(list(o.serviceNumbers)),
    typed(o.rank),
    o.unit ?? '',
    typed(o.station),
    list(o.vehiclePlates),
    typed(o.vehicleDescription),
    o.attire ?? '',
    typed(o.uniform),
    // Who did it as a code only ('typed' when the reporter wrote it): their words can name a person.
    r.perpetrator?.kind ?? (r.perpetrator?.words ? 'typed' : ''),
    r.hateChannel ?? '',
    typed(r.pollingStation?.name),
    typed(r.pollingStation?.code),
    r.constituency?.name ?? '',
    r.ward?.name ?? '',
    // Codes, where the category asks (src/domain/injuries.ts): how many of a county's reports left someone hurt and untreated.
    (asksAboutInjuries(r.category) && r.injuries?.hurt) || '',
    (asksAboutInjuries(r.category) && asksForMedicalRecord(r.category, r.injuries ?? undefined) && r.injuries?.record) || '',
  ];
}

export function csvRow(r: ReportDoc, agentName: (id: string) => string): string {
  return [
    r.reference,
    csvTime(r.createdAt),
    r.kind,
    r.category,
    r.priority,
    r.status,
    countyByCode(r.county ?? 0)?.name ?? r.county ?? '',
    ...incidentCells(r),
    r.dangerNow ? 'yes' : 'no',
    r.evidence?.length ?? 0,
    r.assignee ? agentName(r.assignee.toString()) : '',
    r.referral?.agency ?? '',
    csvTime(r.closedAt),
    ...agencyCells(r),
    // The name is kept only for OTHER; read so, as the case file and the notices do.
    r.referral?.agency === 'OTHER' ? typed(r.referral.name) : '',
  ]
    .map(csvCell)
    .join(',');
}

/**
 * Who holds what (issue: a supervisor in a surge could not see who is overloaded): every active
 * account that takes tickets, with the number the cap counts, the fullest first, and how many
 * reports that is (an agent answering a 55-report incident read "1 of 5"). An admin is listed
 * only while holding something.
 */
async function agentLoad(ctx: ConsoleContext, agents: readonly AgentDoc[]): Promise<{ id: string; name: string; held: number; reports: number }[]> {
  const active = agents.filter((a) => a.active);
  const load = await ctx.store.reports.heldLoadOf(active.map((a) => a._id));
  return active
    .map((a) => {
      const l = load.get(a._id.toString()) ?? { work: 0, reports: 0 };
      return { id: a._id.toString(), name: a.name, role: a.role, held: l.work, reports: l.reports };
    })
    .filter((a) => a.role !== 'admin' || a.reports > 0)
    .sort((a, b) => b.held - a.held || b.reports - a.reports || a.name.localeCompare(b.name))
    .map(({ id, name, held, reports }) => ({ id, name, held, reports }));
}

export function supervisorRoutes(app: ConsoleApp, ctx: ConsoleContext): void {
  const supervisorOnly = ctx.auth.requireRole(AREA_ROLE.supervision);

  app.get('/supervisor/tickets', { onRequest: supervisorOnly }, async (req, reply) => {
    const { filter: asked, boxes, unread } = readFilterForm(req.query);
    const now = new Date();
    // One pass per county for both the map and the county chart (without a county chosen they are the same count).
    const perCounty = ctx.queries.perCounty(asked);
    const agentList = ctx.store.agents.list();
    // Each lookup starts as soon as what it needs is back (the page's reports, the agents), not after the slowest chart.
    const [firstPage, counts, agents, load, map, ratings] = await Promise.all([
      ctx.queries.page(asked).then((rows) => withReporterState(ctx, rows, now)),
      ctx.queries.counts({ ...asked, page: 1 }, perCounty),
      agentList,
      agentList.then((a) => agentLoad(ctx, a)),
      perCounty.then(countyMap),
      ratingResults(ctx.store.ratings, asked),
    ]);
    // The list's total is the charts' sum: the same filter (the page aside), so no count of its own.
    const total = counts.total;
    // A page past the end (an old link, fewer tickets now) shows the last one, not an empty table.
    const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const filter = asked.page > last ? { ...asked, page: last } : asked;
    const items = filter === asked ? firstPage : await withReporterState(ctx, await ctx.queries.page(filter), now);
    const names = new Map(agents.map((a) => [a._id.toString(), a.name]));
    return ctx.render(req, reply, 'supervisor', {
      filter,
      // The From/To boxes as the agent reads them (day first), or as typed when not a day.
      dates: { boxes, unread },
      items,
      total,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      counts,
      agents,
      agentName: (id: string) => names.get(id) ?? '',
      load,
      maxPerAgent: ctx.config.tickets.maxPerAgent,
      options: { statuses: STATUSES, kinds: REPORT_KINDS, categories: CATEGORIES.map((c) => c.code), counties: COUNTIES, priorities: FILTER_PRIORITIES },
      now,
      // Issue 16: where reports come from, and what reporters said about the help.
      map,
      periods: quickPeriods(),
      ratings,
    });
  });

  exportRoute(app, ctx, supervisorOnly);
}

/** The tickets as CSV, under the same filters, for a supervisor (no identities: `csvRow`). */
function exportRoute(app: ConsoleApp, ctx: ConsoleContext, supervisorOnly: ReturnType<ConsoleContext['auth']['requireRole']>): void {
  app.get('/supervisor/tickets.csv', { onRequest: supervisorOnly }, async (req, reply) => {
    const filter = parseFilter(req.query);
    // Who took the list, and which filters (their names: a search text may hold a name or a plate).
    const audit = { agentId: signedIn(ctx, req).agent._id.toString(), filters: Object.entries(filter).filter(([, v]) => v !== undefined).map(([k]) => k) };
    const names = new Map((await ctx.store.agents.list()).map((a) => [a._id.toString(), a.name]));
    const stamp = ymd.format(new Date()); // Kenya's day: after 21:00 UTC it is already tomorrow in Nairobi.
    // Streamed row by row from the cursor: a whole election's export never sits in memory.
    async function* lines(): AsyncGenerator<string> {
      yield `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
      let rows = 0;
      for await (const r of ctx.queries.cursor(filter)) {
        rows++;
        yield `${csvRow(r as ReportDoc, (id) => names.get(id) ?? '')}\r\n`;
      }
      ctx.logger.info({ ...audit, rows }, 'tickets exported');
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="ripoti-tickets-${stamp}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  });
}
