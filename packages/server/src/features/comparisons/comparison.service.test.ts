import { describe, expect, test } from '@jest/globals';
import { metricById } from '@sendbench/schema';
import type { MetricValueRow } from '../../derived/metric-value.repository';
import type { AuthorityRecord } from '../reference/reference.service';
import { orderForDisplay, summariseSet } from './comparison.service';

const metric = metricById('pct_plans_mainstream')!;
const PERIOD = 202425;

/** 600 LAs, values with many ties (40 distinct), every 25th without a value, some names shared. */
function set(): { members: AuthorityRecord[]; rows: Map<string, MetricValueRow> } {
  let seed = 11;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const members: AuthorityRecord[] = [];
  const rows = new Map<string, MetricValueRow>();
  for (let i = 0; i < 600; i++) {
    const code = String(100 + i);
    members.push({ code, name: `Authority ${String.fromCharCode(65 + (next() % 26))}${next() % 7}`, onsCode: `E0${code}`, regionCode: 'E12000008', isCurrent: true, firstPeriod: null, lastPeriod: null, notes: null, codes: [code] });
    const value = i % 25 === 0 ? null : (next() % 40) / 2;
    rows.set(code, { metric_id: metric.id, area_code: code, period: PERIOD, value, status: value === null ? 'x' : 'value', numerator: null, denominator: null, aggregated: false, release_ids: [1] });
  }
  return { members, rows };
}

describe('orderForDisplay', () => {
  test('orders as "highest value first, then by name and code; no value last, by name and code" does, ties included', () => {
    const { members, rows } = set();
    const summary = summariseSet(metric, PERIOD, members, rows);
    const collator = new Intl.Collator();
    const byName = (a: AuthorityRecord, b: AuthorityRecord) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code);
    const expected = [...summary.members].sort((a, b) => {
      if (a.value.value === null || b.value.value === null) return a.value.value === b.value.value ? byName(a.authority, b.authority) : a.value.value === null ? 1 : -1;
      return b.value.value - a.value.value || byName(a.authority, b.authority);
    });
    const ordered = orderForDisplay(summary.members);
    expect(ordered.map((m) => m.authority.code)).toEqual(expected.map((m) => m.authority.code));
    expect(ordered.filter((m) => m.rank === null)).toHaveLength(24);
    expect(new Set(ordered.map((m) => m.rank)).size).toBeLessThan(50);
  });
});
