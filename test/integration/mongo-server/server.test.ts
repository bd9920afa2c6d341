/** The exported server API and the dev:mongo CLI, started fresh (independent of MONGODB_URI). */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { startMongoTestServer } from '../../support/mongo/server';

describe('startMongoTestServer', () => {
  it('listens on a free port, serves the driver and stops cleanly', async () => {
    const server = await startMongoTestServer({ port: 0 });
    expect(server.port).toBeGreaterThan(0);
    expect(server.uri).toBe(`mongodb://127.0.0.1:${server.port}/?replicaSet=rs0`);
    const client = await MongoClient.connect(server.uri, { serverSelectionTimeoutMS: 2000 });
    try {
      await client.db('a').collection('b').insertOne({ x: 1 });
      expect(await client.db('a').collection('b').countDocuments({})).toBe(1);
    } finally {
      await client.close();
    }
    await server.stop();
  });

  // hello reports a one-member replica set: the driver discovers it from any of these URIs.
  it.each([
    ['the replica set URI it prints', (port: number) => `mongodb://127.0.0.1:${port}/?replicaSet=rs0`],
    ['a plain URI with a database', (port: number) => `mongodb://127.0.0.1:${port}/ripoti`],
    ['a direct connection', (port: number) => `mongodb://127.0.0.1:${port}/?directConnection=true`],
    ['another name for the host', (port: number) => `mongodb://localhost:${port}/`],
  ])('serves the driver and mongoose through %s', async (_label, uriFor) => {
    const server = await startMongoTestServer({ port: 0 });
    const uri = uriFor(server.port);
    const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 3000 });
    const conn = await mongoose.createConnection(uri, { dbName: 'm', serverSelectionTimeoutMS: 3000 }).asPromise();
    try {
      await client.db('m').collection('c').insertOne({ via: 'driver' });
      expect(await conn.db!.collection('c').countDocuments({ via: 'driver' })).toBe(1);
    } finally {
      await Promise.all([client.close(), conn.close()]);
      await server.stop();
    }
  });

  it('advertises the host name it is given, and the driver follows it', async () => {
    const server = await startMongoTestServer({ port: 0, advertisedHost: 'localhost', replicaSet: 'ripoti' });
    expect(server.uri).toBe(`mongodb://localhost:${server.port}/?replicaSet=ripoti`);
    const client = await MongoClient.connect(`mongodb://127.0.0.1:${server.port}/?replicaSet=ripoti`, { serverSelectionTimeoutMS: 3000 });
    try {
      expect(await client.db('admin').command({ hello: 1 })).toMatchObject({ setName: 'ripoti', me: `localhost:${server.port}` });
    } finally {
      await client.close();
      await server.stop();
    }
  });

  it('keeps data per server instance', async () => {
    const [one, two] = await Promise.all([startMongoTestServer(), startMongoTestServer()]);
    const c1 = await MongoClient.connect(one.uri);
    const c2 = await MongoClient.connect(two.uri);
    try {
      await c1.db('d').collection('c').insertOne({ on: 'one' });
      expect(await c2.db('d').collection('c').countDocuments({})).toBe(0);
    } finally {
      await Promise.all([c1.close(), c2.close()]);
      await Promise.all([one.stop(), two.stop()]);
    }
  });
});

describe('dev:mongo CLI', () => {
  it('prints its URI, serves, and exits 0 on SIGTERM', async () => {
    const root = path.resolve(__dirname, '../../..');
    // The script's own command: one process, so SIGTERM reaches the server itself. Under the tsx
    // CLI a parent relayed it and, when the busy server did not acknowledge within its 30 ms
    // window, SIGKILLed it and exited 143 (seen in CI under load).
    const [node, ...args] = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['dev:mongo'].split(' ');
    expect(node).toBe('node');
    const child = spawn(process.execPath, [...args, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const uri = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (mongodb:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`cli exited early with ${code}: ${out}`)));
      });
      expect(uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/\?replicaSet=rs0$/);
      const client = await MongoClient.connect(uri);
      expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
      await client.close();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
