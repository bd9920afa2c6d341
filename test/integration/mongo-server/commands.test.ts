/** Handshake, admin and namespace commands; unknown commands fail like MongoDB. */
import { MongoServerError, type Document } from 'mongodb';
import { Schema } from 'mongoose';
import { connectTestClient, connectTestDb, type TestClientDb } from '../../support/db';

let t: TestClientDb;

beforeAll(async () => {
  t = await connectTestClient('commands');
});

afterAll(async () => {
  await t.drop();
});

describe('commands', () => {
  it('fails an unimplemented command with CommandNotFound naming it', async () => {
    const err = await t.db.command({ fooBar: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    const e = err as MongoServerError;
    expect(e.code).toBe(59);
    expect(e.codeName).toBe('CommandNotFound');
    expect(e.message).toContain("no such command: 'fooBar'");
  });

  it('answers hello as the writable primary of a replica set, naming itself', async () => {
    const hello = await t.db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({ ok: 1, isWritablePrimary: true, secondary: false, logicalSessionTimeoutMinutes: 30 });
    expect(typeof hello.setName).toBe('string');
    expect(hello.primary).toBe(hello.me);
    expect(hello.hosts).toContain(hello.me);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(17); // 21 here; real servers from 6.0 up
    expect(hello.maxBsonObjectSize).toBe(16 * 1024 * 1024);
    expect(hello.maxWriteBatchSize).toBeGreaterThan(1000);
    expect(hello.localTime).toBeInstanceOf(Date);
    expect(typeof hello.connectionId).toBe('number');
  });

  it('answers the legacy isMaster spelling', async () => {
    const res = await t.db.admin().command({ isMaster: 1 });
    expect(res).toMatchObject({ ok: 1, ismaster: true });
  });

  it('answers ping and buildInfo', async () => {
    expect(await t.db.admin().ping()).toMatchObject({ ok: 1 });
    const info = await t.db.admin().buildInfo();
    expect(typeof info.version).toBe('string');
    expect(Array.isArray(info.versionArray)).toBe(true);
  });

  it('creates, lists and drops collections', async () => {
    await t.db.createCollection('alpha');
    await t.db.collection('beta').insertOne({ x: 1 });
    const names = (await t.db.listCollections().toArray()).map((c) => c.name).sort();
    expect(names).toEqual(expect.arrayContaining(['alpha', 'beta']));
    const filtered = await t.db.listCollections({ name: 'alpha' }, { nameOnly: true }).toArray();
    expect(filtered.map((c) => c.name)).toEqual(['alpha']);
    expect(await t.db.collection('beta').drop()).toBe(true);
    expect((await t.db.listCollections({ name: 'beta' }).toArray()).length).toBe(0);
  });

  it('reports NamespaceExists when creating an existing collection', async () => {
    await t.db.createCollection('gamma');
    const err = await t.db.command({ create: 'gamma', capped: true, size: 4096 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(48);
  });

  it('lets mongoose autoCreate an existing collection without complaint', async () => {
    const m = await connectTestDb('commands_mongoose');
    try {
      await m.conn.createCollection('things');
      const Thing = m.conn.model('Thing', new Schema({ a: Number }), 'things');
      await Thing.init();
      await Thing.create({ a: 1 });
      expect(await Thing.countDocuments()).toBe(1);
    } finally {
      await m.drop();
    }
  });

  it('lists and drops databases', async () => {
    const other = t.client.db(`${t.dbName}_x`);
    await other.collection('c').insertOne({ a: 1 });
    const listed = await t.client.db('admin').admin().listDatabases();
    expect(listed.databases.map((d: Document) => d.name)).toContain(`${t.dbName}_x`);
    expect(await other.dropDatabase()).toBe(true);
    const after = await t.client.db('admin').admin().listDatabases({ nameOnly: true });
    expect(after.databases.map((d: Document) => d.name)).not.toContain(`${t.dbName}_x`);
  });

  it('keeps databases separate', async () => {
    const a = t.client.db(`${t.dbName}_a`);
    const b = t.client.db(`${t.dbName}_b`);
    try {
      await a.collection('same').insertOne({ from: 'a' });
      expect(await b.collection('same').countDocuments({})).toBe(0);
    } finally {
      await a.dropDatabase();
      await b.dropDatabase();
    }
  });

  it('ignores session fields such as lsid and writeConcern', async () => {
    const session = t.client.startSession();
    try {
      await t.db.collection('sess').insertOne({ a: 1 }, { session, writeConcern: { w: 1 } });
      expect(await t.db.collection('sess').countDocuments({}, { session })).toBe(1);
    } finally {
      await session.endSession();
    }
  });
});
