import { describe, expect, test } from 'vitest';
import { themeSentence, type ThemeSentenceInput } from './sentence';

const kent: ThemeSentenceInput = {
  laName: 'Kent',
  phrase: 'share of plans in mainstream',
  periodLabel: 'January 2025',
  value: 36.1,
  status: 'value',
  england: 43.6,
  peersAbove: 9,
  peersBelow: 1,
  rankOutOf: 11,
  peerGroup: { kind: 'STATISTICAL_NEIGHBOURS', label: 'Kent and its 10 statistical neighbours (LAIT 2025)', size: 11 },
  format: { unit: 'PERCENT', decimals: 1 },
};

describe('themeSentence', () => {
  test('says how Kent compares with England and its statistical neighbours', () => {
    expect(themeSentence(kent)).toBe("Kent's share of plans in mainstream, 36.1%, is below England's 43.6% and lower than 9 of its 10 statistical neighbours.");
  });

  test('says higher than when most comparators are lower', () => {
    expect(themeSentence({ ...kent, value: 50, peersAbove: 1, peersBelow: 9 })).toBe(
      "Kent's share of plans in mainstream, 50.0%, is above England's 43.6% and higher than 9 of its 10 statistical neighbours.",
    );
  });

  test('compares the figures as shown, so equal-looking values read as the same', () => {
    expect(themeSentence({ ...kent, value: 43.62 })).toContain("is the same as England's 43.6%");
  });

  test('counts only comparators with a figure', () => {
    expect(themeSentence({ ...kent, rankOutOf: 9, peersAbove: 6, peersBelow: 2 })).toContain('lower than 6 of its 8 statistical neighbours with a figure');
  });

  test('names the region for a regional set', () => {
    const sentence = themeSentence({ ...kent, peerGroup: { kind: 'REGION', label: 'South East region', size: 19 }, rankOutOf: 19, peersAbove: 15, peersBelow: 3, regionName: 'South East' });
    expect(sentence).toContain('lower than 15 of the 18 other authorities in the South East');
  });

  test('says so when the authority has no figure', () => {
    expect(themeSentence({ ...kent, value: null, status: 'x' })).toBe('Kent has no figure for the share of plans in mainstream in January 2025 (x).');
  });
});
