/**
 * Index changes as an explicit step (issue 18): `migrate` makes the database's indexes match the
 * schemas, `--dry-run` lists what it would do, and a production role refuses to start, with one
 * line, while an index it needs is missing or declared differently.
 */
import type { Connection } from 'mongoose';
import { applyIndexes, checkIndexes, connectMongo, createStore, IndexesNotReadyError, planIndexes } from '../../../src/store';
import { connectTestDb } from '../../support/db';
import { spawnApp } from '../../support/spawn-app';

const KEY = [{ id: 'k1', key: Buffer.alloc(32, 3) }];

function uriFor(dbName: string): string {
  const uri = new URL(process.env.MONGODB_URI!);
  uri.pathname = `/${dbName}`;
  return uri.toString();
}

describe('index migration', () => {
  let dbName: string;
  let conn: Connection;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    // A database name only; the connection under test is production's (no automatic builds).
    const test = await connectTestDb('migrate');
    dbName = test.dbName;
    drop = test.drop;
    conn = await connectMongo(process.env.MONGODB_URI!, { dbName, autoIndex: false });
  });

  afterAll(async () => {
    await conn?.close();
    await drop?.();
  });

  it('lists the indexes a new database lacks, and a production role refuses to start without them', async () => {
    const store = createStore(conn, KEY);
    const plan = await planIndexes(conn);
    const reports = plan.find((c) => c.collection === 'reports');
    expect(reports?.create.map((i) => i.key)).toEqual(expect.arrayContaining([{ reference: 1 }, { createdAt: -1, _id: -1 }]));
    await expect(store.ready()).rejects.toBeInstanceOf(IndexesNotReadyError);

    const dry = spawnApp(['migrate', '--dry-run'], { MONGODB_URI: uriFor(dbName), LOG_LEVEL: 'silent' });
    expect((await dry.exited).code).toBe(0);
    expect(dry.lines).toEqual(expect.arrayContaining(['would create on reports: {"createdAt":-1,"_id":-1}', 'would create on reports: {"reference":1} {"unique":true}']));
    // A dry run changes nothing.
    expect(await planIndexes(conn)).toEqual(plan);

    const role = spawnApp(['worker'], {
      NODE_ENV: 'production',
      MONGODB_URI: uriFor(dbName),
      TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
      DATA_KEY: `k1:${Buffer.alloc(32, 3).toString('base64')}`,
      LOG_LEVEL: 'silent',
      WORKER_HTTP_PORT: '0',
    });
    expect((await role.exited).code).toBe(1);
    expect(role.lines).toHaveLength(1);
    expect(role.lines[0]).toMatch(/^MongoDB indexes missing or changed \(.*reports \{"createdAt":-1,"_id":-1\}.*\): run "node dist\/main.js migrate" once before starting the roles$/);
  });

  it('builds what is missing, drops what no schema declares, and replaces an index whose options changed', async () => {
    const sessions = conn.collection('console_sessions');
    const spawned = spawnApp(['migrate'], { MONGODB_URI: uriFor(dbName), LOG_LEVEL: 'silent' });
    expect((await spawned.exited).code).toBe(0);
    expect(await planIndexes(conn)).toEqual([]);
    await expect(checkIndexes(conn)).resolves.toBeUndefined();

    // Someone's leftover index, and the sessions' TTL changed in the schema since it was built.
    await conn.collection('reports').createIndex({ legacyField: 1 }, { name: 'legacyField_1' });
    await sessions.dropIndex('expiresAt_1');
    await sessions.createIndex({ expiresAt: 1 }, { name: 'expiresAt_1', expireAfterSeconds: 3600 });
    const plan = await planIndexes(conn);
    expect(plan).toEqual(
      expect.arrayContaining([
        { collection: 'reports', create: [], drop: ['legacyField_1'] },
        { collection: 'console_sessions', create: [{ key: { expiresAt: 1 }, options: expect.objectContaining({ expireAfterSeconds: 0 }) }], drop: ['expiresAt_1'] },
      ]),
    );
    // A leftover index does not stop a role; a changed one does.
    await expect(checkIndexes(conn)).rejects.toThrow(/console_sessions \{"expiresAt":1\}/);

    await applyIndexes(conn);
    expect(await planIndexes(conn)).toEqual([]);
    const ttl = (await sessions.indexes()).find((i) => i.name === 'expiresAt_1');
    expect(ttl?.expireAfterSeconds).toBe(0);
  });
});
