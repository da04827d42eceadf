import { describe, expect, test } from 'vitest';
import { parseState, stateToSearch } from './url-state';

describe('forecast url state', () => {
  test('round-trips the area, every lever and every assumption', () => {
    const search = '?la=886&peers=region&area=set&divert=20&move=30&cease=-10&uprate=2.5&growth=5&sscost=4000&cap=5&method=cohort';
    expect(stateToSearch(parseState(search))).toBe(search);
  });

  test('leaves the default levers and assumptions out of the address', () => {
    expect(stateToSearch(parseState('?la=886&divert=0&move=0&cease=0&uprate=3&growth=0&sscost=6000'))).toBe('?la=886');
  });

  test('ignores a lever out of range or malformed and a method it does not know', () => {
    expect(parseState('?divert=80&move=abc&cease=-60&cap=&sscost=1e9&method=magic&area=mars').forecast).toEqual({
      area: undefined,
      divert: 0,
      move: 0,
      cease: 0,
      cap: undefined,
      uprate: 3,
      growth: 0,
      senCost: 6000,
      method: undefined,
    });
  });
});
