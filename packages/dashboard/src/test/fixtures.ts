/** The metric the page tests ask about, as the API describes it (caseload.csv, January 2025). */
export const PCT_MAINSTREAM = {
  metric: {
    id: 'pct_plans_mainstream',
    label: '% of EHC plans in mainstream schools',
    description: 'Share of all EHC plans at January.',
    unit: 'PERCENT' as const,
    decimals: 1,
    polarity: 'NEUTRAL' as const,
    source: 'DfE, Education, health and care plans, reporting year 2025 (SEN2): caseload.csv',
    caveats: [],
    periods: [{ code: 202425, label: 'January 2025' }],
  },
  period: { code: 202425, label: 'January 2025' },
};
