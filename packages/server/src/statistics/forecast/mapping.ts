// The proposed mapping from published columns and categories to the forecast's inputs, as data
// with its sources, for the data layer that reads them (it does no reading itself). Proposed: each
// choice is listed with the alternative it rejects where one is credible.
import type { AgeBand } from './cohort-model';
import type { PlacementGroup } from './placement-groups';
import type { GroupLines } from './spend';

/** A file in the shared data directory and the publication it is from. */
export interface DataSource {
  publication: string;
  file: string;
  /** Which rows: the filter on the tidy-data columns. */
  rows: string;
}

export const SEN2_2025_CASELOAD: DataSource = {
  publication: 'DfE, Education, health and care plans, reporting year 2025 (SEN2)',
  file: 'ees/education-health-and-care-plans_2025/data/caseload.csv',
  rows: "breakdown_topic = 'All EHC plans' (groups); breakdown_topic = 'Child or young persons age' (cohort); time_period 201819–202425 = January 2019–2025",
};

export const SEN2_2025_NEW_PLANS: DataSource = {
  publication: 'DfE, Education, health and care plans, reporting year 2025 (SEN2)',
  file: 'ees/education-health-and-care-plans_2025/data/newplans.csv',
  rows: "breakdown_topic = 'New EHC plans' (placement of new plans); breakdown_topic = 'Age when plan started' (cohort); calendar years 2019–2024 (age from 2022)",
};

export const SEN2_2025_CEASED: DataSource = {
  publication: 'DfE, Education, health and care plans, reporting year 2025 (SEN2)',
  file: 'ees/education-health-and-care-plans_2025/data/ceased_plans.csv',
  rows: "breakdown_topic = 'All ceased EHC plans' (total, 2022–2024); breakdown_topic = 'Age plan ceased' (cohort, 2023–2024)",
};

export const SEN2_2022_LONG_SERIES: DataSource = {
  publication: 'DfE, Education, health and care plans, reporting year 2022 (SEN2)',
  file: 'ees/education-health-and-care-plans_2022/data/sen2_estab_caseload.csv',
  rows: "establishment_type = 'Total' and establishment_group = 'Total', column Total_all (statements and EHC plans), January 2010–2022",
};

export const SEN2_2022_AGE: DataSource = {
  publication: 'DfE, Education, health and care plans, reporting year 2022 (SEN2)',
  file: 'ees/education-health-and-care-plans_2022/data/sen2_age_caseload.csv and sen2_age_new_plans.csv',
  rows: 'characteristic_age Under 5, Age 5 to 10, Age 11 to 15, Age 16 to 19, Age 20 to 25; January 2010–2022 and calendar years to 2021',
};

export const S251_LINES_2021_22: DataSource = {
  publication: 'DfE, LA and school expenditure (Section 251 outturn), financial year 2021-22, high-needs lines',
  file: 'extracts/s251_high_needs_lines_2021_22.csv',
  rows: "budget_or_outturn = 'Outturn' (no England row: England is the sum of the LA rows; x = suppressed or missing)",
};

/**
 * Which SEN2 caseload (and new plans) columns make each placement group. `other` is the remainder,
 * ehcplans (new_ehc_plans) minus the four named groups, so the groups always add up to the total:
 * it holds AP/PRU (ap_pru_total), educated elsewhere (ed_elsewhere: elective home education,
 * other arrangements, online, NEET, other schools, Welsh settings), non-maintained early years
 * (nm_early_years), placement not recorded (placement_unknown, from 2023) and, before 2023, awaiting
 * provision and permanently excluded, and whatever the published columns leave out (about 1% of
 * the total before 2023).
 */
export const PLACEMENT_GROUP_COLUMNS: Readonly<Record<PlacementGroup, { label: string; columns: readonly string[]; note: string }>> = {
  mainstream: {
    label: 'Mainstream (incl. resourced provision and SEN units)',
    columns: ['mainstream_total'],
    note:
      'mainstream_total = LA maintained, academy and free school mainstream, each with its resourced provision and SEN units, plus mainstream_independent. ' +
      'Independent mainstream (1.1% of plans in 2022) is kept here as SEN2 does; the alternative is to count it with independent special.',
  },
  stateSpecial: {
    label: 'State-funded special',
    columns: ['special_la_maintained', 'special_academy_free'],
    note: 'special_la_maintained includes hospital schools (129 plans in England, 2022). The 2026 release splits special_academy_free into special_academy + special_free_school.',
  },
  independentSpecial: {
    label: 'Independent and non-maintained special',
    columns: ['special_independent', 'special_non_maintained'],
    note: 'special_total = stateSpecial + independentSpecial.',
  },
  post16: {
    label: 'Post-16 and FE',
    columns: ['fe_total'],
    note: 'fe_total = general FE and tertiary colleges and sixth forms, specialist post-16 institutions, UKRLP providers. School sixth forms are in their school\'s group.',
  },
  other: {
    label: 'Other or none',
    columns: [],
    note: 'The remainder: ehcplans minus the four groups above (AP/PRU, educated elsewhere, NEET, early years, not recorded, awaiting provision).',
  },
};

/**
 * S251 2021-22 outturn columns whose sum, divided by the group's plans at January 2022, is the
 * group's unit cost. Only top-up lines (1.2.1 maintained/academy/college, 1.2.2 non-maintained and
 * independent providers, by phase), the same lines as the 1.2.x series the page shows beside the
 * projection. Left out:
 * - place funding (1.0.2, place_funding_*): it is only maintained provision's (academies' place
 *   funding is recouped and not in S251), so it would make unit costs depend on how many schools
 *   are academies, and the 1.2.x series excludes it;
 * - top-up income from other authorities (topup_*_income): not split by phase (3% of the total);
 * - SEN support and inclusion services, AP services, hospital education, therapies: services not
 *   attached to a plan's placement (their cost does not scale with plans).
 * England's unit costs with this mapping (outturn summed over LAs, £m, ÷ plans at January 2022):
 * mainstream 1,547.2 ÷ 191,442 ≈ £8,082; state special 1,892.4 ÷ 140,165 ≈ £13,502; independent
 * special 1,343.4 ÷ 24,412 ≈ £55,030; post-16 511.1 ÷ 78,370 ≈ £6,522; other 298.0 ÷ 38,866 ≈ £7,667.
 */
export const S251_GROUP_LINES: GroupLines = {
  mainstream: [
    'topup_maintained_early_years',
    'topup_maintained_primary',
    'topup_maintained_secondary',
    'topup_nmss_independent_primary',
    'topup_nmss_independent_secondary',
  ],
  stateSpecial: ['topup_maintained_special_schools_and_academies'],
  independentSpecial: ['topup_nmss_independent_special_schools_and_academies'],
  post16: ['topup_maintained_post_school', 'topup_nmss_independent_post_school'],
  other: ['topup_maintained_prus_and_ap_academies', 'topup_nmss_independent_prus_and_ap_academies', 'topup_nmss_independent_early_years'],
};

/** A cohort age band and the published categories summed into it, per file. */
export interface AgeBandMapping extends AgeBand {
  caseload: readonly string[];
  newPlans: readonly string[];
  ceased: readonly string[];
}

/**
 * Age bands for the 2024 → 2025 transition from the SEN2 2025 files, which publish single years:
 * under 3 (width 3: ages 0–2), each of 3–19 (width 1) and 20–25 (width 6), because new and ceased
 * plans stop at "age 2 and under" and "age 20 and over". Caseload breakdown "Child or young persons
 * age", new plans "Age when plan started", ceased "Age plan ceased". Ceased "Age unknown" (32 in
 * England, 2024) is proposed to be spread over the bands in proportion to the known ceased.
 */
export const SEN2_2025_AGE_BANDS: readonly AgeBandMapping[] = [
  { label: 'Under 3', width: 3, caseload: ['under 3'], newPlans: ['age 2 and under'], ceased: ['age 2 and under'] },
  ...Array.from({ length: 17 }, (_, i) => {
    const age = `age ${i + 3}`;
    return { label: `Age ${i + 3}`, width: 1, caseload: [age], newPlans: [age], ceased: [age] };
  }),
  {
    label: 'Age 20 to 25',
    width: 6,
    caseload: ['age 20', 'age 21', 'age 22', 'age 23', 'age 24', 'age 25'],
    newPlans: ['age 20 and over'],
    ceased: ['age 20 and over'],
  },
];

/**
 * Age bands for the 2021 → 2022 transition (the backtest) from the SEN2 2022 files. Ceased plans
 * by age were not published before 2023 (the aggregate return counted discontinued plans by
 * reason only), so `ceased` has no category: the cohort model cannot be backtested from official
 * data unless ceased plans are apportioned to bands, which would be an estimate.
 */
export const SEN2_2022_AGE_BANDS: readonly AgeBandMapping[] = [
  { label: 'Under 5', width: 5, caseload: ['Under 5'], newPlans: ['Under 5'], ceased: [] },
  { label: 'Age 5 to 10', width: 6, caseload: ['Age 5 to 10'], newPlans: ['Age 5 to 10'], ceased: [] },
  { label: 'Age 11 to 15', width: 5, caseload: ['Age 11 to 15'], newPlans: ['Age 11 to 15'], ceased: [] },
  { label: 'Age 16 to 19', width: 4, caseload: ['Age 16 to 19'], newPlans: ['Age 16 to 19'], ceased: [] },
  { label: 'Age 20 to 25', width: 6, caseload: ['Age 20 to 25'], newPlans: ['Age 20 to 25'], ceased: [] },
];

/** A published series the cohort model reads: a data set's measure, by the categories of one breakdown topic. */
export interface AgeSeries {
  dataset: string;
  measure: string;
  /** The breakdown topic ("Child or young persons age"); '' when the file's only filter is the age (the 2022 release). */
  topic: string;
}

/** The breakdown of one category of an age series as the importer stores it ("Child or young persons age | age 5"). */
export const ageBreakdown = (series: AgeSeries, category: string): string => (series.topic ? `${series.topic} | ${category}` : category);

/** The 2025 release's caseload at January, new plans and ceased plans by age (SEN2_2025_AGE_BANDS' categories). */
export const SEN2_2025_AGE_SERIES = {
  caseload: { dataset: 'ehcp_caseload', measure: 'ehcplans', topic: 'Child or young persons age' },
  newPlans: { dataset: 'ehcp_new_plans', measure: 'new_ehc_plans', topic: 'Age when plan started' },
  ceased: { dataset: 'ehcp_ceased_plans', measure: 'total_ceased', topic: 'Age plan ceased' },
} as const satisfies Record<string, AgeSeries>;

/** Ceased plans whose age was not recorded: spread over the bands in proportion to the ceased plans of known age. */
export const CEASED_AGE_UNKNOWN = 'Age unknown';

/** The 2022 release's caseload at January (2010–2022) and new plans (2009–2021) by age band (SEN2_2022_AGE_BANDS' categories). */
export const SEN2_2022_AGE_SERIES = {
  caseload: { dataset: 'sen2_2022_age_caseload', measure: 'total_all', topic: '' },
  newPlans: { dataset: 'sen2_2022_age_new_plans', measure: 'total_new_all', topic: '' },
} as const satisfies Record<string, AgeSeries>;
