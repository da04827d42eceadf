import { render, screen } from '@testing-library/react';
import { Provider, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import { describe, expect, test, vi } from 'vitest';
import type { MapPageQuery } from '../gql/graphql';
import { parseState } from '../routing/url-state';
import { PCT_MAINSTREAM } from '../test/fixtures';
import MapPage from './MapPage';

const member = (code: string, name: string, value: number | null, rank: number | null) => ({
  authority: { code, name },
  value: { value, status: value === null ? 'x' : 'value', notes: [] },
  rank,
  quartileBand: rank ? Math.min(4, rank) : null,
});

const data: MapPageQuery = {
  comparison: {
    ...PCT_MAINSTREAM,
    members: [member('822', 'Bedford', 52.9, 1), member('886', 'Kent', 36.1, 2), member('845', 'East Sussex', 28.8, 3)],
    focus: { code: '886', name: 'Kent' },
    provisional: null,
  },
  peerGroups: [],
  metrics: [{ id: 'pct_plans_mainstream', label: '% of EHC plans in mainstream schools', theme: 'INCLUSION' }],
};

function renderWith(result: MapPageQuery) {
  const executeQuery = vi.fn((operation: unknown) => fromValue({ operation, data: result, stale: false, hasNext: false }));
  const client = { executeQuery, executeMutation: () => never, executeSubscription: () => never } as unknown as Client;
  render(
    <Provider value={client}>
      <MapPage state={parseState('?la=886')} />
    </Provider>,
  );
}

describe('MapPage', () => {
  test("says the focus LA's provisional figure beside the map, marked P with its upload, where it would rank against published figures", async () => {
    const provisional = { value: 40.2, status: 'value', wouldRank: 2, rankOutOf: 3, quartileBand: 3, upload: { id: '7', version: 2, uploadedAt: '2026-12-07T22:00:00.000Z', sharedWithDfe: true } };
    renderWith({ ...data, comparison: { ...data.comparison, provisional } });
    expect((await screen.findByTestId('map-provisional')).textContent).toBe(
      "P Kent's provisional figure (P, uploaded 7 December 2026, not published) is 40.2%: it would rank 2nd of 3 against the others' published figures. The map and its table show published figures only. P: provisional (upload version 2, 7 December 2026, shared with DfE; not published).",
    );
  });

  test('says nothing of provisional figures when there are none (anonymous callers, or no upload)', async () => {
    renderWith(data);
    await screen.findByRole('heading', { level: 1, name: /% of EHC plans in mainstream schools, January 2025/ });
    expect(screen.queryByTestId('map-provisional')).toBeNull();
  });
});
