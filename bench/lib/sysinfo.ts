/** Machine facts and per-process CPU/memory from /proc (Linux), for the report. */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

export function machine(): { cores: number; cpuModel: string; memGb: number; node: string; kernel: string } {
  return {
    cores: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kernel: os.release(),
  };
}

let ticks: number | undefined;
function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/** CPU seconds (user + system) in a `/proc/.../stat` line. */
function statCpu(stat: string): number {
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) / clockTicks();
}

/**
 * CPU seconds (user + system) a process has used so far; NaN when it cannot be read. `mainThread`:
 * its JavaScript thread alone (the thread whose id is the pid), without V8's helper threads (the
 * optimising compiler, concurrent GC) and libuv's pool: the part one process cannot spread.
 */
export function cpuSeconds(pid: number, mainThread = false): number {
  try {
    return statCpu(readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8'));
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU seconds of a process's threads ("main" for the JavaScript thread, the others by name and
 * start order): where the CPU a process spends beside its main thread goes (V8's collector and
 * optimising compiler, libuv's pool).
 */
export function cpuByThread(pid: number, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  // Node 20 names all its threads "node": they are told apart by the order they started in (V8's
  // delayed-task thread, its four platform workers, then libuv's pool once something uses it).
  tids.sort((a, b) => Number(a) - Number(b));
  tids.forEach((tid, i) => {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = prefix + (tid === String(pid) ? 'main' : `${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}#${i}`);
      out[name] = (out[name] ?? 0) + statCpu(stat);
    } catch {
      // The thread ended between the listing and the read.
    }
  });
  return out;
}

/** Resident set size now and its peak (VmRSS, VmHWM), in bytes. */
export function rss(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}

/** Kernel-counted work of processes while a scenario runs (BENCH_COUNT_SYSCALLS, Linux `perf`). */
export interface KernelCounts {
  syscalls: number;
  contextSwitches: number;
}

/**
 * Counts system calls and context switches of `pids` until `stop()` with `perf stat` on the
 * kernel's tracepoints (no hardware counters needed, as on this VM). Unlike CPU time these
 * counts hardly move with other work on a shared machine, so a change that saves socket writes
 * or wake-ups shows even when the CPU figures are within their noise. Null when perf is missing.
 */
export function countKernelWork(pids: readonly number[]): { stop(): Promise<KernelCounts | null> } {
  const perf = spawn('perf', ['stat', '-x', ',', '-e', 'raw_syscalls:sys_enter,context-switches', '-p', pids.join(',')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  perf.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => {
    perf.once('exit', (code) => resolve(code));
    perf.once('error', () => resolve(null));
  });
  return {
    async stop() {
      perf.kill('SIGINT');
      await exited;
      const count = (event: string) => Number(err.split('\n').find((l) => l.includes(event))?.split(',')[0]);
      const out = { syscalls: count('raw_syscalls:sys_enter'), contextSwitches: count('context-switches') };
      return Number.isFinite(out.syscalls) ? out : null;
    },
  };
}
