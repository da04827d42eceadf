import { fireEvent, render, screen, within } from '@testing-library/react';
import { Provider, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import { describe, expect, test, vi } from 'vitest';
import type { DataQualityPageQuery } from '../gql/graphql';
import { parseState } from '../routing/url-state';
import DataQualityPage from './DataQualityPage';

const PLANS = { id: 'ehc_plans', label: 'EHC plans', unit: 'COUNT', decimals: 0 };
const NEW_PLANS = { id: 'new_ehc_plans', label: 'New EHC plans', unit: 'COUNT', decimals: 0 };
const NEWHAM = { code: '316', name: 'Newham' };
const KENT = { code: '886', name: 'Kent' };

const flag = (id: string, metric: typeof PLANS, authority: typeof KENT, value: number, previousValue: number) => ({
  id,
  metric,
  authority,
  period: { code: 202425, label: 'January 2025' },
  previousPeriod: { label: 'January 2024' },
  value,
  previousValue,
  changePercent: (value / previousValue - 1) * 100,
  ownMedianChangePercent: 9,
  englandMedianChangePercent: 10,
  zOwn: -8,
  zEngland: -9,
  text: 'check',
});

const data = {
  dataQuality: {
    rule: 'A year-on-year change is marked "check" when …',
    curated: [],
    flags: [flag('f1', PLANS, NEWHAM, 1199, 2705), flag('f2', NEW_PLANS, NEWHAM, 100, 700), flag('f3', PLANS, KENT, 30000, 20635)],
  },
} as unknown as DataQualityPageQuery;

function renderAt(search: string) {
  const executeQuery = vi.fn((operation: unknown) => fromValue({ operation, data, stale: false, hasNext: false }));
  const client = { executeQuery, executeMutation: () => never, executeSubscription: () => never } as unknown as Client;
  render(
    <Provider value={client}>
      <DataQualityPage state={parseState(search)} />
    </Provider>,
  );
}

/** The first column (Authority) of the flags table's body rows. */
const authorities = () => within(screen.getByRole('table', { name: /^Values marked "check"/ })).getAllByRole('row').slice(1).map((r) => r.querySelector('th, td')?.textContent);

describe('DataQualityPage', () => {
  test('lists every flag, and says how many are shown', () => {
    renderAt('');
    expect(screen.getByText('3 of 3 values marked “check” shown.')).toBeTruthy();
    expect(authorities()).toEqual(['Newham', 'Newham', 'Kent']);
  });

  test("filters by the address's authority and metric, naming both in the caption", () => {
    renderAt('?la=316&metric=ehc_plans');
    expect(screen.getByRole('table', { name: 'Values marked "check", Newham: EHC plans' })).toBeTruthy();
    expect(screen.getByText('1 of 3 values marked “check” shown.')).toBeTruthy();
  });

  test("offers only the metrics with a flag for the chosen authority, and puts the choice in the address", () => {
    renderAt('?la=886');
    const select = screen.getByLabelText('Metric') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Every metric (1)', 'EHC plans']);
    fireEvent.change(select, { target: { value: 'ehc_plans' } });
    fireEvent.click(screen.getByRole('button', { name: /^Show/ }));
    expect(window.location.pathname + window.location.search).toBe('/data-quality?la=886&metric=ehc_plans');
  });

  test('ignores a metric with no flag rather than showing an empty table', () => {
    renderAt('?metric=pct_plans_mainstream');
    expect(screen.getByText('3 of 3 values marked “check” shown.')).toBeTruthy();
  });
});
