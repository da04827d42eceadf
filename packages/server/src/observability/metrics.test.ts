import { describe, expect, test } from '@jest/globals';
import { Metrics, OperationLabels } from './metrics';

describe('OperationLabels', () => {
  test('labels an unnamed operation "anonymous"', () => {
    expect(new OperationLabels().of(undefined)).toBe('anonymous');
  });

  test('labels a name that is not a plain GraphQL name "other"', () => {
    expect(new OperationLabels().of('x{"a":1}')).toBe('other');
  });

  test('keeps only the first names up to its bound, then says "other"', () => {
    const labels = new OperationLabels(2);
    expect(['A', 'B', 'C', 'A'].map((n) => labels.of(n))).toEqual(['A', 'B', 'other', 'A']);
  });
});

describe('Metrics', () => {
  test('exposes the request histogram per operation and outcome', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.observeRequest('Profile', 'ok', 0.02, []);
    expect(await metrics.text()).toContain('sendbench_graphql_request_duration_seconds_count{operation="Profile",outcome="ok"} 1');
  });

  test('counts errors by code', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.observeRequest(undefined, 'client_error', 0.01, ['UNKNOWN_METRIC', 'UNKNOWN_METRIC']);
    expect(await metrics.text()).toContain('sendbench_graphql_errors_total{code="UNKNOWN_METRIC"} 2');
  });

  test('reads pool use at each scrape', async () => {
    const metrics = new Metrics({ processMetrics: false, poolStats: () => ({ total: 3, idle: 1, waiting: 2, max: 10 }) });
    expect(await metrics.text()).toContain('sendbench_db_pool_connections{state="waiting"} 2');
  });

  test('counts import runs and their files', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.observeImport([
      { status: 'loaded', file: 'a.csv', dataset: 'a', releaseId: 1, rowsRead: 1, rowsLoaded: 1, observations: 1, warnings: [], ms: 1 },
      { status: 'rejected', file: 'b.csv', message: 'bad', problems: [], total: 1, ms: 1 },
    ]);
    const text = await metrics.text();
    expect([text.includes('sendbench_import_runs_total{outcome="rejected_files"} 1'), text.includes('sendbench_import_files_total{status="loaded"} 1')]).toEqual([true, true]);
  });
});
