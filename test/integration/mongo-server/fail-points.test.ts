/** The `failCommand` fail point as real MongoDB (enableTestCommands) offers it, scoped by namespace
 * so that one test file's failures never reach another file's commands on the shared server. */
import type { Document } from 'mongodb';
import { connectTestClient, serverFailure, type TestClientDb } from '../../support/db';

let t: TestClientDb;

beforeAll(async () => {
  t = await connectTestClient('fail_points');
  await t.db.collection('c').insertOne({ _id: 1 } as Document);
});
afterAll(async () => {
  await failFind('off');
  await t.drop();
});

const failFind = (mode: Document | string) =>
  t.db.admin().command({ configureFailPoint: 'failCommand', mode, data: { failCommands: ['find'], errorCode: 50, namespace: `${t.dbName}.c` } });

describe('failCommand', () => {
  it('fails the named command the given number of times with the given code, then lets it through', async () => {
    await failFind({ times: 1 });
    const err = await serverFailure(t.db.collection('c').findOne({}));
    expect(err.code).toBe(50);
    expect(err.codeName).toBe('MaxTimeMSExpired');
    expect(await t.db.collection('c').findOne({})).toEqual({ _id: 1 });
  });

  it('leaves other commands and other collections alone', async () => {
    await t.db.collection('d').insertOne({ _id: 2 } as Document);
    await failFind('alwaysOn');
    expect(await t.db.collection('c').countDocuments({})).toBe(1);
    expect(await t.db.collection('d').findOne({})).toEqual({ _id: 2 });
    expect((await serverFailure(t.db.collection('c').findOne({}))).code).toBe(50);
    await failFind('off');
    expect(await t.db.collection('c').findOne({})).toEqual({ _id: 1 });
  });

  it('keeps one setting per namespace: another file arming or turning off its own leaves this one armed', async () => {
    await failFind('alwaysOn');
    const other = { failCommands: ['find'], errorCode: 91, namespace: `${t.dbName}.other` };
    await t.db.admin().command({ configureFailPoint: 'failCommand', mode: { times: 1 }, data: other });
    await t.db.admin().command({ configureFailPoint: 'failCommand', mode: 'off', data: other });
    expect((await serverFailure(t.db.collection('c').findOne({}))).code).toBe(50);
    await failFind('off');
    expect(await t.db.collection('c').findOne({})).toEqual({ _id: 1 });
  });

  it('is refused outside the admin database', async () => {
    const err = await serverFailure(t.db.command({ configureFailPoint: 'failCommand', mode: 'off' }));
    expect(err.code).toBe(13);
  });
});
