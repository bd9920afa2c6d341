/**
 * Issue 17: what the reporter's Confirm asks MongoDB for its triage. The process keeps each
 * report's words (`TriageService`'s index) and reads a report again only when its text may have
 * changed; the marks a Confirm writes (queued, links, triaged) change no text, so the next
 * Confirm in the county does not read those reports again. A text write still does (the /forget
 * case: triage-service.test.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { IntakeService, type IntakeRequest } from '../../../src/services/intake-service';
import { TriageService } from '../../../src/services/triage-service';
import type { TestDb } from '../../support/db';
import { createHarness, type Harness } from '../../support/tickets-harness';

let h: Harness;
let db: TestDb;
let intake: IntakeService;
const commands: CommandStartedEvent[] = [];
let nextUser = 840_000_000;

/** A database with the driver's command monitoring on, to count what each Confirm sends. */
async function monitoredDb(): Promise<TestDb> {
  const dbName = `test_triage_cmds_${process.pid}_${randomBytes(4).toString('hex')}`;
  const conn = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName, monitorCommands: true }).asPromise();
  conn.getClient().on('commandStarted', (e) => commands.push(e));
  return { conn, dbName, drop: async () => { try { await conn.dropDatabase(); } finally { await conn.close(); } } };
}

beforeAll(async () => {
  db = await monitoredDb();
  h = await createHarness({ label: 'svc-triage-cmds', db });
  intake = new IntakeService({ store: h.store, reports: h.reports, logger: h.logger, triage: new TriageService({ store: h.store, logger: h.logger }) });
});

afterAll(async () => {
  await h?.close();
  await db?.drop();
});

const at = new Date(Date.now() - 30 * 60_000);
const story = { text: 'Officers at the Kibuye market roadblock took 200 shillings from every boda boda rider this morning.' };

function request(language: 'en' | 'sw'): IntakeRequest {
  const id = nextUser++;
  return {
    reporter: { telegramUserId: id, chatId: id, firstName: 'Reporter' },
    language,
    report: { draftId: randomUUID(), kind: 'police', category: 'p_bribery', county: 42, place: 'Kibuye market roadblock', when: 'now', incidentAt: at, dangerNow: false, anonymous: true, evidence: [], description: story },
  };
}

/** The reports this Confirm read whole by id (triage's reads of reports it does not hold as they are), and its finds on reports. */
async function confirm(req: IntakeRequest): Promise<{ id: string; readById: string[][]; finds: number }> {
  commands.length = 0;
  const res = await intake.submit(req);
  if (!res.ok) throw new Error(`refused: ${res.reason}`);
  const finds = commands.filter((c) => c.commandName === 'find' && c.command.find === 'reports');
  const readById = finds.flatMap((c) => {
    const ids = (c.command.filter as { _id?: { $in?: unknown[] } })._id?.$in;
    return ids ? [ids.map(String)] : [];
  });
  return { id: res.reportId, readById, finds: finds.length };
}

it("a later Confirm in the county does not read again earlier reports whose text did not change (only the marks and links its neighbours' Confirms wrote)", async () => {
  const first = await confirm(request('en'));
  const second = await confirm(request('sw'));
  const third = await confirm(request('en'));
  // They are one incident: each later report is linked to the earlier ones (the writes this test is about).
  const stored = await h.store.reports.findById(third.id);
  expect(stored?.similar?.map((l) => l.reportId.toString()).sort()).toEqual([first.id, second.id].sort());
  // The process built the earlier reports' words on their own Confirms: nothing is read again.
  expect(second.readById).toEqual([]);
  expect(third.readById).toEqual([]);
  expect(third.finds).toBe(first.finds);
});

it("a report whose words any other writer changed (through the model, as every writer but the Confirm's marks does) is read again by the next Confirm, and its new words are the ones quoted", async () => {
  const first = await confirm(request('en'));
  // A writer that knows nothing of triage: mongoose's timestamps move `updatedAt` for it.
  await h.store.models.Report.updateOne({ _id: first.id }, { $set: { place: 'Kibuye market roadblock near the blue kiosk' } });
  const second = await confirm(request('sw'));
  expect(second.readById).toEqual([[first.id]]);
  const place = (await h.store.reports.findById(second.id))?.similar?.find((l) => l.reportId.toString() === first.id)?.reasons.find((x) => x.code === 'similar_place');
  expect(place?.b).toBe('Kibuye market roadblock near the blue kiosk');
});
