import { expect, test } from 'vitest';
import { publicationsOf } from './sources';

test('names publications without files and columns', () => {
  expect(
    publicationsOf([
      'DfE Section 251 outturn extract s251_outturn_net_grouped_2017_18_to_2024_25.csv (high_needs_1_2_x_net); DfE, Education, health and care plans, reporting year 2025 (SEN2): caseload.csv (ehcplans)',
      'DfE, Education, health and care plans, reporting year 2025 (SEN2): timeliness_20_week.csv',
    ]),
  ).toEqual(['DfE Section 251 outturn', 'DfE, Education, health and care plans, reporting year 2025 (SEN2)']);
});

test('keeps column lists with semicolons inside parentheses together', () => {
  expect(
    publicationsOf([
      'DfE, Education, health and care plans, reporting year 2026 (caseload, England and regions) for January 2026; DfE, Education, health and care plans, reporting year 2022 (SEN2): sen2_estab_caseload.csv (Total_all, Total_all_pc; establishment group "Mainstream school") for January 2010–2018.',
    ]),
  ).toEqual(['DfE, Education, health and care plans, reporting year 2026 (caseload, England and regions)', 'DfE, Education, health and care plans, reporting year 2022 (SEN2)']);
});
