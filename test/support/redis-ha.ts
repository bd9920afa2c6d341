/**
 * Replicated and clustered Redis on loopback ports, from `RedisProcess` children:
 * - `RedisSentinelSet`: a primary, one replica and three Sentinels (quorum 2), as a production
 *   Sentinel deployment, with short timeouts so a failover takes seconds;
 * - `RedisClusterSet`: three cluster primaries holding all 16384 slots (by default no replicas).
 * Each waits until the setup is complete (replica in sync and every Sentinel knowing the others,
 * or every node reporting cluster_state:ok) before it returns.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort } from './ports';
import { RedisProcess } from './redis-process';

const run = promisify(execFile);

async function cli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 10_000 });
  return stdout;
}

/** Re-checks `test` until it holds (each check is a round trip to a local server). */
async function until(test: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `field:value` lines of INFO or CLUSTER INFO. */
function field(info: string, name: string): string | undefined {
  return new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

export class RedisSentinelSet {
  private constructor(
    readonly name: string,
    readonly primary: RedisProcess,
    readonly replica: RedisProcess,
    readonly sentinels: RedisProcess[],
  ) {}

  /** `REDIS_SENTINELS` for the app. */
  get sentinelsEnv(): string {
    return this.sentinels.map((s) => `127.0.0.1:${s.port}`).join(',');
  }

  static async start(name = 'ripoti'): Promise<RedisSentinelSet> {
    // Everything announces 127.0.0.1 explicitly: the address a Sentinel hands to clients (and to
    // the other Sentinels) must be one they can reach, whatever interface a connection came in on.
    const primary = await RedisProcess.start('none', { args: ['--replica-announce-ip', '127.0.0.1'] });
    const replica = await RedisProcess.start('none', { args: ['--replicaof', '127.0.0.1', String(primary.port), '--replica-announce-ip', '127.0.0.1'] });
    await until(async () => /state=online/.test(await cli(primary.port, 'info', 'replication')), 'the replica to be in sync');
    const sentinels: RedisProcess[] = [];
    for (let i = 0; i < 3; i++) {
      sentinels.push(
        await RedisProcess.start('none', {
          sentinel: [
            // IP addresses only: no host names to resolve (resolve-hostnames stays off).
            'sentinel resolve-hostnames no',
            'sentinel announce-ip 127.0.0.1',
            `sentinel monitor ${name} 127.0.0.1 ${primary.port} 2`,
            // A primary silent for 1 s is down; a stuck failover is retried after 5 s.
            `sentinel down-after-milliseconds ${name} 1000`,
            `sentinel failover-timeout ${name} 5000`,
            `sentinel parallel-syncs ${name} 1`,
          ],
        }),
      );
    }
    const set = new RedisSentinelSet(name, primary, replica, sentinels);
    // A failover needs a quorum of Sentinels that know the replica and each other.
    for (const s of sentinels) {
      await until(
        async () => {
          const master = await cli(s.port, 'sentinel', 'master', name);
          const lines = master.split('\n');
          const value = (k: string) => lines[lines.indexOf(k) + 1];
          return value('num-slaves') === '1' && value('num-other-sentinels') === '2';
        },
        `Sentinel ${s.port} to know the replica and the other Sentinels`,
      );
    }
    return set;
  }

  /** The port of the server the Sentinels currently name as primary. */
  async primaryPort(): Promise<number> {
    const out = await cli(this.sentinels[0].port, 'sentinel', 'get-master-addr-by-name', this.name);
    return Number(out.trim().split('\n')[1]);
  }

  /** Waits until every Sentinel names `port` as the primary (a finished failover). */
  async waitForPrimary(port: number, timeoutMs = 30_000): Promise<void> {
    for (const s of this.sentinels) {
      await until(async () => (await cli(s.port, 'sentinel', 'get-master-addr-by-name', this.name)).trim().split('\n')[1] === String(port), `Sentinel ${s.port} to name ${port} as primary`, timeoutMs);
    }
  }

  async destroy(): Promise<void> {
    await Promise.all([...this.sentinels, this.replica, this.primary].map((p) => p.destroy()));
  }
}

export class RedisClusterSet {
  private constructor(readonly nodes: RedisProcess[]) {}

  /** `REDIS_CLUSTER_NODES` for the app. */
  get nodesEnv(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  }

  /** The first `primaries` nodes are the primaries; with `replicasEach`, the rest are their replicas. */
  static async start(primaries = 3, replicasEach = 0): Promise<RedisClusterSet> {
    const total = primaries * (1 + replicasEach);
    // The bus port is asked for too: left to Redis it is the client port + 10000, never checked
    // free, and lands in the range freePort() hands other tests' Redis servers (a restart there
    // could find its port taken by a cluster's bus, or a cluster fail to start).
    const nodes = await Promise.all(
      Array.from({ length: total }, async () =>
        RedisProcess.start('none', { args: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '2000', '--cluster-announce-ip', '127.0.0.1', '--cluster-port', String(await freePort())] }),
      ),
    );
    const set = new RedisClusterSet(nodes);
    try {
      await run('redis-cli', ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', String(replicasEach), '--cluster-yes'], { timeout: 30_000 });
      for (const n of nodes) {
        await until(async () => {
          const info = await cli(n.port, 'cluster', 'info');
          return field(info, 'cluster_state') === 'ok' && field(info, 'cluster_known_nodes') === String(total) && field(info, 'cluster_slots_ok') === '16384';
        }, `cluster node ${n.port} to see a complete cluster`);
      }
      // A replica that never synced refuses to take over (its data counts as too old).
      for (const n of nodes) {
        await until(async () => {
          const info = await cli(n.port, 'info', 'replication');
          return field(info, 'role') === 'master' || field(info, 'master_link_status') === 'up';
        }, `cluster node ${n.port} to be a primary or a replica in sync`);
      }
    } catch (err) {
      await set.destroy();
      throw err;
    }
    return set;
  }

  async destroy(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.destroy()));
  }
}
