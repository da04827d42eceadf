/**
 * The data sets SENDbench reads. A data set is one table of a publication (e.g. the EHC plans
 * caseload); each file imported is a release of a data set, and a newer release of the same data set
 * replaces the older one's figures (see the server's ingest). Readers recognise a data set from its
 * header (`signature` columns, and the period type of its rows), never from the file name.
 *
 * Column names are lower case: releases differ in case (`AP_PRU_total_pc` in 2025,
 * `ap_pru_total_pc` in 2026) and mean the same column.
 */

export type DatasetId =
  | 'ehcp_caseload'
  | 'ehcp_new_plans'
  | 'ehcp_annual_reviews'
  | 'ehcp_assessments'
  | 'ehcp_ceased_plans'
  | 'ehcp_personal_budgets'
  | 'ehcp_requests'
  | 'ehcp_residential_settings'
  | 'ehcp_needs_new_plans'
  | 'ehcp_needs_all_plans'
  | 'ehcp_timeliness_20_week'
  | 'ehcp_work_based_placements'
  | 'sen2_2022_age_caseload'
  | 'sen2_2022_age_new_plans'
  | 'sen2_2022_estab_caseload'
  | 'sen2_2022_estab_new_plans'
  | 'sen2_2022_mi'
  | 'sen2_2022_wbp_residential_dmo'
  | 'send_tribunal_appeal_rate'
  | 'ons_population_mid_year'
  | 'hnbt_population_2_18'
  | 'pupils_sen_provision_pct'
  | 'pupils_statefunded_mainstream_sen'
  | 's251_outturn_net_grouped'
  | 's251_high_needs_lines'
  | 'dsg_allocations'
  | 'dsg_deficit_pct';

export type TimeIdentifier = 'Academic year' | 'Calendar year' | 'Financial year';

export interface DatasetDefinition {
  id: DatasetId;
  title: string;
  /** The publication it comes from, as cited. */
  publication: string;
  /** The file name as published (for citation only; readers never rely on it). */
  publishedFile: string;
  timeIdentifier: TimeIdentifier;
  /** Filter columns, in order; their values joined with " | " make an observation's breakdown. */
  filters: readonly string[];
  /** The breakdown that holds the totals (all children, all placements). */
  totalBreakdown: string;
  /** Columns whose presence identifies the data set. */
  signature: readonly string[];
  /** Every indicator column a release of this data set may have (lower case). */
  columns: readonly string[];
  /** Columns only some releases have; all other `columns` are required. */
  optional?: readonly string[];
  /** Columns of text codes (e.g. Y/N/R), not figures: checked to be present but not loaded. */
  textColumns?: readonly string[];
}

const words = (s: string): readonly string[] => s.trim().split(/\s+/);

const EHCP_2025 = 'Education, health and care plans, reporting year 2025 (DfE)';
const EHCP_2022 = 'Education, health and care plans, reporting year 2022 (DfE)';
const BREAKDOWN = ['breakdown_topic', 'breakdown'] as const;
const total = (s: string) => `${s} | ${s}`;

const PLACEMENT_COLUMNS = `mainstream_la_maintained mainstream_la_maintained_resourced_provision mainstream_la_maintained_senunit
  mainstream_academy mainstream_academy_resourced_provision mainstream_academy_senunit mainstream_free_school
  mainstream_free_school_resourced_provision mainstream_free_school_senunit mainstream_independent mainstream_total
  mainstream_total_pc special_la_maintained special_academy_free special_academy special_free_school special_independent
  special_non_maintained special_total special_total_pc ap_pru_academy ap_pru_free_school ap_pru_la_maintained ap_pru_total
  ap_pru_total_pc general_fe_tertiary_colleges specialist_post_16_institutions ukrlp_provider fe_total fe_total_pc
  elective_home_education other_arrangements_la other_arrangements_parents online_provider w_settings other_schools
  other_placement_settings neet neet_ntci neet_other neet_other_csa ed_elsewhere ed_elsewhere_pc nm_early_years
  nm_early_years_pc placement_unknown placement_unknown_pc await_prov_2022 perm_ex_2022`;
/** 2026 split `special_academy_free` into `special_academy` + `special_free_school`. */
const PLACEMENT_OPTIONAL = ['special_academy_free', 'special_academy', 'special_free_school'];

const NEED_COLUMNS = `ehc_plans number_asd number_hi number_mld number_msi number_oth number_pd number_pmld number_semh
  number_slcn number_sld number_spld number_vi number_need_unknown asd_pc hi_pc mld_pc msi_pc oth_pc pd_pc pmld_pc
  semh_pc slcn_pc sld_pc spld_pc vi_pc unknown_pc`;

export const DATASETS: readonly DatasetDefinition[] = [
  {
    id: 'ehcp_caseload',
    title: 'EHC plans at January, by placement',
    publication: EHCP_2025,
    publishedFile: 'caseload.csv',
    timeIdentifier: 'Academic year',
    filters: BREAKDOWN,
    totalBreakdown: total('All EHC plans'),
    signature: ['ehcplans', 'mainstream_total'],
    columns: words(`ehcplans ${PLACEMENT_COLUMNS}`),
    optional: PLACEMENT_OPTIONAL,
  },
  {
    id: 'ehcp_new_plans',
    title: 'New EHC plans made in the calendar year, by placement',
    publication: EHCP_2025,
    publishedFile: 'newplans.csv',
    timeIdentifier: 'Calendar year',
    filters: BREAKDOWN,
    totalBreakdown: total('New EHC plans'),
    signature: ['new_ehc_plans', 'mainstream_total'],
    columns: words(`new_ehc_plans ${PLACEMENT_COLUMNS}`),
    optional: PLACEMENT_OPTIONAL,
  },
  {
    id: 'ehcp_annual_reviews',
    title: 'Annual reviews of EHC plans',
    publication: EHCP_2025,
    publishedFile: 'annual_reviews.csv',
    timeIdentifier: 'Calendar year',
    filters: BREAKDOWN,
    totalBreakdown: total('All annual reviews'),
    signature: ['review_expected', 'total_review_meeting'],
    columns: words(`total_ehc_plans review_expected review_not_expected review_meeting_25 review_meeting_24
      review_meeting_prior_24 total_review_meeting no_review_meeting review_decision25 review_decision24
      review_decision_prior24 review_decision_not_due review_decision_outstanding outcome_amend outcome_cease
      outcome_maintan no_outcome number_decsion_4weeks number_decision_gt_4weeks pc_decsion_4weeks pc_decision_gt_4weeks`),
  },
  {
    id: 'ehcp_assessments',
    title: 'EHC needs assessments',
    publication: EHCP_2025,
    publishedFile: 'assessments.csv',
    timeIdentifier: 'Calendar year',
    filters: BREAKDOWN,
    totalBreakdown: total('All EHC needs assessments'),
    signature: ['assess_issued', 'assess_not_issued'],
    columns: words(`assess_in_year assess_issued assess_issued_pc assess_not_issued assess_not_issued_pc assess_not_made
      assess_not_made_pc assess_withdrawn assess_withdrawn_pc outcome_decision_within_time outcome_decision_over_time
      outcome_decision_within_time_pc outcome_decision_over_time_pc number_assess_mediation number_assess_tribunal
      number_asssess_mediation_tribunal number_other_mediation number_other_tribunal number_other_mediation_tribunal`),
  },
  {
    id: 'ehcp_ceased_plans',
    title: 'EHC plans ceased, by reason',
    publication: EHCP_2025,
    publishedFile: 'ceased_plans.csv',
    timeIdentifier: 'Calendar year',
    filters: BREAKDOWN,
    totalBreakdown: total('All ceased EHC plans'),
    signature: ['total_ceased', 'needs_met'],
    columns: words('max_age needs_met he employ transfer no_engage moved_outside_eng deceased not_rec other total_ceased'),
  },
  {
    id: 'ehcp_personal_budgets',
    title: 'Personal budgets',
    publication: EHCP_2025,
    publishedFile: 'personal_budgets.csv',
    timeIdentifier: 'Academic year',
    filters: BREAKDOWN,
    totalBreakdown: total('All personal budgets'),
    signature: ['personal_budget', 'pb_social'],
    columns: words('personal_budget org_arrangments pb_health pb_education pb_social pb_integrated'),
  },
  {
    id: 'ehcp_requests',
    title: 'Requests for EHC needs assessment',
    publication: EHCP_2025,
    publishedFile: 'requests.csv',
    timeIdentifier: 'Calendar year',
    filters: BREAKDOWN,
    totalBreakdown: total('All requests for EHC needs assessments'),
    signature: ['requests_received_in_year'],
    columns: words(`requests_received_in_year requests_rya requests_decided_to_assess requests_decided_not_to_assess
      requests_decision_not_made requests_withdrawn request_assess_pc request_not_assess_pc request_outstanding_pc
      request_withdrawn_pc request_outcome_six_weeks request_outcome_over_6_weeks request_outcome_six_weeks_pc
      request_outcome_over_6_weeks_pc mediation_related_request tribunal_related_request tribunal_after_mediation_request`),
  },
  {
    id: 'ehcp_residential_settings',
    title: 'Children and young people with EHC plans in residential settings',
    publication: EHCP_2025,
    publishedFile: 'residential_settings.csv',
    timeIdentifier: 'Academic year',
    filters: BREAKDOWN,
    totalBreakdown: total('All residential placements'),
    signature: ['res_tot'],
    columns: words('res_3851 res_52 res_tot'),
  },
  {
    id: 'ehcp_needs_new_plans',
    title: 'New EHC plans by primary need',
    publication: EHCP_2025,
    publishedFile: 'sen_need_newplans.csv',
    timeIdentifier: 'Calendar year',
    filters: BREAKDOWN,
    totalBreakdown: total('All EHC plans'),
    signature: ['ehc_plans', 'number_asd'],
    columns: words(NEED_COLUMNS),
  },
  {
    id: 'ehcp_needs_all_plans',
    title: 'All EHC plans at January by primary need',
    publication: EHCP_2025,
    publishedFile: 'sen_needs_all_plans.csv',
    timeIdentifier: 'Academic year',
    filters: BREAKDOWN,
    totalBreakdown: total('All EHC plans'),
    signature: ['ehc_plans', 'number_asd'],
    columns: words(NEED_COLUMNS),
  },
  {
    id: 'ehcp_timeliness_20_week',
    title: 'EHC plans issued within 20 weeks',
    publication: EHCP_2025,
    publishedFile: 'timeliness_20_week.csv',
    timeIdentifier: 'Calendar year',
    filters: BREAKDOWN,
    totalBreakdown: total('All EHC plans issued'),
    signature: ['plans_issued_den', 'plans_issued_within_20_weeks'],
    columns: words(`plans_issued_den plans_issued_den_ex plans_issued_within_20_weeks plans_issued_20_weeks_ex
      pc_plans_issued_within_20_weeks pc_plans_issued_20_weeks_ex plans_issued_gt20weeks_ltyear
      plans_issued_gt20weeks_ltyear_ex pc_plans_issued_gt20weeks_ltyear pc_plans_issued_gt20weeks_ltyear_ex
      plans_issued_gt_1_year plans_issued_gt_1_year_ex pc_plans_issued_gt_1_year pc_plans_issued_gt_1_year_ex`),
  },
  {
    id: 'ehcp_work_based_placements',
    title: 'Work-based placements of young people with EHC plans',
    publication: EHCP_2025,
    publishedFile: 'work_based_placements.csv',
    timeIdentifier: 'Academic year',
    filters: BREAKDOWN,
    totalBreakdown: total('All work based placements'),
    signature: ['open_wbp'],
    columns: words('open_supp_intern open_apprentice open_trainee open_wbp'),
  },
  {
    id: 'sen2_2022_age_caseload',
    title: 'Statements and EHC plans at January by age (2010–2022 series)',
    publication: EHCP_2022,
    publishedFile: 'sen2_age_caseload.csv',
    timeIdentifier: 'Calendar year',
    filters: ['characteristic_age'],
    totalBreakdown: 'Total',
    signature: ['total_all', 'characteristic_age'],
    columns: words('total_st total_st_pc total_ehc total_ehc_pc total_all total_all_pc'),
  },
  {
    id: 'sen2_2022_age_new_plans',
    title: 'New statements and EHC plans by age (2010–2021 series)',
    publication: EHCP_2022,
    publishedFile: 'sen2_age_new_plans.csv',
    timeIdentifier: 'Calendar year',
    filters: ['characteristic_age'],
    totalBreakdown: 'Total',
    signature: ['total_new_all', 'characteristic_age'],
    columns: words('total_new_st total_new_st_pc total_new_ehc total_new_ehc_pc total_new_all total_new_all_pc'),
  },
  {
    id: 'sen2_2022_estab_caseload',
    title: 'Statements and EHC plans at January by establishment (2010–2022 series)',
    publication: EHCP_2022,
    publishedFile: 'sen2_estab_caseload.csv',
    timeIdentifier: 'Calendar year',
    filters: ['establishment_type', 'establishment_group'],
    totalBreakdown: 'Total | Total',
    signature: ['total_all', 'establishment_type'],
    columns: words('total_st total_st_pc total_ehc total_ehc_pc total_all total_all_pc'),
  },
  {
    id: 'sen2_2022_estab_new_plans',
    title: 'New statements and EHC plans by establishment (2010–2021 series)',
    publication: EHCP_2022,
    publishedFile: 'sen2_estab_new_plans.csv',
    timeIdentifier: 'Calendar year',
    filters: ['establishment_type', 'establishment_group'],
    totalBreakdown: 'Total | Total',
    signature: ['total_new_all', 'establishment_type'],
    columns: words('total_new_st total_new_st_pc total_new_ehc total_new_ehc_pc total_new_all total_new_all_pc'),
  },
  {
    id: 'sen2_2022_mi',
    title: 'SEN2 management information: assessments, timeliness, mediation (to 2021)',
    publication: EHCP_2022,
    publishedFile: 'sen2_mi.csv',
    timeIdentifier: 'Calendar year',
    filters: [],
    totalBreakdown: '',
    signature: ['newallehc', 'assrefusedehc'],
    columns: words(`newallehc newallehc_pc newallehc_assnoneehc_sum assnoneehc assnoneehc_pc assnodecisionehc assrefusedehc
      assrefusedehc_pc assnone assnodecision assrefused mtosi sitom mtopar sitopar dislea dismet disoth disleft mtosiehc
      sitomehc mtoparehc sitoparehc disleaehc dismetehc disothehc disleftehc inreqehc inreqryaehc totincexcehc
      incexc20weekehc incexc20weekrate totnoexcehc noexc20weekehc noexc20weekrate totincexc incexc26week totnoexc
      noexc26week statementstoehc statementstonoehc personalbudgets orgarrangements directpayeducation
      directpaysocialcare directpayhealth directpayintegrated newehcmediation newehctribunal newehctribunal_pc`),
  },
  {
    id: 'sen2_2022_wbp_residential_dmo',
    title: 'Work-based placements and residential settings (to 2022)',
    publication: EHCP_2022,
    publishedFile: 'sen2_wbp_residential_dmo.csv',
    timeIdentifier: 'Calendar year',
    filters: [],
    totalBreakdown: '',
    signature: ['workbasedehc'],
    columns: words(`mapprenehc mtrainehc msuppintehc workbasedehc mres38week05ehc mres38week510ehc mres38week1115ehc
      mres38week1619ehc mres38week2025ehc totmres38weekehc mres52week05ehc mres52week510ehc mres52week1115ehc
      mres52week1619ehc mres52week2025ehc totmres52weekehc mres38week05 mres38week510 mres38week1115 mres38week1619
      totmres38week mres52week05 mres52week510 mres52week1115 mres52week1619 totmres52week`),
    textColumns: ['dmo', 'dco', 'dmodcofunction'],
  },
  {
    id: 'send_tribunal_appeal_rate',
    title: 'SEND Tribunal appeals and appeal rate',
    publication: `${EHCP_2025}, supporting file (MoJ tribunal statistics)`,
    publishedFile: 'SEND Tribunals and appeal rate 2014-2024.csv',
    timeIdentifier: 'Calendar year',
    filters: [],
    totalBreakdown: '',
    signature: [],
    columns: ['appeals_registered', 'appealable_decisions', 'appeal_rate_pc', 'appealable_decisions_in_development', 'appeal_rate_in_development_pc'],
    optional: ['appealable_decisions_in_development', 'appeal_rate_in_development_pc'],
  },
  {
    id: 'ons_population_mid_year',
    title: 'ONS mid-year population estimates by age band',
    publication: 'ONS mid-year population estimates (MYE2), extract',
    publishedFile: 'ons_population_mid_year_2019_2020.csv',
    timeIdentifier: 'Calendar year',
    filters: [],
    totalBreakdown: '',
    signature: ['pop_all_ages', 'pop_0_25'],
    columns: words('pop_all_ages pop_0_17 pop_0_19 pop_2_18 pop_0_24 pop_0_25 pop_5_15 pop_16_25'),
  },
  {
    id: 'hnbt_population_2_18',
    title: 'Population aged 2–18 used by the High Needs Benchmarking Tool',
    publication: 'DfE High Needs Benchmarking Tool, extract',
    publishedFile: 'hnbt_population_2_18_2018_19_to_2021_22.csv',
    timeIdentifier: 'Financial year',
    filters: [],
    totalBreakdown: '',
    signature: ['pop_2_18_hnbt'],
    columns: ['pop_2_18_hnbt'],
  },
  {
    id: 'pupils_sen_provision_pct',
    title: 'Pupils with an EHC plan and on SEN support, all schools (%)',
    publication: 'DfE Special educational needs in England (school census), extract as in LAIT',
    publishedFile: 'pupils_sen_provision_pct_2016_2025.csv',
    timeIdentifier: 'Academic year',
    filters: [],
    totalBreakdown: '',
    signature: ['pct_pupils_ehc_plan'],
    columns: ['pct_pupils_ehc_plan', 'pct_pupils_sen_support'],
  },
  {
    id: 'pupils_statefunded_mainstream_sen',
    title: 'Pupils in state-funded mainstream schools and the % with SEN',
    publication: 'DfE Special educational needs in England (school census), extract',
    publishedFile: 'pupils_statefunded_mainstream_sen_2018_2023.csv',
    timeIdentifier: 'Academic year',
    filters: [],
    totalBreakdown: '',
    signature: ['pupils_statefunded_mainstream'],
    columns: words(`pupils_statefunded_mainstream pct_all_sen_statefunded_mainstream pct_ehc_plan_statefunded_mainstream
      pct_sen_support_statefunded_mainstream`),
  },
  {
    id: 's251_outturn_net_grouped',
    title: 'Section 251 outturn, net, grouped lines',
    publication: 'DfE LA and school expenditure (Section 251 outturn), extract',
    publishedFile: 's251_outturn_net_grouped_2017_18_to_2024_25.csv',
    timeIdentifier: 'Financial year',
    filters: [],
    totalBreakdown: '',
    signature: ['high_needs_1_2_x_net'],
    columns: words(`high_needs_1_2_x_net schools_block_1_0_x_net early_years_1_3_x_net central_school_services_net
      other_education_and_community_2_x_net`),
  },
  {
    id: 's251_high_needs_lines',
    title: 'Section 251 high-needs budget and outturn by line group, 2021-22',
    publication: 'DfE Section 251 budget and outturn, extract',
    publishedFile: 's251_high_needs_lines_2021_22.csv',
    timeIdentifier: 'Financial year',
    filters: ['budget_or_outturn'],
    totalBreakdown: 'Outturn',
    signature: ['place_funding_total', 'budget_or_outturn'],
    columns: words(`place_funding_total place_funding_early_years place_funding_primary place_funding_secondary
      place_funding_special_schools_and_academies place_funding_prus_and_ap_academies place_funding_post_school
      topup_maintained_academies_fs_colleges_total topup_maintained_early_years topup_maintained_primary
      topup_maintained_secondary topup_maintained_special_schools_and_academies topup_maintained_prus_and_ap_academies
      topup_maintained_post_school topup_maintained_income topup_nmss_independent_total topup_nmss_independent_early_years
      topup_nmss_independent_primary topup_nmss_independent_secondary topup_nmss_independent_special_schools_and_academies
      topup_nmss_independent_prus_and_ap_academies topup_nmss_independent_post_school topup_nmss_independent_income
      sen_support_and_inclusion_services alternative_provision_services hospital_education_services
      therapies_and_other_health_related_services`),
  },
  {
    id: 'dsg_allocations',
    title: 'Dedicated Schools Grant allocations',
    publication: 'ESFA Dedicated schools grant allocations, extract',
    publishedFile: 'dsg_allocations_2019_20_to_2023_24.csv',
    timeIdentifier: 'Financial year',
    filters: ['allocation_status'],
    totalBreakdown: 'final',
    signature: ['high_needs_block_before_deductions'],
    columns: words(`schools_block_before_deductions cssb high_needs_block_before_deductions early_years_block
      total_dsg_before_deductions schools_block_after_deductions high_needs_block_after_deductions
      total_dsg_after_deductions hnb_special_school_pupils_basic_entitlement hnb_import_export_adjustment
      schools_block_primary_pupils schools_block_secondary_pupils`),
  },
  {
    id: 'dsg_deficit_pct',
    title: 'DSG cumulative deficit as a % of total DSG',
    publication: 'DfE Section 251 outturn (line 1.9.3) and DSG allocations, extract',
    publishedFile: 'dsg_deficit_pct_2019_20_to_2021_22.csv',
    timeIdentifier: 'Financial year',
    filters: [],
    totalBreakdown: '',
    signature: ['dsg_deficit_pct_of_total_dsg'],
    columns: ['dsg_deficit_pct_of_total_dsg'],
  },
];

const BY_ID = new Map(DATASETS.map((d) => [d.id, d]));

export function datasetById(id: DatasetId): DatasetDefinition {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`Unknown dataset ${id}`);
  return found;
}
