import { describe, expect, test } from 'vitest';
import { controlOfField, evaluationVariables, stateFromForm } from './evaluation-view';
import { parseState } from '../routing/url-state';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

describe('evaluation view', () => {
  test('keeps a start the user moved and drops one left at its reference month', () => {
    const { evaluation } = stateFromForm(form({ cohort: 'dbv', metric: 'ehc_plans', 'start-dbv:1-month': '9', 'start-dbv:1-year': '2022', 'start-dbv:2-month': '3', 'start-dbv:2-year': '2023', 'start-dbv:3-month': '9', 'start-dbv:3-year': '2023' }));
    expect(evaluation.starts).toEqual([{ id: 'dbv:2', year: 2023, month: 3 }]);
  });

  test('leaves defaults out of the state a form asks for', () => {
    const { metric, evaluation } = stateFromForm(form({ cohort: 'dbv:1', metric: 'pct_plans_mainstream', transform: 'level', comparison: 'no-programme', draws: '999', seed: '18', focus: '' }));
    expect({ metric, evaluation }).toEqual({
      metric: 'pct_plans_mainstream',
      evaluation: { cohort: undefined, transform: 'level', comparison: 'no-programme', notYetTreated: false, starts: [], from: undefined, to: undefined, base: undefined, straddle: false, draws: undefined, seed: undefined, focus: undefined, neighbourDonors: false },
    });
  });

  test('points an error on a start at the control of that start', () => {
    expect(controlOfField('starts[1].year', ['dbv:1', 'dbv:3'])).toBe('evaluation-start-dbv-3-year');
  });

  test('asks the API for the neighbours only when an authority is chosen', () => {
    expect([evaluationVariables(parseState('?donors=neighbours')).donors, evaluationVariables(parseState('?focus=867&donors=neighbours')).donors]).toEqual(['COMPARISON', 'NEIGHBOURS']);
  });
});
