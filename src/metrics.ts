import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics, one registry per process (tests build their own). Labels carry kinds,
 * categories and outcomes only: never ids of people or message text.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly updatesHandled = new Counter({ name: 'ripoti_updates_handled_total', help: 'Telegram updates handled', labelNames: ['type', 'outcome'], registers: [this.registry] });
  /** From the first middleware to the last; the benchmark reads it beside what its clients measured. */
  readonly updateSeconds = new Histogram({
    name: 'ripoti_update_seconds',
    help: 'Time to handle one Telegram update',
    labelNames: ['type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly webhookRejected = new Counter({ name: 'ripoti_webhook_rejected_total', help: 'Webhook requests refused (bad secret token)', registers: [this.registry] });
  readonly reportsSubmitted = new Counter({ name: 'ripoti_reports_submitted_total', help: 'Reports stored', labelNames: ['kind', 'danger'], registers: [this.registry] });
  readonly queueDepth = new Gauge({ name: 'ripoti_queue_depth', help: 'Jobs waiting per queue', labelNames: ['queue'], registers: [this.registry] });
  readonly ticketWaitSeconds = new Histogram({
    name: 'ripoti_ticket_wait_seconds',
    help: 'Time from report submitted to taken by an agent',
    labelNames: ['priority'],
    buckets: [10, 30, 60, 300, 900, 1800, 3600, 4 * 3600, 24 * 3600],
    registers: [this.registry],
  });
  readonly deliveries = new Counter({ name: 'ripoti_deliveries_total', help: 'Messages to reporters by outcome', labelNames: ['outcome'], registers: [this.registry] });
  /** Filled only with BENCH_COUNT_MONGO (src/main.ts): the benchmark's MongoDB commands per journey. */
  readonly mongoCommands = new Counter({ name: 'ripoti_mongo_commands_total', help: 'MongoDB commands sent (benchmark only)', labelNames: ['command', 'collection'], registers: [this.registry] });
  readonly rateLimited = new Counter({ name: 'ripoti_rate_limited_total', help: 'Reporter actions refused by abuse limits', labelNames: ['limit'], registers: [this.registry] });

  constructor(opts: { defaults?: boolean } = {}) {
    if (opts.defaults) collectDefaultMetrics({ register: this.registry });
  }
}
