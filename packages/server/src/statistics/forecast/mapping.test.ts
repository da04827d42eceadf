import { describe, expect, test } from '@jest/globals';
import { PLACEMENT_GROUP_COLUMNS, S251_GROUP_LINES, SEN2_2022_AGE_BANDS, SEN2_2025_AGE_BANDS } from './mapping';
import { PLACEMENT_GROUPS } from './placement-groups';

const allLines = PLACEMENT_GROUPS.flatMap((g) => S251_GROUP_LINES[g]);

describe('S251_GROUP_LINES', () => {
  test('puts each S251 line in one group only', () => {
    expect(new Set(allLines).size).toBe(allLines.length);
  });

  test('uses top-up lines only, no place funding, income or services', () => {
    expect(allLines.filter((line) => !line.startsWith('topup_') || line.endsWith('_income') || line.endsWith('_total'))).toEqual([]);
  });

  test('covers all 12 phase lines of the two top-up groups', () => {
    // 6 phases (early years, primary, secondary, special, PRU/AP, post-school) × 2 provider types (1.2.1, 1.2.2)
    expect(allLines.length).toBe(12);
  });
});

describe('PLACEMENT_GROUP_COLUMNS', () => {
  test('leaves other as the remainder', () => {
    expect(PLACEMENT_GROUP_COLUMNS.other.columns).toEqual([]);
  });

  test('counts mainstream as SEN2\'s mainstream total and special as its four special columns', () => {
    expect([
      PLACEMENT_GROUP_COLUMNS.mainstream.columns,
      [...PLACEMENT_GROUP_COLUMNS.stateSpecial.columns, ...PLACEMENT_GROUP_COLUMNS.independentSpecial.columns],
    ]).toEqual([['mainstream_total'], ['special_la_maintained', 'special_academy_free', 'special_independent', 'special_non_maintained']]);
  });
});

describe('age bands', () => {
  test('span ages 0 to 25 in the 2025 release', () => {
    expect(SEN2_2025_AGE_BANDS.reduce((years, band) => years + band.width, 0)).toBe(26);
  });

  test('span ages 0 to 25 in the 2022 release', () => {
    expect(SEN2_2022_AGE_BANDS.reduce((years, band) => years + band.width, 0)).toBe(26);
  });

  test('take every published single year of caseload age once', () => {
    expect(SEN2_2025_AGE_BANDS.flatMap((band) => band.caseload)).toEqual(['under 3', ...Array.from({ length: 23 }, (_, i) => `age ${i + 3}`)]);
  });

  test('have no ceased plans by age before 2023', () => {
    expect(SEN2_2022_AGE_BANDS.flatMap((band) => band.ceased)).toEqual([]);
  });
});
