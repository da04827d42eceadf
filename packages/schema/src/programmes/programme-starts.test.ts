import { describe, expect, test } from '@jest/globals';
import { PROGRAMME_COHORTS, PROGRAMME_STARTS, programmeCohortById } from './programme-starts';

describe('programme starts', () => {
  test('gives every start a unique id made of its programme and cohort', () => {
    expect(PROGRAMME_STARTS.map((s) => s.id)).toEqual(PROGRAMME_STARTS.map((s) => `${s.programme}:${s.cohort}`));
    expect(new Set(PROGRAMME_STARTS.map((s) => s.id)).size).toBe(PROGRAMME_STARTS.length);
  });

  test('gives every start a month, a source and its uncertainty', () => {
    const incomplete = PROGRAMME_STARTS.filter((s) => !(s.month >= 1 && s.month <= 12) || !s.source || !s.uncertainty || !s.known);
    expect(incomplete).toEqual([]);
  });

  test('marks every DBV month as not published', () => {
    expect(PROGRAMME_STARTS.filter((s) => s.programme === 'dbv').map((s) => s.precision)).toEqual(['calendar_year', 'assumed', 'assumed']);
  });

  test('offers each programme whole and each of its starts alone', () => {
    expect(PROGRAMME_COHORTS.map((c) => c.id)).toEqual(['dbv', 'dbv:1', 'dbv:2', 'dbv:3', 'safety_valve', 'safety_valve:2020-21', 'safety_valve:2021-22', 'safety_valve:2022-23', 'safety_valve:2023-24']);
    expect(programmeCohortById('safety_valve')?.starts).toHaveLength(4);
  });
});
