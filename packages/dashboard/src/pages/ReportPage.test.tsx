import { render, screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { describe, expect, test } from 'vitest';
import type { ReportPageQuery } from '../gql/graphql';
import { parseState } from '../routing/url-state';
import { fakeClient } from '../saved/saved-test-client';
import ReportPage from './ReportPage';

const trend = (id: string, label: string): ReportPageQuery['plans'] => ({
  metric: { id, label, unit: 'COUNT', decimals: 0, source: 'DfE caseload.csv' },
  periods: [{ code: 202425, label: 'January 2025' }],
  breaks: [],
  series: [],
});

const plans = (provisional: ReportPageQuery['profile']['metrics'][number]['provisional']): ReportPageQuery['profile']['metrics'][number] => ({
  metric: { id: 'ehc_plans', label: 'EHC plans', theme: 'DEMAND', unit: 'COUNT', decimals: 0, polarity: 'NEUTRAL', source: 'DfE caseload.csv' },
  period: { code: 202425, label: 'January 2025' },
  value: { value: 21_350, status: 'value', notes: [] },
  england: { value: 638_745, status: 'value' },
  peers: { median: 9_100, lowerQuartile: 6_000, upperQuartile: 12_000, min: 3_000, max: 21_350 },
  rank: 1,
  rankOutOf: 11,
  peersAbove: 0,
  peersBelow: 10,
  quartileBand: 4,
  provisional,
});

const data = (provisional: ReportPageQuery['profile']['metrics'][number]['provisional']): ReportPageQuery => ({
  profile: {
    year: 2025,
    authority: { code: '886', name: 'Kent', region: { code: 'E12000008', name: 'South East' }, programmes: [] },
    peerGroup: { id: 'statistical_neighbours:886', kind: 'STATISTICAL_NEIGHBOURS', label: 'Kent and its neighbours', size: 11, listIncomplete: false, members: [{ code: '886' }] },
    metrics: [plans(provisional)],
  },
  plans: trend('ehc_plans', 'EHC plans'),
  mainstream: trend('pct_plans_mainstream', '% of EHC plans in mainstream schools'),
  spend: trend('hn_spend_per_plan', 'High-needs spend per plan'),
  map: { metric: { label: '% of EHC plans in mainstream schools', unit: 'PERCENT', decimals: 1, polarity: 'NEUTRAL', source: 'DfE caseload.csv' }, period: { label: 'January 2025' }, members: [] },
});

function renderReport(answer: ReportPageQuery) {
  const fake = fakeClient({ ReportPage: answer });
  render(
    <Provider value={fake.client}>
      <ReportPage state={parseState('?la=886')} />
    </Provider>,
  );
}

describe('ReportPage', () => {
  test("puts the LA's provisional figure in the key figures as a row of its own, marked P, with its upload and where it would rank", async () => {
    renderReport(data({ value: 22_010, status: 'value', wouldRank: 1, rankOutOf: 11, quartileBand: 4, upload: { id: '9', version: 3, uploadedAt: '2026-12-07T22:00:00.000Z', sharedWithDfe: false } }));
    const row = await screen.findByTestId('report-provisional');
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['22,010 P', 'provisional (upload version 3, 7 December 2026; not published)', 'would rank 1 of 11', '']);
    expect(within(row).getByRole('rowheader').textContent).toBe('EHC plans (provisional)');
  });

  test('has no provisional row when there is no provisional figure (anonymous callers, or no upload)', async () => {
    renderReport(data(null));
    await screen.findByRole('heading', { level: 1, name: 'Kent' });
    expect(screen.queryByTestId('report-provisional')).toBeNull();
  });
});
