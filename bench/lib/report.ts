/** The printed table: every figure's median over the runs, each run's value, and its target. */

export type RunFigures = Record<string, number>;

export interface Figure {
  key: string;
  label: string;
  unit: string;
  /** A target from issue 17, checked on the median. */
  target?: { op: '>=' | '<'; value: number; text: string };
}

/** Figure keys for each concurrency level, in table order. */
function levelFigures(levels: number[], botProcesses: number): Figure[] {
  const out: Figure[] = [];
  const fleet = `${botProcesses} bot processes + worker`;
  for (const n of levels) {
    out.push(
      // Issue 8's absolute targets (1,000 updates/s, p99 < 50 ms closed loop) were replaced by
      // issue 17's: a share of the floor measured in the same run, and latency at paced rates.
      { key: `bot.${n}.ups`, label: `Intake ${n} reporters: updates/s`, unit: '/s' },
      { key: `bot.${n}.rps`, label: `Intake ${n}: reports completed/s`, unit: '/s' },
      { key: `bot.${n}.p50`, label: `Intake ${n}: latency p50`, unit: 'ms' },
      { key: `bot.${n}.p95`, label: `Intake ${n}: latency p95`, unit: 'ms' },
      { key: `bot.${n}.p99`, label: `Intake ${n}: latency p99`, unit: 'ms' },
      { key: `bot.${n}.failed`, label: `Intake ${n}: failed journeys`, unit: '' },
      { key: `floor.${n}.ups`, label: `Floor ${n}: updates/s`, unit: '/s' },
      { key: `floor.${n}.p99`, label: `Floor ${n}: latency p99`, unit: 'ms' },
      { key: `ratio.${n}`, label: `Intake ${n} as % of floor`, unit: '%', target: { op: '>=', value: 60, text: '>= 60' } },
      // --floor-redis: the same bare bot with telegraf's session in Redis, and what each share is of it.
      { key: `floorRedis.${n}.ups`, label: `Floor with a Redis session ${n}: updates/s`, unit: '/s' },
      { key: `floorRedis.${n}.p99`, label: `Floor with a Redis session ${n}: latency p99`, unit: 'ms' },
      { key: `ratioFloorRedis.${n}`, label: `Floor with a Redis session ${n} as % of floor`, unit: '%' },
      { key: `ratioRedis.${n}`, label: `Intake ${n} as % of the floor with a Redis session`, unit: '%' },
      { key: `floorRedis.${n}.cpu`, label: `Floor with a Redis session ${n}: CPU per update`, unit: 'ms' },
      { key: `floorRedis.${n}.mainCpu`, label: `Floor with a Redis session ${n}: main thread CPU per update`, unit: 'ms' },
      { key: `bot.${n}.cpu`, label: `Intake ${n}: bot CPU per update`, unit: 'ms' },
      { key: `floor.${n}.cpu`, label: `Floor ${n}: CPU per update`, unit: 'ms' },
      { key: `bot.${n}.mainCpu`, label: `Intake ${n}: bot main thread CPU per update`, unit: 'ms' },
      { key: `floor.${n}.mainCpu`, label: `Floor ${n}: main thread CPU per update`, unit: 'ms' },
      { key: `cpuRatio.${n}`, label: `Intake ${n}: floor CPU / bot CPU per update`, unit: '%' },
      { key: `bot.${n}.mongoCpu`, label: `Intake ${n}: MongoDB test server CPU per update`, unit: 'ms' },
      { key: `bot.${n}.redisCpu`, label: `Intake ${n}: Redis CPU per update`, unit: 'ms' },
      { key: `bot.${n}.driverCpu`, label: `Intake ${n}: load driver CPU per update`, unit: 'ms' },
      { key: `floor.${n}.driverCpu`, label: `Floor ${n}: load driver CPU per update`, unit: 'ms' },
      { key: `bot.${n}.busy`, label: `Intake ${n}: cores busy (all processes)`, unit: '' },
      { key: `floor.${n}.busy`, label: `Floor ${n}: cores busy (all processes)`, unit: '' },
      { key: `ceiling.${n}`, label: `Intake ${n}: ceiling, a bot as cheap as the floor with a Redis session (% of floor)`, unit: '%' },
      { key: `bot.${n}.conns`, label: `Intake ${n}: new TCP connections per 1000 Bot API calls`, unit: '' },
      { key: `floor.${n}.conns`, label: `Floor ${n}: new TCP connections per 1000 Bot API calls`, unit: '' },
      { key: `bot.${n}.calls`, label: `Intake ${n}: Bot API requests per update`, unit: '' },
      { key: `bot.${n}.sys`, label: `Intake ${n}: system calls per update (BENCH_COUNT_SYSCALLS)`, unit: '' },
      { key: `floor.${n}.sys`, label: `Floor ${n}: system calls per update (BENCH_COUNT_SYSCALLS)`, unit: '' },
      { key: `bot.${n}.botP99`, label: `Intake ${n}: the bot's own p99 (histogram bound)`, unit: 'ms' },
      { key: `bot.${n}.c2a50`, label: `Intake ${n}: Confirm->available p50`, unit: 'ms' },
      { key: `bot.${n}.c2a99`, label: `Intake ${n}: Confirm->available p99`, unit: 'ms' },
      // The scale-out setup (--bot-processes N) in the same run, beside the single process above.
      { key: `scale.${n}.ups`, label: `Scale-out ${n}, ${fleet}: updates/s (total)`, unit: '/s' },
      { key: `scaleGain.${n}`, label: `Scale-out ${n}: updates/s vs the single process`, unit: 'x' },
      { key: `scale.${n}.cpu`, label: `Scale-out ${n}: CPU per update (all processes)`, unit: 'ms' },
      { key: `scale.${n}.mainCpu`, label: `Scale-out ${n}: main threads' CPU per update (all processes)`, unit: 'ms' },
      { key: `scale.${n}.p50`, label: `Scale-out ${n}: latency p50`, unit: 'ms' },
      { key: `scale.${n}.p99`, label: `Scale-out ${n}: latency p99`, unit: 'ms' },
      { key: `scale.${n}.failed`, label: `Scale-out ${n}: failed journeys`, unit: '' },
      { key: `scale.${n}.c2a99`, label: `Scale-out ${n}: Confirm->available p99`, unit: 'ms' },
    );
  }
  return out;
}

/**
 * Where issue 17's latency targets apply: p99 under 50 ms at `p99At` updates/s offered, Confirm ->
 * available p99 under 100 ms at `confirmAt`. The issue names 500 and 1,000/s, measured against a
 * floor of 5,321 updates/s; on another machine pass the same shares of its floor (`--target-rates`).
 */
export interface PacedTargets {
  p99At: number;
  confirmAt: number;
}
export const ISSUE_RATES: PacedTargets = { p99At: 500, confirmAt: 1000 };

/** Open-loop scenarios at a fixed offered rate (200 reporters). */
function pacedFigures(offered: number[], at: PacedTargets): Figure[] {
  return offered.flatMap((o): Figure[] => [
    { key: `paced.${o}.ups`, label: `Paced ${o}/s offered: updates/s`, unit: '/s' },
    { key: `paced.${o}.p50`, label: `Paced ${o}/s: latency p50`, unit: 'ms' },
    { key: `paced.${o}.p99`, label: `Paced ${o}/s: latency p99`, unit: 'ms', ...(o === at.p99At ? { target: { op: '<', value: 50, text: '< 50' } } : {}) },
    { key: `paced.${o}.botP99`, label: `Paced ${o}/s: the bot's own p99 (histogram bound)`, unit: 'ms' },
    { key: `paced.${o}.sched99`, label: `Paced ${o}/s: p99 from schedule`, unit: 'ms' },
    { key: `paced.${o}.failed`, label: `Paced ${o}/s: failed journeys`, unit: '' },
    { key: `paced.${o}.cpu`, label: `Paced ${o}/s: bot CPU per update`, unit: 'ms' },
    { key: `paced.${o}.mainCpu`, label: `Paced ${o}/s: bot main thread CPU per update`, unit: 'ms' },
    { key: `paced.${o}.sys`, label: `Paced ${o}/s: system calls per update (BENCH_COUNT_SYSCALLS)`, unit: '' },
    { key: `paced.${o}.c2a50`, label: `Paced ${o}/s: Confirm->available p50`, unit: 'ms' },
    { key: `paced.${o}.c2a99`, label: `Paced ${o}/s: Confirm->available p99`, unit: 'ms', ...(o === at.confirmAt ? { target: { op: '<', value: 100, text: '< 100' } } : {}) },
  ]);
}

const OTHER: Figure[] = [
  { key: 'take.perSec', label: 'Tickets taken/s, 10 agents', unit: '/s' },
  { key: 'take.p99', label: 'takeNext latency p99', unit: 'ms' },
  { key: 'del.rate', label: 'Delivery: send rate', unit: '/s' },
  { key: 'del.rateBacklog', label: 'Delivery: rate while >= 25 chats wait', unit: '/s', target: { op: '>=', value: 22.5, text: '>= 22.5 (90%)' } },
  { key: 'del.maxSliding', label: 'Delivery: max sends in any 1 s', unit: '', target: { op: '<', value: 25.5, text: '<= 25' } },
  { key: 'del.maxCalendar', label: 'Delivery: max sends in a clock second', unit: '', target: { op: '<', value: 25.5, text: '<= 25' } },
  { key: 'del.chatMaxSliding', label: 'Delivery: max to one chat in any 1 s', unit: '', target: { op: '<', value: 1.5, text: '<= 1' } },
  { key: 'del.chatMinGap', label: 'Delivery: min gap, same chat', unit: 'ms' },
  { key: 'del.outOfOrder', label: 'Delivery: replies before an earlier one to their chat', unit: '', target: { op: '<', value: 0.5, text: '0' } },
  { key: 'del.drainS', label: 'Delivery: time to drain', unit: 's' },
  { key: 'del.missing', label: 'Delivery: replies not delivered', unit: '', target: { op: '<', value: 0.5, text: '0' } },
  { key: 'mem.sessionBytes', label: 'Redis per conversation (session key)', unit: 'B', target: { op: '<', value: 2048, text: '< 2048' } },
  { key: 'mem.redisPerConversation', label: 'Redis used_memory growth per conversation', unit: 'B' },
  { key: 'mem.rssMb', label: 'Bot RSS, 1000 in progress', unit: 'MB' },
  { key: 'mem.peakRssMb', label: 'Bot peak RSS', unit: 'MB' },
  { key: 'mem.heapUsedMb', label: 'Bot V8 heap used, 1000 in progress (garbage included)', unit: 'MB' },
  { key: 'mem.heapTotalMb', label: 'Bot V8 heap committed, 1000 in progress', unit: 'MB' },
];

export function figureList(levels: number[], paced: number[], botProcesses = 1, at: PacedTargets = ISSUE_RATES): Figure[] {
  return [...levelFigures(levels, botProcesses), ...pacedFigures(paced, at), ...scalePacedFigures(paced, botProcesses), ...OTHER];
}

/** The paced rates against the scale-out setup (--bot-processes N with --paced), beside the single process's. */
function scalePacedFigures(offered: number[], botProcesses: number): Figure[] {
  const fleet = `${botProcesses} bot processes + worker`;
  return offered.flatMap((o): Figure[] => [
    { key: `scalePaced.${o}.ups`, label: `Scale-out paced ${o}/s offered, ${fleet}: updates/s`, unit: '/s' },
    { key: `scalePaced.${o}.p50`, label: `Scale-out paced ${o}/s: latency p50`, unit: 'ms' },
    { key: `scalePaced.${o}.p99`, label: `Scale-out paced ${o}/s: latency p99`, unit: 'ms' },
    { key: `scalePaced.${o}.failed`, label: `Scale-out paced ${o}/s: failed journeys`, unit: '' },
    { key: `scalePaced.${o}.cpu`, label: `Scale-out paced ${o}/s: CPU per update (all processes)`, unit: 'ms' },
    { key: `scalePaced.${o}.mainCpu`, label: `Scale-out paced ${o}/s: main threads' CPU per update (all processes)`, unit: 'ms' },
    { key: `scalePaced.${o}.c2a50`, label: `Scale-out paced ${o}/s: Confirm->available p50`, unit: 'ms' },
    { key: `scalePaced.${o}.c2a99`, label: `Scale-out paced ${o}/s: Confirm->available p99`, unit: 'ms' },
  ]);
}

const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '-' : Number.isInteger(v) ? String(v) : v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2));

/** Prints the table (Markdown) and returns it. */
export function printTable(header: string, medians: RunFigures, runs: RunFigures[], levels: number[], paced: number[], botProcesses = 1, at: PacedTargets = ISSUE_RATES): string {
  const figures = figureList(levels, paced, botProcesses, at).filter((f) => medians[f.key] !== undefined);
  const rows = figures.map((f) => {
    const m = medians[f.key];
    const met = f.target && Number.isFinite(m) ? (f.target.op === '>=' ? m >= f.target.value : m < f.target.value) ? 'yes' : 'NO' : '';
    return [f.label, `${fmt(m)} ${f.unit}`.trim(), ...runs.map((r) => fmt(r[f.key])), f.target ? f.target.text : '', met];
  });
  const head = ['Figure', 'Median', ...runs.map((_, i) => `Run ${i + 1}`), 'Target', 'Met'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const text = [header, '', line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line), ''].join('\n');
  console.log(`\n${text}`);
  return text;
}
