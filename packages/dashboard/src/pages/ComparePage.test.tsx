import { render, screen, waitFor, within } from '@testing-library/react';
import { Provider, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import { describe, expect, test, vi } from 'vitest';
import type { ComparePageQuery } from '../gql/graphql';
import { parseState } from '../routing/url-state';
import { PCT_MAINSTREAM } from '../test/fixtures';
import ComparePage from './ComparePage';

const NEWHAM_NOTE = { id: 'note:2', kind: 'NOTE' as const, text: "Newham's EHC plans at January 2025 (1,199) are fewer than half of January 2024's.", source: 'DfE caseload.csv' };

const member = (code: string, name: string, value: number | null, rank: number | null, isFocus = false, notes: (typeof NEWHAM_NOTE)[] = []) => ({
  authority: { code, name },
  value: { value, status: value === null ? 'x' : 'value', notes },
  rank,
  quartileBand: rank ? 5 - rank : null,
  isFocus,
  significance: null,
});

const data: ComparePageQuery = {
  comparison: {
    ...PCT_MAINSTREAM,
    peerGroup: { id: 'statistical_neighbours:886', kind: 'STATISTICAL_NEIGHBOURS', label: 'Kent and its neighbours', size: 4, listIncomplete: false, note: null },
    focus: { code: '886', name: 'Kent' },
    members: [member('822', 'Bedford', 52.9, 1), member('886', 'Kent', 36.1, 2, true), member('845', 'East Sussex', 28.8, 3), member('873', 'Cambridgeshire', null, null)],
    focusMember: member('886', 'Kent', 36.1, 2, true),
    statistics: { median: 36.1, lowerQuartile: 32.45, upperQuartile: 44.5, min: 28.8, max: 52.9, count: 4, withValue: 3, aggregate: { value: 39.7 } },
    england: { value: 43.6, status: 'value' },
    region: { value: 42.5, status: 'value' },
    provisional: null,
  },
  map: { members: [member('822', 'Bedford', 52.9, 1), member('886', 'Kent', 36.1, 2), member('845', 'East Sussex', 28.8, 3), member('873', 'Cambridgeshire', null, null)] },
  metrics: [{ id: 'pct_plans_mainstream', label: '% of EHC plans in mainstream schools', theme: 'INCLUSION' }],
};

function renderWith(result: { data?: ComparePageQuery }, search = '?la=886') {
  const executeQuery = vi.fn((operation: unknown) => fromValue({ operation, ...result, stale: false, hasNext: false }));
  const client = { executeQuery, executeMutation: () => never, executeSubscription: () => never } as unknown as Client;
  render(
    <Provider value={client}>
      <ComparePage state={parseState(search)} />
    </Provider>,
  );
  return executeQuery;
}

describe('ComparePage', () => {
  test('renders members without a figure as a list with their status, not as bars', async () => {
    renderWith({ data });
    const noData = await screen.findByRole('heading', { name: 'No figure for January 2025 (1)' });
    expect(noData.parentElement?.textContent).toContain('Cambridgeshire: x');
    // The chart's code loads lazily (with the map's beside it): on a loaded machine that takes over a second.
    await waitFor(() => expect(document.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(3), { timeout: 10_000 });
  }, 15_000);

  test('renders the summary a screen reader hears instead of the chart', async () => {
    renderWith({ data });
    expect((await screen.findByRole('img', { name: /Kent is 2nd of 3 with 36\.1%/ })).tagName).toBe('DIV');
  });

  test('sends one request for the view', async () => {
    const executeQuery = renderWith({ data });
    await screen.findByRole('heading', { level: 1 });
    expect(executeQuery).toHaveBeenCalledTimes(1);
  });

  test('says when the set is larger than the members shown, and describes a focus outside them', async () => {
    const top = data.comparison.members.slice(0, 1);
    renderWith({ data: { ...data, comparison: { ...data.comparison, members: top, statistics: { ...data.comparison.statistics, count: 15300, withValue: 15290 } } } });
    expect(await screen.findByText(/Showing the 1 highest of 15,300 authorities; ranks, bands and statistics are over all 15,300\./)).toBeTruthy();
    expect(screen.getByRole('img', { name: /15,290 of 15,300 authorities have a figure.*Kent is 2nd of 15,290 with 36\.1%/ })).toBeTruthy();
    await waitFor(() => expect(document.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(1), { timeout: 10_000 });
  }, 15_000);

  test('renders a noted value with its footnote marker in the table and the note under it', async () => {
    const noted = [member('822', 'Bedford', 52.9, 1, false, [NEWHAM_NOTE]), ...data.comparison.members.slice(1)];
    renderWith({ data: { ...data, comparison: { ...data.comparison, members: noted } } }, '?la=886&view=table');
    const row = within(await screen.findByRole('table', { name: /Kent and its neighbours/ })).getByRole('row', { name: /Bedford/ });
    expect(row.textContent).toContain('52.9% [1]');
    expect(screen.getAllByRole('heading', { name: 'Data-quality notes' })[0].parentElement?.textContent).toContain('[1] Note Newham');
  });

  test('renders the map of every authority with its own table twin', async () => {
    renderWith({ data }, '?la=886&view=table');
    const map = await screen.findByRole('table', { name: /every authority in England/ });
    expect(within(map).getAllByRole('row')).toHaveLength(5);
    expect(within(map).getByRole('row', { name: /East Sussex/ }).textContent).toContain('yes');
  });

  test('renders the table twin with the symbol in table view', async () => {
    renderWith({ data }, '?la=886&view=table');
    const row = within(await screen.findByRole('table', { name: /Kent and its neighbours/ })).getByRole('row', { name: /Cambridgeshire/ });
    expect(row.textContent).toContain('x: Not available');
  });

  test('renders an LA\'s provisional figure marked P, placed against published figures, with the upload date', async () => {
    const provisional = { value: 40.2, status: 'value', wouldRank: 2, rankOutOf: 3, quartileBand: 3, upload: { id: '7', version: 2, uploadedAt: '2026-12-07T22:00:00.000Z', sharedWithDfe: false } };
    renderWith({ data: { ...data, comparison: { ...data.comparison, provisional } } }, '?la=886&view=table');
    const row = within(await screen.findByRole('table', { name: /Kent and its neighbours/ })).getByRole('row', { name: /Kent \(provisional\)/ });
    expect(row.textContent).toContain('would rank 2 of 3');
    expect(row.textContent).toContain('40.2% P');
    expect(screen.getByTestId('provisional-legend').textContent).toContain('provisional (upload version 2, 7 December 2026; not published)');
  });
});
