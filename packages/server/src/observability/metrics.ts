import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolStats } from '../db/connect';
import { cancellationStats } from '../db/query-cancellation';
import type { FileOutcome } from '../ingest/import.service';
import type { RequestOutcome } from '../plugins/request-logging';

/** Metric names start with this; buckets cover a cached answer (~1 ms) to the request deadline. */
export const METRICS_DEFAULTS = {
  prefix: 'sendbench_',
  durationBuckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  /** Distinct operation names kept as labels; later ones are counted as "other" (names come from clients). */
  maxOperationLabels: 100,
} as const;

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Client-chosen operation names as metric labels, bounded: an unnamed operation is "anonymous",
 * a name that is not a plain GraphQL name or comes after the first `max` distinct names is "other",
 * so a client inventing names cannot grow the registry without limit.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number = METRICS_DEFAULTS.maxOperationLabels) {}

  of(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(name);
    return name;
  }
}

export interface MetricsOptions {
  /** Pool connections, read at each scrape (PostgreSQL only). */
  poolStats?: () => PoolStats | undefined;
  /** Process metrics (memory, CPU, event-loop lag, GC); off in tests that build many registries. */
  processMetrics?: boolean;
}

/**
 * The server's Prometheus metrics, in a registry of its own (served on /metrics):
 * - `sendbench_graphql_request_duration_seconds{operation,outcome}` histogram;
 * - `sendbench_graphql_errors_total{code}` errors sent, by code (after masking);
 * - `sendbench_http_responses_total{route,status}`; `sendbench_rate_limited_total`;
 * - `sendbench_db_pool_connections{state}` total / idle / waiting / max;
 * - `sendbench_db_statements_cancelled` (since start);
 * - `sendbench_import_runs_total{outcome}` and `sendbench_import_files_total{status}`;
 * - the prom-client process metrics (`sendbench_process_resident_memory_bytes`, …).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly operations = new OperationLabels();
  private readonly requestDuration: Histogram<'operation' | 'outcome'>;
  private readonly errors: Counter<'code'>;
  private readonly responses: Counter<'route' | 'status'>;
  private readonly rateLimited: Counter;
  private readonly importRuns: Counter<'outcome'>;
  private readonly importFiles: Counter<'status'>;

  constructor(options: MetricsOptions = {}) {
    const p = METRICS_DEFAULTS.prefix;
    const registers = [this.registry];
    this.requestDuration = new Histogram({
      name: `${p}graphql_request_duration_seconds`,
      help: 'Time from the arrival of a GraphQL request to the end of its answer, by operation name and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: [...METRICS_DEFAULTS.durationBuckets],
      registers,
    });
    this.errors = new Counter({ name: `${p}graphql_errors_total`, help: 'Errors sent to clients, by code (after masking).', labelNames: ['code'], registers });
    this.responses = new Counter({ name: `${p}http_responses_total`, help: 'HTTP responses by route and status.', labelNames: ['route', 'status'], registers });
    this.rateLimited = new Counter({ name: `${p}rate_limited_total`, help: 'Requests refused with 429 by the rate limit.', registers });
    this.importRuns = new Counter({ name: `${p}import_runs_total`, help: 'Imports run by this process, by outcome (ok: no file rejected).', labelNames: ['outcome'], registers });
    this.importFiles = new Counter({ name: `${p}import_files_total`, help: 'Files met by imports in this process, by status.', labelNames: ['status'], registers });
    const poolStats = options.poolStats;
    new Gauge({
      name: `${p}db_pool_connections`,
      help: 'PostgreSQL pool connections: total open, idle, waiting requests, and the maximum.',
      labelNames: ['state'],
      registers,
      collect() {
        const stats = poolStats?.();
        if (!stats) return;
        for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, stats[state]);
      },
    });
    new Gauge({
      name: `${p}db_statements_cancelled`,
      help: 'PostgreSQL statements cancelled since start because their request was aborted (deadline or client gone).',
      registers,
      collect() {
        this.set(cancellationStats.sent);
      },
    });
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: p });
  }

  /** Records one GraphQL request when its answer ends. */
  observeRequest(operation: string | undefined, outcome: RequestOutcome, seconds: number, errorCodes: readonly string[]): void {
    this.requestDuration.observe({ operation: this.operations.of(operation), outcome }, seconds);
    for (const code of errorCodes) this.errors.inc({ code: /^[A-Z_]{1,40}$/.test(code) ? code : 'OTHER' });
  }

  observeResponse(route: string, status: number): void {
    this.responses.inc({ route, status: String(status) });
  }

  observeRateLimited(): void {
    this.rateLimited.inc();
  }

  /** Records an import run from its outcomes (one per file). */
  observeImport(outcomes: readonly FileOutcome[]): void {
    this.importRuns.inc({ outcome: outcomes.some((o) => o.status === 'rejected') ? 'rejected_files' : 'ok' });
    for (const o of outcomes) this.importFiles.inc({ status: o.status });
  }

  /** Records an import that threw before finishing. */
  observeImportFailure(): void {
    this.importRuns.inc({ outcome: 'failed' });
  }

  contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
