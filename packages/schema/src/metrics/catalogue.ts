/**
 * The metric catalogue: every figure SENDbench shows, declared once. The server computes each
 * metric from its `formula`, the API describes it, and the dashboard labels and formats with it.
 *
 * Conventions used below (see ./metric.ts for the types):
 * - measures are the lower-case column names of the data set (typos as published are kept:
 *   `number_decsion_4weeks`, `org_arrangments`, …);
 * - a `breakdown` left out means the data set's total breakdown (e.g. "All EHC plans | All EHC plans");
 * - a source given as a list is a priority list: per area and period the first ref with a row wins.
 *   It is used to extend the 2025 release back with the 2022 release (whose calendar-year codes
 *   are the January of the census, hence `calendar_year_of_january`) and to cope with schema drift
 *   (2026 splits `special_academy_free` into `special_academy` + `special_free_school`).
 * Figures quoted in caveats were checked against the published files.
 */
import type { SourceRef, Source, MetricDefinition, Polarity } from './metric';
import type { DatasetId } from '../datasets';

// ---------------------------------------------------------------------------------------------
// Citations
// ---------------------------------------------------------------------------------------------

const EHCP25 = 'DfE, Education, health and care plans, reporting year 2025 (SEN2)';
const EHCP22 = 'DfE, Education, health and care plans, reporting year 2022 (SEN2)';
const EHCP26 = 'DfE, Education, health and care plans, reporting year 2026 (caseload, England and regions)';

// ---------------------------------------------------------------------------------------------
// Shared caveats
// ---------------------------------------------------------------------------------------------

const PERSON_LEVEL_2023 =
  'From 2023 SEN2 is a person-level return (before it, LAs returned aggregate counts); DfE warns that the time series breaks between 2022 and 2023.';
const PROCESS_BREAK = [
  {
    period: 2023,
    note: 'SEN2 became a person-level return in 2023; process measures before and after are not directly comparable.',
  },
] as const;
const PLACEMENT_BREAK = [
  {
    period: 202223,
    note: 'January 2023 is the first person-level SEN2 census: "placement not recorded" and the not-in-education sub-groups start, "awaiting provision" and "permanently excluded" end, so the residual placement groups change composition.',
  },
] as const;
const NEW_PLANS_PERSON_LEVEL =
  'New plans made in 2022 already come from the first person-level return (SEN2 2023): the 2022 figures carry person-level-only groups (placement not recorded, not-in-education groups) and lose "awaiting provision" and "permanently excluded", so the series breaks between 2021 and 2022.';
const NEW_PLANS_BREAK = [
  {
    period: 2022,
    note: 'New plans made in 2022 onwards come from the person-level SEN2 return (first collected in 2023); placements before and after are not directly comparable.',
  },
] as const;
const NEWHAM_2025 =
  'Newham, January 2025: 1,199 plans against 2,705 in January 2024 — a known data-quality outlier in the published figures, not a real fall.';
const HACKNEY_PETERBOROUGH_2024 =
  'January 2024: Hackney and Peterborough returned totals only, so their placement figures are "x"; England and regional published percentages for January 2024 exclude them from the base (England mainstream 43.3% published against 43.0% from the counts).';
const CAMBS_NEL_2025 =
  'January 2025: Cambridgeshire and North East Lincolnshire could not return placements for many plans; DfE counts them as "placement not recorded" in England and regional totals, and their own LA placement figures are "x" (not available).';
const JAN_2026 =
  'January 2026 comes from the 2026 release and is available for England and the nine regions only (local authority rows are not available offline).';
const PRE_2019_CASELOAD =
  'January 2010–2018 come from the 2022 release (sen2_estab_caseload.csv, Total_all), which counts statements of SEN and EHC plans together; statements were converted to EHC plans between 2014 and 2018. January 2019–2022 agree exactly between the two releases.';
const PRE_2019_NEW =
  'Calendar years 2009–2018 come from the 2022 release (sen2_estab_new_plans.csv, Total_new_all), which counts new statements and new EHC plans together (EHC plans began in September 2014); 2019–2021 agree exactly between the two releases.';
const LA_CHANGES =
  'Predecessor authorities appear in older periods (Bournemouth, Poole and old Dorset to 2019; Northamptonshire to January 2021; Cumbria to January 2023); their figures are not split or merged onto successors.';
const NOT_SUMMABLE_PC =
  'A published percentage: it cannot be summed into a regional or England figure, which are shown only where published.';
const NO_SUPPRESSION = 'The EHC plans release applies no suppression or rounding: small LA counts give volatile percentages.';
const SHARE_OF_ALL_PLANS =
  'The base is all EHC plans maintained by the LA (ages 0–25), wherever the child or young person is educated, including those placed outside the LA.';
const SHARE_OF_NEW_PLANS =
  'The base is new EHC plans made in the calendar year (newplans.csv, new_ehc_plans); placement is the setting named or attended when the plan was made.';
const NEW_PLANS_DEFINITIONS =
  'New plans differ slightly between tables of the release: England 2024 has 97,747 in newplans.csv, 97,563 in sen_need_newplans.csv and 90,392 plans issued in timeliness_20_week.csv.';
const S251_SCOPE =
  'S251 lines 1.2.x only (top-ups to maintained, academy, college, independent and non-maintained providers; SEN support and inclusion services; AP; hospital education; therapies): it excludes 1.0.2 place funding, academy and FE place funding recouped by ESFA, and SEN transport, so it is not total high-needs spend.';
const S251_MISSING =
  'Suppressed, zero and negative LA values were dropped from the extract: a missing LA is unknown, not zero. There are no England or regional rows; those totals are sums of the LAs present (e.g. no Cumbria, Cumberland or Westmorland and Furness figure for 2023-24).';
const S251_DEFINITIONS =
  'S251 outturn is self-reported by LAs and line definitions change between years (e.g. how top-ups, income and recoupment are netted off); compare LAs within a year with care.';
const LINES_2122 =
  'Available for 2021-22 only (S251 outturn by line group, extract). Predecessor Bournemouth, Poole, Dorset (835) and Northamptonshire rows are "x". There are no England or regional rows: totals are sums of the LAs present.';
const DSG_STATUS =
  'Allocations are as published by ESFA for the year: 2019-20 is the in-year update, 2020-21 to 2023-24 the final allocation; the status filter (final first, then in-year update) picks whichever exists.';
const NEEDS_ONE_YEAR =
  'Published for January 2025 only in the 2025 release (sen_needs_all_plans.csv): no time series is available offline.';
const NEEDS_SURREY =
  'Surrey supplied amended primary-need totals after the 2025 collection; the published figures include them.';
const NEED_DOWN_SYNDROME = 'Plans whose primary need is Down syndrome are counted under "other difficulty/disability".';

// ---------------------------------------------------------------------------------------------
// Source helpers
// ---------------------------------------------------------------------------------------------

const ref = (dataset: DatasetId, measures: readonly string[], extra: Omit<SourceRef, 'dataset' | 'measures'> = {}): SourceRef => ({
  dataset,
  measures,
  ...extra,
});

/** EHC plans at January: 2025 release, then the 2022 release (statements + plans) back to 2010. */
const EHC_PLANS: Source = [
  ref('ehcp_caseload', ['ehcplans']),
  ref('sen2_2022_estab_caseload', ['total_all'], { breakdown: 'Total | Total', period: 'calendar_year_of_january' }),
];

/** New EHC plans in the calendar year: 2025 release, then the 2022 release back to 2009. */
const NEW_PLANS: Source = [
  ref('ehcp_new_plans', ['new_ehc_plans']),
  ref('sen2_2022_estab_new_plans', ['total_new_all'], { breakdown: 'Total | Total' }),
];

const S251_1_2_X: Source = ref('s251_outturn_net_grouped', ['high_needs_1_2_x_net']);

const dsg = (measure: string): Source => [
  ref('dsg_allocations', [measure], { breakdown: 'final' }),
  ref('dsg_allocations', [measure], { breakdown: 'in-year update' }),
];

const HN_LINES_OUTTURN = (measures: readonly string[]): Source => ref('s251_high_needs_lines', measures, { breakdown: 'Outturn' });

/** All line-group totals of S251 high-needs outturn 2021-22 (place funding included). */
const HN_LINE_TOTALS = [
  'place_funding_total',
  'topup_maintained_academies_fs_colleges_total',
  'topup_nmss_independent_total',
  'sen_support_and_inclusion_services',
  'alternative_provision_services',
  'hospital_education_services',
  'therapies_and_other_health_related_services',
] as const;

const RESOURCED_OR_UNIT = [
  'mainstream_la_maintained_resourced_provision',
  'mainstream_la_maintained_senunit',
  'mainstream_academy_resourced_provision',
  'mainstream_academy_senunit',
  'mainstream_free_school_resourced_provision',
  'mainstream_free_school_senunit',
] as const;

// ---------------------------------------------------------------------------------------------
// Placement shares (all plans at January, and new plans in the calendar year)
// ---------------------------------------------------------------------------------------------

interface PlacementSpec {
  /** id suffix: pct_plans_<key> and pct_new_plans_<key> */
  key: string;
  /** completes "% of EHC plans in …" */
  where: string;
  description: string;
  measures: readonly string[];
  /** the same group for releases that split special academies and free schools (2026 on) */
  split2026?: readonly string[];
  /** published percentage column of the same rows */
  published?: string;
  /** establishment_group of the 2022 release with the same figures (verified equal 2019–2022) */
  legacyGroup?: string;
  /** false when the new-plans table of the 2025 release does not carry the group for 2019–2021, so the 2022 release must not be joined on */
  legacyForNewPlans?: boolean;
  polarity?: Polarity;
  caveats: readonly string[];
  newPlanCaveats?: readonly string[];
  breaksAtPersonLevel?: boolean;
  /** false when the new-plans table has no usable figures for the group */
  forNewPlans?: boolean;
}

const placementText = (spec: PlacementSpec, base: string): string => {
  const num = spec.measures.join(' + ');
  const alt = spec.split2026 ? ` (from 2026: ${spec.split2026.join(' + ')})` : '';
  const pub = spec.published ? ` (published ${spec.published} where given)` : '';
  return `${spec.measures.length > 1 ? `(${num})` : num}${alt} ÷ ${base} × 100${pub}`;
};

function placementForAllPlans(spec: PlacementSpec): MetricDefinition {
  const numerator: SourceRef[] = [ref('ehcp_caseload', spec.measures)];
  if (spec.split2026) numerator.push(ref('ehcp_caseload', spec.split2026));
  const denominator: SourceRef[] = [ref('ehcp_caseload', ['ehcplans'])];
  const published: SourceRef[] = spec.published ? [ref('ehcp_caseload', [spec.published])] : [];
  if (spec.legacyGroup) {
    const legacy = { breakdown: `Total | ${spec.legacyGroup}`, period: 'calendar_year_of_january' } as const;
    numerator.push(ref('sen2_2022_estab_caseload', ['total_all'], legacy));
    denominator.push(ref('sen2_2022_estab_caseload', ['total_all'], { breakdown: 'Total | Total', period: 'calendar_year_of_january' }));
    if (spec.published) published.push(ref('sen2_2022_estab_caseload', ['total_all_pc'], legacy));
  }
  const columns = [...spec.measures, ...(spec.split2026 ?? []), 'ehcplans', ...(spec.published ? [spec.published] : [])];
  return {
    id: `pct_plans_${spec.key}`,
    label: `% of EHC plans in ${spec.where}`,
    description: `${spec.description} Share of all EHC plans at January.`,
    theme: 'inclusion',
    unit: 'percent',
    decimals: 1,
    polarity: spec.polarity ?? 'neutral',
    periodType: 'january',
    formula: {
      kind: 'ratio',
      numerator: numerator.length === 1 ? numerator[0] : numerator,
      denominator: denominator.length === 1 ? denominator[0] : denominator,
      scale: 100,
      ...(published.length ? { published: published.length === 1 ? published[0] : published } : {}),
      proportion: true,
    },
    formulaText: placementText(spec, 'ehcplans'),
    source:
      `${EHCP25}: caseload.csv, breakdown "All EHC plans" (${columns.join(', ')}); ${EHCP26} for January 2026` +
      (spec.legacyGroup ? `; ${EHCP22}: sen2_estab_caseload.csv (Total_all, Total_all_pc; establishment group "${spec.legacyGroup}") for January 2010–2018.` : '.'),
    caveats: [
      SHARE_OF_ALL_PLANS,
      ...spec.caveats,
      ...(spec.legacyGroup ? [PRE_2019_CASELOAD] : []),
      HACKNEY_PETERBOROUGH_2024,
      CAMBS_NEL_2025,
      NEWHAM_2025,
      JAN_2026,
      NO_SUPPRESSION,
    ],
    ...(spec.breaksAtPersonLevel ? { seriesBreaks: PLACEMENT_BREAK } : {}),
  };
}

function placementForNewPlans(spec: PlacementSpec): MetricDefinition {
  const numerator: SourceRef[] = [ref('ehcp_new_plans', spec.measures)];
  if (spec.split2026) numerator.push(ref('ehcp_new_plans', spec.split2026));
  const denominator: SourceRef[] = [ref('ehcp_new_plans', ['new_ehc_plans'])];
  const published: SourceRef[] = spec.published ? [ref('ehcp_new_plans', [spec.published])] : [];
  const legacyGroup = spec.legacyForNewPlans === false ? undefined : spec.legacyGroup;
  if (legacyGroup) {
    const legacy = { breakdown: `Total | ${legacyGroup}` } as const;
    numerator.push(ref('sen2_2022_estab_new_plans', ['total_new_all'], legacy));
    denominator.push(ref('sen2_2022_estab_new_plans', ['total_new_all'], { breakdown: 'Total | Total' }));
    if (spec.published) published.push(ref('sen2_2022_estab_new_plans', ['total_new_all_pc'], legacy));
  }
  const columns = [...spec.measures, 'new_ehc_plans', ...(spec.published ? [spec.published] : [])];
  return {
    id: `pct_new_plans_${spec.key}`,
    label: `% of new EHC plans in ${spec.where}`,
    description: `${spec.description} Share of the EHC plans made for the first time in the calendar year.`,
    theme: 'inclusion',
    unit: 'percent',
    decimals: 1,
    polarity: spec.polarity ?? 'neutral',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: numerator.length === 1 ? numerator[0] : numerator,
      denominator: denominator.length === 1 ? denominator[0] : denominator,
      scale: 100,
      ...(published.length ? { published: published.length === 1 ? published[0] : published } : {}),
      proportion: true,
    },
    formulaText: placementText(spec, 'new_ehc_plans'),
    source:
      `${EHCP25}: newplans.csv, breakdown "New EHC plans" (${columns.join(', ')})` +
      (legacyGroup ? `; ${EHCP22}: sen2_estab_new_plans.csv (Total_new_all, Total_new_all_pc; establishment group "${legacyGroup}") for 2009–2018.` : '.'),
    caveats: [
      SHARE_OF_NEW_PLANS,
      ...(spec.newPlanCaveats ?? spec.caveats),
      ...(legacyGroup ? [PRE_2019_NEW] : []),
      NEW_PLANS_PERSON_LEVEL,
      'Wakefield returned aggregate figures for 2022 new plans, so its placements do not sum to its total.',
      NO_SUPPRESSION,
    ],
    seriesBreaks: NEW_PLANS_BREAK,
  };
}

const PLACEMENTS: readonly PlacementSpec[] = [
  {
    key: 'mainstream',
    where: 'mainstream schools',
    description:
      'EHC plans whose setting is a mainstream school: LA maintained, academy, free school or independent mainstream, including resourced provision and SEN units.',
    measures: ['mainstream_total'],
    published: 'mainstream_total_pc',
    legacyGroup: 'Mainstream school',
    caveats: ['Includes pupils in resourced provision and SEN units attached to mainstream schools, and mainstream independent schools.'],
  },
  {
    key: 'resourced_provision_or_sen_unit',
    where: 'resourced provision or SEN units',
    description: 'EHC plans whose setting is resourced provision or an SEN unit in an LA maintained school, academy or free school.',
    measures: RESOURCED_OR_UNIT,
    caveats: [
      'A subset of mainstream: these plans are also counted in the mainstream share, so the two must not be added.',
      'Recording of resourced provision and SEN units depends on how schools are registered on Get Information About Schools.',
    ],
  },
  {
    key: 'state_funded_special',
    where: 'state-funded special schools',
    description: 'EHC plans whose setting is an LA maintained special school or a special academy or free school.',
    measures: ['special_la_maintained', 'special_academy_free'],
    split2026: ['special_la_maintained', 'special_academy', 'special_free_school'],
    caveats: ['The 2026 release splits special academies (special_academy) and special free schools (special_free_school); they are summed here.'],
  },
  {
    key: 'independent_or_nm_special',
    where: 'independent or non-maintained special schools',
    description: 'EHC plans whose setting is an independent special school or a non-maintained special school.',
    measures: ['special_independent', 'special_non_maintained'],
    caveats: ['Independent special schools include specialist independent settings of very different cost and size.'],
  },
  {
    key: 'special',
    where: 'special schools (all types)',
    description: 'EHC plans whose setting is any special school: LA maintained, academy or free school, non-maintained or independent.',
    measures: ['special_total'],
    published: 'special_total_pc',
    legacyGroup: 'Special school',
    caveats: ['The sum of the state-funded and the independent or non-maintained special school shares.'],
  },
  {
    key: 'fe_post_16',
    where: 'further education and post-16 settings',
    description: 'EHC plans whose setting is a general FE or tertiary college, sixth-form college, specialist post-16 institution or other UKRLP-registered provider.',
    measures: ['fe_total'],
    published: 'fe_total_pc',
    legacyGroup: 'Further education',
    caveats: [
      'Depends strongly on the age profile of the LA\'s plans (young people aged 16–25).',
      'UKRLP-registered providers are counted from January 2023 (ukrlp_provider is "x" before), within fe_total.',
    ],
    newPlanCaveats: ['Depends strongly on the age profile of new plans (young people aged 16–25).'],
  },
  {
    key: 'alternative_provision',
    where: 'alternative provision or pupil referral units',
    description: 'EHC plans whose setting is a pupil referral unit, AP academy or AP free school.',
    measures: ['ap_pru_total'],
    published: 'ap_pru_total_pc',
    legacyGroup: 'Alternative provision/Pupil referral unit',
    caveats: ['Small numbers in most LAs (England 0.8%): one or two children move the LA percentage visibly.', 'The 2025 file spells the published column AP_PRU_total_pc; the 2026 file ap_pru_total_pc (the same column).'],
  },
  {
    key: 'elective_home_education',
    where: 'elective home education',
    description: 'EHC plans of children and young people whose parents have chosen to educate them at home.',
    measures: ['elective_home_education'],
    caveats: ['Not available for January 2019 (elective_home_education is "x"); before 2023 part of the aggregate "educated elsewhere" return.'],
    breaksAtPersonLevel: true,
    newPlanCaveats: ['Not available for 2019 new plans (elective_home_education is "x").'],
  },
  {
    key: 'neet',
    where: 'NEET (not in employment, education or training)',
    description: 'EHC plans of young people recorded as not in employment, education or training.',
    measures: ['neet'],
    polarity: 'lower_is_better',
    legacyGroup: 'NEET',
    caveats: [
      'The neet column only: from January 2023 the release also counts three "not in education or training" groups (notice to cease issued, other ages, compulsory school age) separately; see pct_plans_csa_not_in_education.',
      'Depends on the age profile of the LA\'s plans (most NEET young people are 16–25).',
    ],
    legacyForNewPlans: false,
    newPlanCaveats: [
      'Available from 2022 only: neet is "x" for 2019–2021 new plans in the 2025 release, so the 2022 release (which has figures on a different basis) is not joined on.',
    ],
    breaksAtPersonLevel: true,
  },
  {
    key: 'csa_not_in_education',
    where: 'no education or training (compulsory school age)',
    description: 'EHC plans of children of compulsory school age recorded as not in education or training.',
    measures: ['neet_other_csa'],
    polarity: 'lower_is_better',
    caveats: ['Collected from January 2023 only (person-level SEN2); "x" before.'],
    newPlanCaveats: ['Available for new plans made from 2022 (person-level SEN2); "x" before.'],
    breaksAtPersonLevel: true,
  },
  {
    key: 'placement_unknown',
    where: 'placement not recorded',
    description: 'EHC plans for which the LA did not record a placement: a data-quality measure.',
    measures: ['placement_unknown'],
    published: 'placement_unknown_pc',
    polarity: 'lower_is_better',
    caveats: ['Collected from January 2023 only; "x" before. A high value means the other placement shares of the LA are understated.'],
    newPlanCaveats: ['Available for new plans made from 2022 (person-level SEN2); "x" before. A high value means the other placement shares of the LA are understated.'],
    breaksAtPersonLevel: true,
  },
  {
    key: 'educated_elsewhere',
    where: 'education elsewhere',
    description:
      'EHC plans of children and young people educated other than at a school or college: elective home education, other arrangements by the LA or parents, online providers, and (as published) those not in education, employment or training.',
    measures: ['ed_elsewhere'],
    published: 'ed_elsewhere_pc',
    caveats: [
      'The composition of ed_elsewhere is not constant: from January 2024 it equals elective home education + other arrangements (LA, parents) + online providers + Welsh and other schools + other placements + NEET + the three not-in-education groups; before January 2023 it held "awaiting provision" and "permanently excluded" instead, and the published components do not sum to it.',
    ],
    breaksAtPersonLevel: true,
  },
];

// ---------------------------------------------------------------------------------------------
// Primary need shares (January 2025)
// ---------------------------------------------------------------------------------------------

const NEEDS: readonly { key: string; code: string; need: string; extra?: readonly string[] }[] = [
  { key: 'asd', code: 'asd', need: 'autistic spectrum disorder (ASD)' },
  { key: 'semh', code: 'semh', need: 'social, emotional and mental health (SEMH)' },
  { key: 'slcn', code: 'slcn', need: 'speech, language and communication needs (SLCN)' },
  { key: 'mld', code: 'mld', need: 'moderate learning difficulty (MLD)' },
  { key: 'sld', code: 'sld', need: 'severe learning difficulty (SLD)' },
  { key: 'pmld', code: 'pmld', need: 'profound and multiple learning difficulty (PMLD)' },
  { key: 'spld', code: 'spld', need: 'specific learning difficulty (SpLD)' },
  { key: 'pd', code: 'pd', need: 'physical disability (PD)' },
  { key: 'hi', code: 'hi', need: 'hearing impairment (HI)' },
  { key: 'vi', code: 'vi', need: 'visual impairment (VI)' },
  { key: 'msi', code: 'msi', need: 'multi-sensory impairment (MSI)' },
  { key: 'other', code: 'oth', need: 'other difficulty or disability', extra: [NEED_DOWN_SYNDROME] },
];

function needShare(n: (typeof NEEDS)[number]): MetricDefinition {
  return {
    id: `pct_plans_need_${n.key}`,
    label: `% of EHC plans with primary need: ${n.need}`,
    description: `Share of EHC plans at January whose primary special educational need is ${n.need}.`,
    theme: 'needs',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'january',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_needs_all_plans', [`number_${n.code}`]),
      denominator: ref('ehcp_needs_all_plans', ['ehc_plans']),
      scale: 100,
      published: ref('ehcp_needs_all_plans', [`${n.code}_pc`]),
      proportion: true,
    },
    formulaText: `number_${n.code} ÷ ehc_plans × 100 (published ${n.code}_pc where given)`,
    source: `${EHCP25}: sen_needs_all_plans.csv, breakdown "All EHC plans" (number_${n.code}, ehc_plans, ${n.code}_pc).`,
    caveats: [
      NEEDS_ONE_YEAR,
      'Only the primary need is counted; many children have more than one need.',
      ...(n.extra ?? []),
      NEEDS_SURREY,
      NEWHAM_2025,
      NO_SUPPRESSION,
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

const PLANS: readonly MetricDefinition[] = [
  {
    id: 'ehc_plans',
    label: 'EHC plans at January',
    description: 'Number of children and young people (aged 0–25) with an education, health and care plan maintained by the LA at the January census.',
    theme: 'plans',
    unit: 'count',
    decimals: 0,
    polarity: 'neutral',
    periodType: 'january',
    formula: { kind: 'value', value: EHC_PLANS, additive: true },
    formulaText: 'ehcplans (before January 2019: Total_all of the 2022 release, statements + EHC plans)',
    source: `${EHCP25}: caseload.csv, breakdown "All EHC plans" (ehcplans), January 2019–2025; ${EHCP26} (ehcplans), January 2026; ${EHCP22}: sen2_estab_caseload.csv, establishment "Total" (Total_all), January 2010–2018.`,
    caveats: [
      'Before January 2019 the figure includes statements of SEN and comes from the 2022 release (statements were converted to EHC plans between 2014 and 2018); January 2019–2022 agree exactly between the releases.',
      NEWHAM_2025,
      'January 2024 includes totals for Hackney and Peterborough, which could not return person-level data.',
      JAN_2026,
      LA_CHANGES,
    ],
  },
  {
    id: 'ehc_plans_growth',
    label: 'Growth in EHC plans on the previous January',
    description: 'Percentage change in the number of EHC plans since the January before.',
    theme: 'plans',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'january',
    formula: { kind: 'change', of: EHC_PLANS },
    formulaText: '(ehcplans − ehcplans of the previous January) ÷ ehcplans of the previous January × 100',
    source: `${EHCP25}: caseload.csv (ehcplans); ${EHCP26}; ${EHCP22}: sen2_estab_caseload.csv (Total_all) before January 2019.`,
    caveats: [
      'Growth to January 2010–2018 counts statements and EHC plans together.',
      'Newham: the January 2025 outlier (1,199 against 2,705) gives a spurious fall for 2025 and a spurious rise for 2026.',
      'Not available where an LA did not exist in the previous January (e.g. North and West Northamptonshire in January 2022, Cumberland and Westmorland and Furness in January 2024).',
      JAN_2026,
    ],
  },
  {
    id: 'new_ehc_plans',
    label: 'New EHC plans made in the year',
    description: 'Number of EHC plans made for the first time during the calendar year.',
    theme: 'plans',
    unit: 'count',
    decimals: 0,
    polarity: 'neutral',
    periodType: 'calendar_year',
    formula: { kind: 'value', value: NEW_PLANS, additive: true },
    formulaText: 'new_ehc_plans (before 2019: Total_new_all of the 2022 release, new statements + new EHC plans)',
    source: `${EHCP25}: newplans.csv, breakdown "New EHC plans" (new_ehc_plans), 2019–2024; ${EHCP22}: sen2_estab_new_plans.csv, establishment "Total" (Total_new_all), 2009–2018.`,
    caveats: [PRE_2019_NEW, NEW_PLANS_DEFINITIONS, NEW_PLANS_PERSON_LEVEL, 'Wakefield returned aggregate figures for 2022.', LA_CHANGES],
    seriesBreaks: NEW_PLANS_BREAK,
  },
  {
    id: 'pct_pupils_ehc_plan',
    label: '% of pupils with an EHC plan (school census)',
    description: 'Percentage of pupils in schools at the January school census who have an EHC plan.',
    theme: 'plans',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'january',
    formula: { kind: 'value', value: ref('pupils_sen_provision_pct', ['pct_pupils_ehc_plan']), additive: false },
    formulaText: 'pct_pupils_ehc_plan (published)',
    source: 'DfE, Special educational needs in England (school census), all schools, as in LAIT: pupils_sen_provision_pct_2016_2025.csv (pct_pupils_ehc_plan), January 2016–2025.',
    caveats: [
      'A different population from SEN2: pupils on roll in schools at the census, not the 0–25 year-olds for whom the LA maintains a plan (no FE, early years settings or young people out of education).',
      NOT_SUMMABLE_PC,
      'Published to one decimal place, so small LA differences are not meaningful.',
    ],
  },
  {
    id: 'pct_pupils_sen_support',
    label: '% of pupils on SEN support (school census)',
    description: 'Percentage of pupils in schools at the January school census who receive SEN support without an EHC plan.',
    theme: 'plans',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'january',
    formula: { kind: 'value', value: ref('pupils_sen_provision_pct', ['pct_pupils_sen_support']), additive: false },
    formulaText: 'pct_pupils_sen_support (published)',
    source: 'DfE, Special educational needs in England (school census), all schools, as in LAIT: pupils_sen_provision_pct_2016_2025.csv (pct_pupils_sen_support), January 2016–2025.',
    caveats: [
      'SEN support is identified by schools; identification practice varies between schools and LAs.',
      NOT_SUMMABLE_PC,
      'Published to one decimal place.',
    ],
  },
  {
    id: 'ehc_plans_per_1000_aged_0_25',
    label: 'EHC plans per 1,000 population aged 0–25',
    description: 'EHC plans at January for every 1,000 residents aged 0 to 25, using the ONS mid-year estimate of the previous summer.',
    theme: 'plans',
    unit: 'rate_per_1000',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'january',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_caseload', ['ehcplans']),
      denominator: ref('ons_population_mid_year', ['pop_0_25'], { period: 'mid_year_before_january' }),
      scale: 1000,
      proportion: true,
    },
    formulaText: 'ehcplans at January ÷ ONS mid-year population aged 0–25 of the previous year (January 2021 ÷ mid-2020) × 1,000',
    source: `${EHCP25}: caseload.csv (ehcplans); ONS mid-year population estimates (MYE2), extract ons_population_mid_year_2019_2020.csv (pop_0_25).`,
    caveats: [
      'Available for January 2020 (÷ mid-2019) and January 2021 (÷ mid-2020) only: no other population estimate is held, and a rate is never computed from another year\'s population.',
      'Mid-2019 uses 2020 boundaries (Cumbria and Northamptonshire whole); mid-2020 uses current LAs, so Northamptonshire and Cumbria, which SEN2 still reports whole in January 2021, have no January 2021 rate.',
      'Plans are held by the LA responsible, which is usually but not always the LA of residence.',
    ],
  },
  {
    id: 'ehc_plans_per_1000_aged_2_18',
    label: 'EHC plans per 1,000 population aged 2–18',
    description: 'All EHC plans at January for every 1,000 residents aged 2 to 18, using the ONS mid-year estimate of the previous summer (the age band DfE uses for high-needs benchmarking).',
    theme: 'plans',
    unit: 'rate_per_1000',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'january',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_caseload', ['ehcplans']),
      denominator: ref('ons_population_mid_year', ['pop_2_18'], { period: 'mid_year_before_january' }),
      scale: 1000,
      proportion: false,
    },
    formulaText: 'ehcplans at January (all ages 0–25) ÷ ONS mid-year population aged 2–18 of the previous year × 1,000',
    source: `${EHCP25}: caseload.csv (ehcplans); ONS mid-year population estimates (MYE2), extract ons_population_mid_year_2019_2020.csv (pop_2_18).`,
    caveats: [
      'The numerator is all plans aged 0–25, not only those aged 2–18: a standardising rate, not a proportion of the 2–18 population.',
      'Available for January 2020 (÷ mid-2019) and January 2021 (÷ mid-2020) only; a rate is never computed from another year\'s population.',
      'Northamptonshire and Cumbria have no January 2021 rate (mid-2020 is on current boundaries).',
    ],
  },
  {
    id: 'ceased_ehc_plans',
    label: 'EHC plans ceased in the year',
    description: 'Number of EHC plans that ceased during the calendar year, for any reason.',
    theme: 'plans',
    unit: 'count',
    decimals: 0,
    polarity: 'neutral',
    periodType: 'calendar_year',
    formula: { kind: 'value', value: ref('ehcp_ceased_plans', ['total_ceased']), additive: true },
    formulaText: 'total_ceased',
    source: `${EHCP25}: ceased_plans.csv, breakdown "All ceased EHC plans" (total_ceased), 2022–2024.`,
    caveats: [
      'Available for 2022–2024 only in this form.',
      'Includes plans transferred to another LA (the plan continues there) — about 3 in 10 of all ceased plans in England.',
    ],
  },
  {
    id: 'pct_ceased_needs_met',
    label: '% of ceased plans ended because needs were met',
    description: 'Share of plans ceased in the year because the child\'s or young person\'s educational or training needs are being met without a plan.',
    theme: 'plans',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_ceased_plans', ['needs_met']),
      denominator: ref('ehcp_ceased_plans', ['total_ceased']),
      scale: 100,
      proportion: true,
    },
    formulaText: 'needs_met ÷ total_ceased × 100',
    source: `${EHCP25}: ceased_plans.csv, breakdown "All ceased EHC plans" (needs_met, total_ceased), 2022–2024.`,
    caveats: [
      'The base includes transfers to another LA, moves out of England and deaths.',
      'Available for 2022–2024 only; the 2022 release\'s "discontinued" reasons (DismetEHC) use different categories and are not joined on.',
      NO_SUPPRESSION,
    ],
  },
  {
    id: 'pct_ceased_employment_or_he',
    label: '% of ceased plans ended by a move to employment or higher education',
    description: 'Share of plans ceased in the year because the young person moved into paid employment or higher education.',
    theme: 'plans',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_ceased_plans', ['he', 'employ']),
      denominator: ref('ehcp_ceased_plans', ['total_ceased']),
      scale: 100,
      proportion: true,
    },
    formulaText: '(he + employ) ÷ total_ceased × 100',
    source: `${EHCP25}: ceased_plans.csv, breakdown "All ceased EHC plans" (he, employ, total_ceased), 2022–2024.`,
    caveats: ['Depends on the age profile of the LA\'s plans.', 'Available for 2022–2024 only.', NO_SUPPRESSION],
  },
  {
    id: 'pct_ceased_no_longer_engaging',
    label: '% of ceased plans ended because the young person no longer wished to engage',
    description: 'Share of plans ceased in the year because a young person over compulsory school age no longer wished to engage in education or training.',
    theme: 'plans',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_ceased_plans', ['no_engage']),
      denominator: ref('ehcp_ceased_plans', ['total_ceased']),
      scale: 100,
      proportion: true,
    },
    formulaText: 'no_engage ÷ total_ceased × 100',
    source: `${EHCP25}: ceased_plans.csv, breakdown "All ceased EHC plans" (no_engage, total_ceased), 2022–2024.`,
    caveats: ['The largest single reason in England (about 36% in 2024).', 'Available for 2022–2024 only.', NO_SUPPRESSION],
  },
  {
    id: 'pct_ceased_transferred',
    label: '% of ceased plans transferred to another LA',
    description: 'Share of plans ceased in the year because the child or young person moved and the plan transferred to another local authority.',
    theme: 'plans',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_ceased_plans', ['transfer']),
      denominator: ref('ehcp_ceased_plans', ['total_ceased']),
      scale: 100,
      proportion: true,
    },
    formulaText: 'transfer ÷ total_ceased × 100',
    source: `${EHCP25}: ceased_plans.csv, breakdown "All ceased EHC plans" (transfer, total_ceased), 2022–2024.`,
    caveats: ['A transferred plan continues in the receiving LA: it is an ending for this LA, not for the child.', 'Available for 2022–2024 only.', NO_SUPPRESSION],
  },
];

const INCLUSION: readonly MetricDefinition[] = [
  ...PLACEMENTS.map(placementForAllPlans),
  ...PLACEMENTS.filter((p) => p.forNewPlans !== false).map(placementForNewPlans),
];

const PROCESS: readonly MetricDefinition[] = [
  {
    id: 'requests_received',
    label: 'Requests for an EHC needs assessment',
    description: 'Number of requests for an EHC needs assessment received by the LA during the calendar year.',
    theme: 'process',
    unit: 'count',
    decimals: 0,
    polarity: 'neutral',
    periodType: 'calendar_year',
    formula: {
      kind: 'value',
      value: [ref('ehcp_requests', ['requests_received_in_year']), ref('sen2_2022_mi', ['inreqehc'])],
      additive: true,
    },
    formulaText: 'requests_received_in_year (before 2019: InreqEHC of the 2022 release)',
    source: `${EHCP25}: requests.csv, breakdown "All requests for EHC needs assessments" (requests_received_in_year), 2019–2024; ${EHCP22}: sen2_mi.csv (InreqEHC), 2016–2018.`,
    caveats: [
      'Initial requests only. 2014 and 2015 are not available ("z" in the 2022 release); 2019–2021 agree exactly between the releases.',
      PERSON_LEVEL_2023,
      LA_CHANGES,
    ],
    seriesBreaks: PROCESS_BREAK,
  },
  {
    id: 'pct_requests_refused',
    label: '% of requests refused an assessment',
    description: 'Share of requests for an EHC needs assessment received in the year where the LA decided not to assess.',
    theme: 'process',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: [ref('ehcp_requests', ['requests_decided_not_to_assess']), ref('sen2_2022_mi', ['assrefusedehc'])],
      denominator: [ref('ehcp_requests', ['requests_received_in_year']), ref('sen2_2022_mi', ['inreqehc'])],
      scale: 100,
      published: [ref('ehcp_requests', ['request_not_assess_pc']), ref('sen2_2022_mi', ['assrefusedehc_pc'])],
      proportion: true,
    },
    formulaText: 'requests_decided_not_to_assess ÷ requests_received_in_year × 100 (published request_not_assess_pc where given; before 2019 AssRefusedEHC ÷ InreqEHC, published AssRefusedEHC_pc)',
    source: `${EHCP25}: requests.csv, breakdown "All requests for EHC needs assessments" (requests_decided_not_to_assess, requests_received_in_year, request_not_assess_pc), 2019–2024; ${EHCP22}: sen2_mi.csv (AssRefusedEHC, InreqEHC, AssRefusedEHC_pc), 2016–2018.`,
    caveats: [
      'The base is all requests received, including those still undecided or withdrawn at the year end (England 2024: 38,889 refused of 154,489 received = 25.2%).',
      'Published percentages exist from 2023; for 2016–2022 the figure is computed from the counts (and equals the 2022 release\'s AssRefusedEHC_pc).',
      PERSON_LEVEL_2023,
      'St. Helens 2021: refusals were published as 0 but should have been 107 (DfE correction).',
      'Neutral: a low refusal rate can mean good early support or a low threshold; a high one can mean gatekeeping or many speculative requests.',
    ],
    seriesBreaks: PROCESS_BREAK,
  },
  {
    id: 'pct_requests_decided_within_6_weeks',
    label: '% of assessment requests decided within 6 weeks',
    description: 'Share of requests for an EHC needs assessment where the LA told the family whether it would assess within the statutory 6 weeks.',
    theme: 'process',
    unit: 'percent',
    decimals: 1,
    polarity: 'higher_is_better',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_requests', ['request_outcome_six_weeks']),
      denominator: ref('ehcp_requests', ['request_outcome_six_weeks', 'request_outcome_over_6_weeks']),
      scale: 100,
      published: ref('ehcp_requests', ['request_outcome_six_weeks_pc']),
      proportion: true,
    },
    formulaText: 'request_outcome_six_weeks ÷ (request_outcome_six_weeks + request_outcome_over_6_weeks) × 100 (published request_outcome_six_weeks_pc where given)',
    source: `${EHCP25}: requests.csv, breakdown "All requests for EHC needs assessments" (request_outcome_six_weeks, request_outcome_over_6_weeks, request_outcome_six_weeks_pc), 2023–2024.`,
    caveats: [
      'Collected from 2023 only (person-level SEN2).',
      'The published 2023 England figure (84.8%) uses a base slightly larger than within + over 6 weeks (which gives 84.9%); 2024 agrees (84.8%).',
    ],
  },
  {
    id: 'pct_assessments_plan_issued',
    label: '% of needs assessments leading to a plan',
    description: 'Share of EHC needs assessments in the year after which the LA issued an EHC plan.',
    theme: 'process',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_assessments', ['assess_issued']),
      denominator: ref('ehcp_assessments', ['assess_in_year']),
      scale: 100,
      published: ref('ehcp_assessments', ['assess_issued_pc']),
      proportion: true,
    },
    formulaText: 'assess_issued ÷ assess_in_year × 100 (published assess_issued_pc where given)',
    source: `${EHCP25}: assessments.csv, breakdown "All EHC needs assessments" (assess_issued, assess_in_year, assess_issued_pc), 2022–2024.`,
    caveats: [
      'The base is all assessments in the year, including withdrawn and undecided ones: this reproduces the published figure (England 2024: 98,547 of 105,340 = 93.6%), although the guidance says percentages apply where a decision was made.',
      'Not available for 2019–2021: assess_in_year is "x" there, and the 2022 release\'s NewallEHC_pc uses a different base (plans issued + not issued), so it is not joined on.',
      'The series starts in 2022, the first year with person-level outcomes (withdrawn, undecided); 2023 onwards also break the wider SEN2 time series.',
    ],
  },
  {
    id: 'pct_issued_within_20_weeks',
    label: '% of EHC plans issued within 20 weeks',
    description: 'Share of new EHC plans issued within the statutory 20 weeks of the request, including cases where an exception to the time limit applies.',
    theme: 'process',
    unit: 'percent',
    decimals: 1,
    polarity: 'higher_is_better',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: [ref('ehcp_timeliness_20_week', ['plans_issued_within_20_weeks']), ref('sen2_2022_mi', ['incexc20weekehc'])],
      denominator: [ref('ehcp_timeliness_20_week', ['plans_issued_den']), ref('sen2_2022_mi', ['totincexcehc'])],
      scale: 100,
      published: [ref('ehcp_timeliness_20_week', ['pc_plans_issued_within_20_weeks']), ref('sen2_2022_mi', ['incexc20weekrate'])],
      proportion: true,
    },
    formulaText: 'plans_issued_within_20_weeks ÷ plans_issued_den × 100 (published pc_plans_issued_within_20_weeks where given; before 2019 IncExc20weekEHC ÷ TotIncExcEHC, published IncExc20weekRate)',
    source: `${EHCP25}: timeliness_20_week.csv, breakdown "All EHC plans issued" (plans_issued_within_20_weeks, plans_issued_den, pc_plans_issued_within_20_weeks), 2019–2024; ${EHCP22}: sen2_mi.csv (IncExc20weekEHC, TotIncExcEHC, IncExc20weekRate), 2014–2018.`,
    caveats: [
      'England 2024: 41,448 of 90,392 = 45.9%.',
      '2014 and 2015 cover the first EHC plans only (1,359 issued in England in 2014): treat with caution.',
      'During part of 2020 the law on EHC time limits was relaxed because of coronavirus (COVID-19).',
      'Dorset (2021 and 2024) and City of London (2024) classed all new plans as having permitted exceptions.',
      PERSON_LEVEL_2023,
      'Small LAs issue few plans a year: one or two late plans move the percentage a lot.',
    ],
    seriesBreaks: PROCESS_BREAK,
  },
  {
    id: 'pct_issued_within_20_weeks_excl_exceptions',
    label: '% of EHC plans issued within 20 weeks (excluding exceptions)',
    description: 'Share of new EHC plans issued within the statutory 20 weeks, counting only plans where no exception to the time limit applies.',
    theme: 'process',
    unit: 'percent',
    decimals: 1,
    polarity: 'higher_is_better',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: [ref('ehcp_timeliness_20_week', ['plans_issued_20_weeks_ex']), ref('sen2_2022_mi', ['noexc20weekehc'])],
      denominator: [ref('ehcp_timeliness_20_week', ['plans_issued_den_ex']), ref('sen2_2022_mi', ['totnoexcehc'])],
      scale: 100,
      published: [ref('ehcp_timeliness_20_week', ['pc_plans_issued_20_weeks_ex']), ref('sen2_2022_mi', ['noexc20weekrate'])],
      proportion: true,
    },
    formulaText: 'plans_issued_20_weeks_ex ÷ plans_issued_den_ex × 100 (published pc_plans_issued_20_weeks_ex where given; before 2019 NoExc20weekEHC ÷ TotNoExcEHC, published NoExc20weekRate)',
    source: `${EHCP25}: timeliness_20_week.csv, breakdown "All EHC plans issued" (plans_issued_20_weeks_ex, plans_issued_den_ex, PC_plans_issued_20_weeks_ex), 2019–2024; ${EHCP22}: sen2_mi.csv (NoExc20weekEHC, TotNoExcEHC, NoExc20weekRate), 2014–2018.`,
    caveats: [
      'England 2024: 39,407 of 84,866 = 46.4%.',
      'Dorset (2021 and 2024) and City of London (2024) classed all new plans as exceptions, so they have no plans in this base.',
      'Exceptions are recorded by LAs; practice varies.',
      'During part of 2020 the law on EHC time limits was relaxed because of coronavirus (COVID-19).',
      PERSON_LEVEL_2023,
    ],
    seriesBreaks: PROCESS_BREAK,
  },
  {
    id: 'pct_issued_after_52_weeks',
    label: '% of EHC plans issued after more than a year',
    description: 'Share of new EHC plans issued more than 52 weeks after the request (including exceptions).',
    theme: 'process',
    unit: 'percent',
    decimals: 1,
    polarity: 'lower_is_better',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_timeliness_20_week', ['plans_issued_gt_1_year']),
      denominator: ref('ehcp_timeliness_20_week', ['plans_issued_den']),
      scale: 100,
      published: ref('ehcp_timeliness_20_week', ['pc_plans_issued_gt_1_year']),
      proportion: true,
    },
    formulaText: 'plans_issued_gt_1_year ÷ plans_issued_den × 100 (published pc_plans_issued_gt_1_year where given)',
    source: `${EHCP25}: timeliness_20_week.csv, breakdown "All EHC plans issued" (plans_issued_gt_1_year, plans_issued_den, pc_plans_issued_gt_1_year), 2023–2024.`,
    caveats: ['Collected from 2023 only (person-level SEN2); "x" before.', 'England 2024: 6,478 of 90,392 = 7.2%.'],
  },
  {
    id: 'pct_annual_review_decisions_within_4_weeks',
    label: '% of annual review decisions sent within 4 weeks',
    description: 'Share of annual reviews of EHC plans where the LA communicated its decision (maintain, amend or cease) within the statutory 4 weeks of the review meeting.',
    theme: 'process',
    unit: 'percent',
    decimals: 1,
    polarity: 'higher_is_better',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_annual_reviews', ['number_decsion_4weeks']),
      denominator: ref('ehcp_annual_reviews', ['number_decsion_4weeks', 'number_decision_gt_4weeks']),
      scale: 100,
      published: ref('ehcp_annual_reviews', ['pc_decsion_4weeks']),
      proportion: true,
    },
    formulaText: 'number_decsion_4weeks ÷ (number_decsion_4weeks + number_decision_gt_4weeks) × 100 (published pc_decsion_4weeks where given)',
    source: `${EHCP25}: annual_reviews.csv, breakdown "All annual reviews" (number_decsion_4weeks, number_decision_gt_4weeks, pc_decsion_4weeks), 2024.`,
    caveats: [
      'Available for 2024 only. England: 154,924 of 348,759 decisions = 44.4%.',
      'Blackpool and Reading could not return annual reviews, and figures for Waltham Forest, Surrey, Redbridge, Hertfordshire and Plymouth were suppressed pending quality checks.',
      'Reviews with no decision recorded are outside the base.',
    ],
  },
  {
    id: 'pct_plans_with_personal_budget',
    label: '% of EHC plans with a personal budget',
    description: 'Share of EHC plans at January with a personal budget in place (direct payments, organised arrangements or both).',
    theme: 'process',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'january',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_personal_budgets', ['personal_budget']),
      denominator: ref('ehcp_caseload', ['ehcplans']),
      scale: 100,
      proportion: true,
    },
    formulaText: 'personal_budget ÷ ehcplans × 100',
    source: `${EHCP25}: personal_budgets.csv, breakdown "All personal budgets" (personal_budget), and caseload.csv (ehcplans), January 2020–2025.`,
    caveats: [
      'England personal budgets fell from 25,259 (January 2022) to 18,887 (January 2023) as SEN2 became person-level: a recording change more than a real fall.',
      'Recording of personal budgets varies widely between LAs.',
      NEWHAM_2025,
    ],
    seriesBreaks: [{ period: 202223, note: 'January 2023 is the first person-level SEN2 census; personal budgets before and after are not comparable.' }],
  },
  {
    id: 'tribunal_appeal_rate',
    label: 'SEND Tribunal appeal rate',
    description: 'SEND Tribunal appeals registered in the calendar year as a percentage of the LA\'s appealable decisions (refusals to assess, decisions not to issue a plan, plans held at January, and plans ceased because needs were met).',
    theme: 'process',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: ref('send_tribunal_appeal_rate', ['appeals_registered']),
      denominator: ref('send_tribunal_appeal_rate', ['appealable_decisions']),
      scale: 100,
      published: ref('send_tribunal_appeal_rate', ['appeal_rate_pc']),
      proportion: false,
    },
    formulaText: 'appeals_registered ÷ appealable_decisions × 100 (published appeal_rate_pc where given)',
    source: `MoJ/DfE, SEND Tribunal appeal rate 2014–2024, supporting file of ${EHCP25}: "SEND Tribunals and appeal rate 2014-2024.csv" (Appeals registered, Total Appealable Decisions, SEND Tribunal Appeal Rate).`,
    caveats: [
      'England 2024: 22,276 appeals of 689,739 appealable decisions = 3.2%.',
      'Appeals registered in a year are not all about decisions counted in that year\'s base, so this is a rate, not a strict proportion.',
      'MoJ and DfE advise caution comparing appealable decisions from 2023 with earlier years (new SEN2 collection).',
      'In the MoJ table "-" means nil, "~" suppressed and ".." not available. Appeals registered differ slightly from MoJ quarterly tribunal statistics (timing of extraction).',
      'Neutral: appeals reflect both disagreement with LA decisions and families\' access to challenge; the guidance does not treat a lower rate as better.',
    ],
    seriesBreaks: PROCESS_BREAK,
  },
  {
    id: 'tribunal_appeal_rate_in_development',
    label: 'SEND Tribunal appeal rate (in development method)',
    description: 'SEND Tribunal appeals registered in 2024 as a percentage of appealable decisions counted by a new method that MoJ and DfE publish as "in development".',
    theme: 'process',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'calendar_year',
    formula: {
      kind: 'ratio',
      numerator: ref('send_tribunal_appeal_rate', ['appeals_registered']),
      denominator: ref('send_tribunal_appeal_rate', ['appealable_decisions_in_development']),
      scale: 100,
      published: ref('send_tribunal_appeal_rate', ['appeal_rate_in_development_pc']),
      proportion: false,
    },
    formulaText: 'appeals_registered ÷ appealable_decisions_in_development × 100 (published appeal_rate_in_development_pc where given)',
    source: `MoJ/DfE, SEND Tribunal appeal rate 2014–2024, supporting file of ${EHCP25}: "SEND Tribunals and appeal rate 2014-2024.csv" (In development: Total Appealable Decisions, In development: SEND Tribunal Appeal Rate).`,
    caveats: [
      '2024 only; an in-development statistic (England 22,276 of 364,912 = 6.1%). The file does not define the new denominator (its footnote reference points to the Cumbria note), so do not compare it with tribunal_appeal_rate.',
      'In the MoJ table "-" means nil, "~" suppressed and ".." not available.',
    ],
  },
];

const NEEDS_METRICS: readonly MetricDefinition[] = [
  ...NEEDS.map(needShare),
  {
    id: 'pct_plans_need_not_recorded',
    label: '% of EHC plans with no primary need recorded',
    description: 'Share of EHC plans at January for which the LA recorded no primary need: a data-quality measure.',
    theme: 'needs',
    unit: 'percent',
    decimals: 1,
    polarity: 'lower_is_better',
    periodType: 'january',
    formula: {
      kind: 'ratio',
      numerator: ref('ehcp_needs_all_plans', ['number_need_unknown']),
      denominator: ref('ehcp_needs_all_plans', ['ehc_plans']),
      scale: 100,
      published: ref('ehcp_needs_all_plans', ['unknown_pc']),
      proportion: true,
    },
    formulaText: 'number_need_unknown ÷ ehc_plans × 100 (published unknown_pc where given)',
    source: `${EHCP25}: sen_needs_all_plans.csv, breakdown "All EHC plans" (number_need_unknown, ehc_plans, unknown_pc).`,
    caveats: [NEEDS_ONE_YEAR, 'A high value understates every primary-need share of the LA.', NEEDS_SURREY, NO_SUPPRESSION],
  },
];

const LINE_ITEMS: readonly { id: string; label: string; description: string; measure: string; extra?: readonly string[] }[] = [
  {
    id: 'hn_outturn_place_funding',
    label: 'High-needs place funding (S251 outturn, 2021-22)',
    description: 'Net outturn on high-needs place funding the LA pays to maintained providers (early years to post-school, special schools, PRUs).',
    measure: 'place_funding_total',
    extra: ['Excludes place funding for academies, free schools and FE colleges, which ESFA pays directly (recoupment).'],
  },
  {
    id: 'hn_outturn_topup_maintained',
    label: 'Top-ups to maintained schools, academies, free schools and colleges (2021-22)',
    description: 'Net outturn on top-up funding for pupils and students with high needs in maintained schools, academies, free schools and colleges.',
    measure: 'topup_maintained_academies_fs_colleges_total',
    extra: ['Net of the top-up income line (topup_maintained_income).'],
  },
  {
    id: 'hn_outturn_topup_independent',
    label: 'Top-ups to non-maintained and independent providers (2021-22)',
    description: 'Net outturn on top-up funding for placements in non-maintained special schools and independent schools and providers.',
    measure: 'topup_nmss_independent_total',
    extra: ['Net of the top-up income line (topup_nmss_independent_income).'],
  },
  {
    id: 'hn_outturn_sen_support_services',
    label: 'SEN support and inclusion services (2021-22)',
    description: 'Net outturn on SEN support services and inclusion services funded from the high-needs budget.',
    measure: 'sen_support_and_inclusion_services',
  },
  {
    id: 'hn_outturn_ap_services',
    label: 'Alternative provision services (2021-22)',
    description: 'Net outturn on alternative provision services funded from the high-needs budget.',
    measure: 'alternative_provision_services',
    extra: ['One LA (Swindon) reports a negative net figure.'],
  },
  {
    id: 'hn_outturn_hospital_education',
    label: 'Hospital education services (2021-22)',
    description: 'Net outturn on hospital education services funded from the high-needs budget.',
    measure: 'hospital_education_services',
  },
  {
    id: 'hn_outturn_therapies',
    label: 'Therapies and other health-related services (2021-22)',
    description: 'Net outturn on therapies and other health-related services funded from the high-needs budget.',
    measure: 'therapies_and_other_health_related_services',
  },
];

const SPEND: readonly MetricDefinition[] = [
  {
    id: 'hn_spend_top_up_and_services',
    label: 'High-needs top-up and services spend (S251 1.2.x, net)',
    description: 'Net outturn on S251 high-needs lines 1.2.x: top-up funding to all providers plus SEN support, alternative provision, hospital education and therapy services. Not total high-needs spend.',
    theme: 'spend',
    unit: 'gbp',
    decimals: 0,
    polarity: 'neutral',
    periodType: 'financial_year',
    formula: { kind: 'value', value: S251_1_2_X, additive: true },
    formulaText: 'high_needs_1_2_x_net (sum of S251 outturn lines 1.2.x, net)',
    source: 'DfE, LA and school expenditure (Section 251 outturn), extract s251_outturn_net_grouped_2017_18_to_2024_25.csv (high_needs_1_2_x_net), FY 2017-18 to 2024-25.',
    caveats: [
      S251_SCOPE,
      S251_MISSING,
      S251_DEFINITIONS,
      'England (sum of LAs): £4.40bn in 2017-18 to £10.22bn in 2024-25, in cash terms (not adjusted for inflation).',
    ],
  },
  {
    id: 'hn_spend_per_plan',
    label: 'High-needs top-up and services spend per EHC plan',
    description: 'S251 1.2.x net outturn in the financial year divided by the EHC plans the LA maintained at the January within that year.',
    theme: 'spend',
    unit: 'gbp_per_plan',
    decimals: 0,
    polarity: 'neutral',
    periodType: 'financial_year',
    formula: {
      kind: 'ratio',
      numerator: S251_1_2_X,
      denominator: [
        ref('ehcp_caseload', ['ehcplans']),
        ref('sen2_2022_estab_caseload', ['total_all'], { breakdown: 'Total | Total', period: 'calendar_year_of_january' }),
      ],
      scale: 1,
      proportion: false,
    },
    formulaText: 'high_needs_1_2_x_net for FY 2024-25 ÷ ehcplans at January 2025 (same code 202425); FY 2017-18 uses January 2018 from the 2022 release',
    source: 'DfE Section 251 outturn extract s251_outturn_net_grouped_2017_18_to_2024_25.csv (high_needs_1_2_x_net); ' +
      `${EHCP25}: caseload.csv (ehcplans); ${EHCP22}: sen2_estab_caseload.csv (Total_all) for January 2018.`,
    caveats: [
      'Not a unit cost: 1.2.x also pays for children without plans (SEN support services, AP, hospital education, top-ups for pupils without a plan), and excludes place funding, so LAs with more maintained special places look cheaper.',
      S251_SCOPE,
      S251_MISSING,
      'January 2018 (for FY 2017-18) includes statements of SEN.',
      'Newham FY 2024-25 is inflated by its January 2025 outlier (1,199 plans against 2,705 a year earlier).',
    ],
  },
  {
    id: 'hn_spend_per_head_2_18',
    label: 'High-needs top-up and services spend per head aged 2–18',
    description: 'S251 1.2.x net outturn divided by the population aged 2–18 that DfE\'s High Needs Benchmarking Tool uses for the year.',
    theme: 'spend',
    unit: 'gbp_per_head',
    decimals: 0,
    polarity: 'neutral',
    periodType: 'financial_year',
    formula: {
      kind: 'ratio',
      numerator: S251_1_2_X,
      denominator: ref('hnbt_population_2_18', ['pop_2_18_hnbt']),
      scale: 1,
      proportion: false,
    },
    formulaText: 'high_needs_1_2_x_net ÷ pop_2_18_hnbt (same financial year)',
    source: 'DfE Section 251 outturn extract s251_outturn_net_grouped_2017_18_to_2024_25.csv (high_needs_1_2_x_net); DfE High Needs Benchmarking Tool population extract hnbt_population_2_18_2018_19_to_2021_22.csv (pop_2_18_hnbt).',
    caveats: [
      'Available for FY 2018-19 to 2021-22 only, the years the population extract covers; never computed from another year\'s population.',
      'City of London and the Isles of Scilly have no population in the extract; Dorset (838) is "x" from 2019-20, and the extract carries predecessor rows (Bournemouth, Poole 0 in 2020-21) that have no spend: not available.',
      S251_SCOPE,
      S251_MISSING,
    ],
  },
  {
    id: 'hnb_allocation_before_deductions',
    label: 'High-needs block allocation (before deductions)',
    description: 'The high-needs block of the Dedicated Schools Grant allocated to the LA for the year, before ESFA deducts place funding it pays directly to academies and colleges.',
    theme: 'spend',
    unit: 'gbp',
    decimals: 0,
    polarity: 'neutral',
    periodType: 'financial_year',
    formula: { kind: 'value', value: dsg('high_needs_block_before_deductions'), additive: true },
    formulaText: 'high_needs_block_before_deductions (final allocation, else in-year update)',
    source: 'ESFA, Dedicated schools grant allocations, extract dsg_allocations_2019_20_to_2023_24.csv (high_needs_block_before_deductions), FY 2019-20 to 2023-24.',
    caveats: [
      'England: £6.28bn (2019-20), £7.06bn, £7.91bn, £8,988m (2022-23), £9.95bn (2023-24), cash terms.',
      DSG_STATUS,
      'An allocation, not spend: LAs may move money between blocks and spend above it (see dsg_deficit_pct).',
    ],
  },
  {
    id: 'hn_spend_pct_of_hnb',
    label: 'High-needs top-up and services spend as % of high-needs block',
    description: 'S251 1.2.x net outturn as a percentage of the high-needs block the LA received after ESFA deductions.',
    theme: 'spend',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'financial_year',
    formula: {
      kind: 'ratio',
      numerator: S251_1_2_X,
      denominator: dsg('high_needs_block_after_deductions'),
      scale: 100,
      proportion: false,
    },
    formulaText: 'high_needs_1_2_x_net ÷ high_needs_block_after_deductions × 100 (same financial year)',
    source: 'DfE Section 251 outturn extract s251_outturn_net_grouped_2017_18_to_2024_25.csv (high_needs_1_2_x_net); ESFA DSG allocations extract dsg_allocations_2019_20_to_2023_24.csv (high_needs_block_after_deductions).',
    caveats: [
      'Scope mismatch: the block after deductions also pays maintained place funding (S251 1.0.2), which 1.2.x excludes, and 1.2.x can be funded from other blocks or LA resources; so the figure is neither a spend-to-budget ratio nor a measure of overspend.',
      'Available for FY 2019-20 to 2023-24, the years with both figures.',
      DSG_STATUS,
      S251_MISSING,
    ],
  },
  ...LINE_ITEMS.map(
    (l): MetricDefinition => ({
      id: l.id,
      label: l.label,
      description: `${l.description} S251 outturn 2021-22, net.`,
      theme: 'spend',
      unit: 'gbp',
      decimals: 0,
      polarity: 'neutral',
      periodType: 'financial_year',
      formula: { kind: 'value', value: HN_LINES_OUTTURN([l.measure]), additive: true },
      formulaText: `${l.measure} (budget_or_outturn = Outturn)`,
      source: `DfE, Section 251 budget and outturn, extract s251_high_needs_lines_2021_22.csv (${l.measure}; budget_or_outturn "Outturn"), FY 2021-22.`,
      caveats: [LINES_2122, ...(l.extra ?? []), S251_DEFINITIONS],
    }),
  ),
  {
    id: 'pct_topup_independent',
    label: 'Independent and non-maintained top-ups as % of high-needs outturn (2021-22)',
    description: 'Top-up funding to non-maintained special and independent providers as a share of all high-needs outturn lines in 2021-22 (place funding, top-ups, SEN support, AP, hospital, therapies).',
    theme: 'spend',
    unit: 'percent',
    decimals: 1,
    polarity: 'neutral',
    periodType: 'financial_year',
    formula: {
      kind: 'ratio',
      numerator: HN_LINES_OUTTURN(['topup_nmss_independent_total']),
      denominator: HN_LINES_OUTTURN(HN_LINE_TOTALS),
      scale: 100,
      proportion: true,
    },
    formulaText: `topup_nmss_independent_total ÷ (${HN_LINE_TOTALS.join(' + ')}) × 100 (Outturn)`,
    source: `DfE, Section 251 budget and outturn, extract s251_high_needs_lines_2021_22.csv (${HN_LINE_TOTALS.join(', ')}; budget_or_outturn "Outturn"), FY 2021-22.`,
    caveats: [
      'The base includes place funding the LA pays to maintained providers but not academy and FE place funding paid by ESFA, so the independent share is overstated relative to all high-needs funding. England (sum of LAs): 23.6% (27.3% if place funding is left out of the base).',
      'Independent placements are funded wholly by top-up, while maintained and academy places are funded by place funding plus top-up.',
      LINES_2122,
      'If any line of an LA is not available the base is not available.',
    ],
  },
  {
    id: 'dsg_deficit_pct',
    label: 'DSG cumulative deficit as % of total DSG',
    description: 'The LA\'s cumulative Dedicated Schools Grant balance carried forward (S251 line 1.9.3) as a percentage of its total DSG: positive is a deficit, negative a surplus.',
    theme: 'spend',
    unit: 'percent',
    decimals: 1,
    polarity: 'lower_is_better',
    periodType: 'financial_year',
    formula: { kind: 'value', value: ref('dsg_deficit_pct', ['dsg_deficit_pct_of_total_dsg']), additive: false },
    formulaText: 'dsg_deficit_pct_of_total_dsg (published; positive = deficit)',
    source: 'DfE Section 251 outturn (line 1.9.3) and DSG allocations, extract dsg_deficit_pct_2019_20_to_2021_22.csv (dsg_deficit_pct_of_total_dsg), FY 2019-20 to 2021-22.',
    caveats: [
      'England: 1.08% (2019-20), 1.69% (2020-21), 2.26% (2021-22); LAs range from a surplus of about 7% to a deficit of about 15%.',
      'Cumulative: it reflects several years of high-needs pressure, not one year\'s overspend. Safety Valve agreements (the first made for 2020-21) add DfE payments that reduce some LAs\' deficits.',
      NOT_SUMMABLE_PC,
    ],
  },
];

export const METRICS: readonly MetricDefinition[] = [...PLANS, ...INCLUSION, ...PROCESS, ...NEEDS_METRICS, ...SPEND];

const BY_ID: ReadonlyMap<string, MetricDefinition> = new Map(METRICS.map((m) => [m.id, m]));

export function metricById(id: string): MetricDefinition | undefined {
  return BY_ID.get(id);
}
