/**
 * The Forecast page's pure parts: the request from the URL state, the state from the form (with
 * its errors), and every table, summary and export the page shows (the charts draw the same figures).
 */
import type { TableSpec } from '../components/DataTable';
import { buildCsv, OGL_ATTRIBUTION } from '../format/csv';
import { formatValue, roundTo } from '../format/format-value';
import type { ForecastPageQuery, ForecastPageQueryVariables } from '../gql/graphql';
import {
  DEFAULT_FORECAST_STATE,
  FORECAST_METHODS,
  FORECAST_SETTINGS,
  type ForecastAreaChoice,
  type ForecastMethodChoice,
  type ForecastSetting,
  type ForecastState,
  settingValue,
} from '../routing/forecast-state';
import { peerSelector, type UrlState } from '../routing/url-state';

export type ForecastData = ForecastPageQuery['forecast'];
type Groups = ForecastData['base'];

/** The placement groups in display order, as the API names them. */
export const GROUPS: readonly { key: keyof Groups; label: string; short: string }[] = [
  { key: 'mainstream', label: 'Mainstream (incl. resourced provision and SEN units)', short: 'Mainstream' },
  { key: 'stateSpecial', label: 'State-funded special', short: 'State special' },
  { key: 'independentSpecial', label: 'Independent and non-maintained special', short: 'Independent special' },
  { key: 'post16', label: 'Post-16 and further education', short: 'Post-16 and FE' },
  { key: 'other', label: 'Other or none', short: 'Other or none' },
];

const COUNT = { unit: 'COUNT', decimals: 0 } as const;
export const plans = (n: number | null | undefined) => formatValue(n, 'value', COUNT);
export const pounds = (n: number | null | undefined) => formatValue(n, 'value', { unit: 'GBP', decimals: 0 });
/** £ in millions for tables and prose: "£276.1m" (the CSV keeps whole pounds). */
export const millions = (n: number | null | undefined) => (n === null || n === undefined ? 'x' : `${n < 0 ? '−' : ''}£${formatValue(Math.abs(n) / 1e6, 'value', { unit: 'COUNT', decimals: 1 })}m`);
const percent = (n: number | null | undefined, decimals = 1) => formatValue(n === null || n === undefined ? n : n * 100, 'value', { unit: 'PERCENT', decimals });
/** A financial-year code as written: 202526 → "2025-26". */
export const financialYear = (code: number) => `${Math.floor(code / 100)}-${String(code % 100).padStart(2, '0')}`;
const whole = (n: number | null | undefined) => (n === null || n === undefined ? 'x' : roundTo(n, 0));

/** What the forecast is for: the choice (the chosen LA when there is one, else England), and the API's area. */
export function forecastArea(state: Pick<UrlState, 'la' | 'peers' | 'custom' | 'savedSet' | 'forecast'>): { choice: ForecastAreaChoice; area: ForecastPageQueryVariables['area']; fellBack: boolean } {
  const choice = state.forecast.area ?? (state.la ? 'la' : 'england');
  if (choice === 'la' && state.la) return { choice, area: { laCode: state.la }, fellBack: false };
  const peers = choice === 'set' ? peerSelector(state) : undefined;
  if (peers) return { choice, area: { peers }, fellBack: false };
  return { choice: 'england', area: { england: true }, fellBack: choice !== 'england' };
}

/** The API variables of the page's one request (levers and rates from the URL's percentages). */
export function forecastVariables(state: Pick<UrlState, 'la' | 'peers' | 'custom' | 'savedSet' | 'forecast'>): ForecastPageQueryVariables {
  const f = state.forecast;
  return {
    area: forecastArea(state).area,
    levers: { diversionToSenSupport: f.divert / 100, specialToMainstream: f.move / 100, ceaseRateChange: f.cease / 100, growthCap: f.cap === undefined ? null : f.cap / 100 },
    upratingRate: f.uprate / 100,
    newPlansGrowth: f.growth / 100,
    senSupportCost: f.senCost,
    method: f.method ? (f.method.toUpperCase() as 'TREND' | 'COHORT') : null,
    // The chosen authority's name labels the form; without one the field is skipped (the code is a placeholder).
    laCode: state.la ?? '000',
    hasLa: Boolean(state.la),
  };
}

/** The comparator sets as the form names them. */
export const SET_NAMES: Readonly<Record<UrlState['peers'], string>> = {
  sn: 'its statistical neighbours',
  region: 'its region',
  dbv: 'the DBV in SEND cohort (all tranches)',
  'dbv-1': 'DBV in SEND tranche 1',
  'dbv-2': 'DBV in SEND tranche 2',
  'dbv-3': 'DBV in SEND tranche 3',
  'safety-valve': 'the Safety Valve authorities',
  england: 'all authorities in England, summed',
  custom: 'your own set',
  saved: 'your saved comparator set',
};

/** Each setting's form control, label and the words of its error. */
export const FORECAST_CONTROLS: Readonly<Record<ForecastSetting, { id: string; label: string; hint: string; error: string; suffix?: string; prefix?: string; step: string }>> = {
  divert: { error: 'Enter the share of new plans met at SEN support as a number from 0 to 65', id: 'forecast-divert', label: 'New plans whose needs are met at SEN support instead', hint: 'Share of new EHC plans, 0 to 65%. The DBV insight report found 65% of children could have their needs met more effectively.', suffix: '%', step: '1' },
  move: { error: 'Enter the share of new special placements met in mainstream as a number from 0 to 100', id: 'forecast-move', label: 'New special placements met in mainstream instead', hint: 'Share of new state-funded and independent special placements met in mainstream or resourced provision, 0 to 100%.', suffix: '%', step: '1' },
  cease: { error: 'Enter the change in the cease rate as a number from −50 to 50', id: 'forecast-cease', label: 'Change in the rate at which plans cease', hint: 'Relative change, −50 to 50%: 20 means a fifth more plans cease each year.', suffix: '%', step: '1' },
  cap: { error: 'Enter the cap on annual growth as a number from 0 to 100, or leave it empty', id: 'forecast-cap', label: 'Cap on the annual growth of plans (optional)', hint: 'At most this much growth a year, 0 to 100%. Leave empty for no cap.', suffix: '%', step: '0.1' },
  uprate: { error: 'Enter the annual uprating as a number from −50 to 50', id: 'forecast-uprate', label: 'Annual uprating of unit costs', hint: 'From 2021-22 prices, −50 to 50% a year (default 3%).', suffix: '%', step: '0.1' },
  growth: { error: 'Enter the annual growth of new plans as a number from −50 to 50', id: 'forecast-growth', label: 'Annual growth of new plans (cohort model)', hint: 'New plans each year after the latest, −50 to 50% (default 0: they stay at the latest year’s number). Used in the cohort model and its backtest.', suffix: '%', step: '0.1' },
  senCost: { error: 'Enter the SEN support cost as a number of pounds from 0 to 50,000', id: 'forecast-sscost', label: 'Cost a year of meeting a diverted child’s needs at SEN support', hint: 'In 2021-22 pounds, 0 to 50,000 (default £6,000, the most a school meets from its notional SEN budget before top-up funding). Taken off the saving.', prefix: '£', step: '100' },
};

export interface FormError {
  /** The control's id, for the error summary's link. */
  id: string;
  message: string;
}

/** The forecast state a submitted form asks for, or the errors that stop it (each naming its control). */
export function readForecastForm(form: FormData): { forecast?: ForecastState; errors: FormError[] } {
  const errors: FormError[] = [];
  const read = (setting: ForecastSetting, optional = false): number | undefined => {
    const text = String(form.get(FORECAST_SETTINGS[setting].param) ?? '').trim();
    if (optional && text === '') return undefined;
    const value = settingValue(setting, text);
    if (value === undefined) errors.push({ id: FORECAST_CONTROLS[setting].id, message: FORECAST_CONTROLS[setting].error });
    return value;
  };
  const area = String(form.get('area') ?? '') as ForecastAreaChoice;
  const method = String(form.get('method') ?? '');
  const forecast: ForecastState = {
    area: ['la', 'set', 'england'].includes(area) ? area : undefined,
    divert: read('divert') ?? DEFAULT_FORECAST_STATE.divert,
    move: read('move') ?? DEFAULT_FORECAST_STATE.move,
    cease: read('cease') ?? DEFAULT_FORECAST_STATE.cease,
    cap: read('cap', true),
    uprate: read('uprate') ?? DEFAULT_FORECAST_STATE.uprate,
    growth: read('growth') ?? DEFAULT_FORECAST_STATE.growth,
    senCost: read('senCost') ?? DEFAULT_FORECAST_STATE.senCost,
    method: (FORECAST_METHODS as readonly string[]).includes(method) ? (method as ForecastMethodChoice) : undefined,
  };
  return errors.length ? { errors } : { forecast, errors };
}

/** The form control an API error's `field` names ("levers.growthCap" → the cap's input). */
export function controlOfField(field: string | undefined): string | undefined {
  const controls: Record<string, ForecastSetting> = {
    'levers.diversionToSenSupport': 'divert',
    'levers.specialToMainstream': 'move',
    'levers.ceaseRateChange': 'cease',
    'levers.growthCap': 'cap',
    upratingRate: 'uprate',
    newPlansGrowth: 'growth',
    senSupportCost: 'senCost',
  };
  const setting = field ? controls[field] : undefined;
  return setting ? FORECAST_CONTROLS[setting].id : undefined;
}

const METHOD_LABEL: Record<string, string> = { TREND: 'trend model', COHORT: 'cohort model', trend: 'Trend model', cohort: 'Cohort model', naiveDrift: 'Naive drift (for comparison)' };
export const methodLabel = (method: string) => METHOD_LABEL[method] ?? method;

/** The headline in plain words: plans at the last projected January, with and without the levers, and what the levers save. */
export function forecastSummary(f: ForecastData): string {
  const last = f.years[f.years.length - 1];
  if (!last) return `No projection for ${f.label}.`;
  const u = last.unmitigated;
  const m = last.mitigated;
  const levers = Math.abs(u.point - m.point) > 0.5 || (last.spendDifference ?? 0) !== 0;
  const spend = u.spend === null ? '' : ` High-needs top-up spend implied by those plans: ${millions(u.spend)} in ${financialYear(last.financialYear)}.`;
  const mitigated = levers
    ? ` With the levers: ${plans(m.point)} plans (${plans(last.cumulativePlansDifference)} fewer plan-years over five years)${
        last.cumulativeNetSpendDifference === null ? '.' : `; ${millions(last.cumulativeSpendDifference)} less high-needs spend over five years, ${millions(last.cumulativeNetSpendDifference)} after the cost of SEN support for diverted needs.`
      }`
    : ' No lever is set, so the mitigated case is the same.';
  return `${f.label}: ${plans(f.baseTotal)} EHC plans at January ${f.baseYear}; projected ${plans(u.point)} at January ${last.year} (80% interval ${plans(u.lower80)} to ${plans(u.upper80)}; 95% interval ${plans(u.lower95)} to ${plans(u.upper95)}), by the ${methodLabel(f.method)}.${spend}${mitigated}`;
}

/** Plans by January: observed, then projected with intervals, with and without the levers. */
export function plansTable(f: ForecastData): TableSpec {
  const blank = { text: '', csv: '' };
  const later = new Map(f.laterObservedPlans.map((p) => [p.period, p.value]));
  return {
    caption: `EHC plans at January: ${f.label}, observed and projected (number)`,
    columns: [
      { header: 'January' },
      { header: 'Observed', numeric: true },
      { header: 'Projected', numeric: true },
      { header: '80% interval from', numeric: true },
      { header: '80% interval to', numeric: true },
      { header: '95% interval from', numeric: true },
      { header: '95% interval to', numeric: true },
      { header: 'With the levers', numeric: true },
      { header: 'Difference', numeric: true },
      { header: 'Cumulative difference', numeric: true },
    ],
    rows: [
      ...f.observedPlans.map((p) => ({
        key: `observed-${p.period}`,
        cells: [{ text: `January ${p.period}`, csv: p.period }, { text: p.value === null ? 'x' : plans(p.value), csv: p.value === null ? 'x' : p.value }, ...Array.from({ length: 8 }, () => blank)],
      })),
      ...f.years.map((y) => {
        const observed = later.get(y.year);
        const cell = (n: number) => ({ text: plans(n), csv: whole(n) });
        return {
          key: `projected-${y.year}`,
          cells: [
            { text: `January ${y.year}`, csv: y.year },
            observed === undefined ? blank : { text: observed === null ? 'x' : `${plans(observed)} (not fitted)`, csv: observed ?? 'x' },
            cell(y.unmitigated.point),
            cell(y.unmitigated.lower80),
            cell(y.unmitigated.upper80),
            cell(y.unmitigated.lower95),
            cell(y.unmitigated.upper95),
            cell(y.mitigated.point),
            cell(y.plansDifference),
            cell(y.cumulativePlansDifference),
          ],
        };
      }),
    ],
  };
}

/** Plans by placement group at the base January and each projected one, without and with the levers. */
export function groupsTable(f: ForecastData): TableSpec {
  const row = (key: string, january: string, scenario: string, groups: Groups, total: number) => ({
    key,
    cells: [
      { text: january, csv: january },
      { text: scenario, csv: scenario },
      ...GROUPS.map((g) => ({ text: plans(groups[g.key]), csv: whole(groups[g.key]) })),
      { text: plans(total), csv: whole(total) },
    ],
  });
  return {
    caption: `EHC plans by placement group: ${f.label} (number; groups held at January ${f.baseYear}’s shares)`,
    columns: [{ header: 'January' }, { header: 'Case' }, ...GROUPS.map((g) => ({ header: g.short, numeric: true })), { header: 'Total', numeric: true }],
    rows: [
      row(`base`, `January ${f.baseYear}`, 'Observed', f.base, f.baseTotal),
      ...f.years.flatMap((y) => [
        row(`u-${y.year}`, `January ${y.year}`, 'Projected', y.unmitigated.groups, y.unmitigated.point),
        row(`m-${y.year}`, `January ${y.year}`, 'With the levers', y.mitigated.groups, y.mitigated.point),
      ]),
    ],
  };
}

/** Actual 1.2.x spend by financial year beside the spend the projected plans imply, with and without the levers. */
export function spendTable(f: ForecastData): TableSpec {
  const money = (n: number | null | undefined) => ({ text: n === null || n === undefined ? '' : millions(n), csv: n === null || n === undefined ? '' : whole(n) });
  const baseYear = f.baseYear;
  const baseFinancialYear = (baseYear - 1) * 100 + (baseYear % 100);
  const actual = new Map(f.actualSpend.map((p) => [p.period, p.value]));
  const projected = new Map(f.years.map((y) => [y.financialYear, y]));
  const periods = [...new Set([...f.actualSpend.map((p) => p.period), baseFinancialYear, ...f.years.map((y) => y.financialYear)])].sort((a, b) => a - b);
  return {
    caption: `High-needs spend: ${f.label}, actual S251 1.2.x and implied by the projected plans (£; the CSV in whole pounds)`,
    columns: [
      { header: 'Financial year' },
      { header: 'Actual 1.2.x', numeric: true },
      { header: 'Implied by plans', numeric: true },
      { header: 'With the levers', numeric: true },
      { header: 'Difference', numeric: true },
      { header: 'SEN support cost', numeric: true },
      { header: 'Net difference', numeric: true },
      { header: 'Cumulative net difference', numeric: true },
    ],
    rows: periods.map((period) => {
      const y = projected.get(period);
      const a = actual.has(period) ? actual.get(period) : undefined;
      return {
        key: String(period),
        cells: [
          { text: financialYear(period), csv: financialYear(period) },
          a === undefined ? money(undefined) : a === null ? { text: 'x', csv: 'x' } : money(a),
          money(y ? y.unmitigated.spend : period === baseFinancialYear ? f.baseSpend : undefined),
          money(y?.mitigated.spend),
          money(y?.spendDifference),
          money(y?.senSupportSpend),
          money(y?.netSpendDifference),
          money(y?.cumulativeNetSpendDifference),
        ],
      };
    }),
  };
}

/** The backtest: each method fitted to January 2022 or earlier, its forecasts of 2023–2025 and scores. */
export function backtestTable(f: ForecastData): TableSpec {
  const years = f.backtest.scoredYears;
  const actual = f.backtest.scores.find((s) => s.points.length)?.points ?? [];
  const dp = (n: number | null | undefined, d: number) => (n === null || n === undefined ? { text: '', csv: '' } : { text: formatValue(n, 'value', { unit: 'COUNT', decimals: d }), csv: roundTo(n, d) });
  return {
    caption: `Backtest: fitted to January ${f.backtest.cutoffYear} or earlier, scored on January ${years.join(', ')}`,
    columns: [{ header: 'Method' }, ...years.map((y) => ({ header: `January ${y}`, numeric: true })), { header: 'MAPE (%)', numeric: true }, { header: 'MASE', numeric: true }, { header: 'Note' }],
    rows: [
      ...f.backtest.scores.map((s) => ({
        key: s.method,
        cells: [
          { text: methodLabel(s.method), csv: methodLabel(s.method) },
          ...years.map((y) => {
            const p = s.points.find((q) => q.year === y);
            return p ? { text: plans(p.forecast), csv: whole(p.forecast) } : { text: '', csv: '' };
          }),
          dp(s.mape, 2),
          dp(s.mase, 3),
          { text: s.notScored ? `Not scored: ${s.notScored}` : '', csv: s.notScored ? `Not scored: ${s.notScored}` : '' },
        ],
      })),
      {
        key: 'published',
        cells: [
          { text: 'Published', csv: 'Published' },
          ...years.map((y) => {
            const p = actual.find((q) => q.year === y);
            return p ? { text: plans(p.actual), csv: p.actual } : { text: '', csv: '' };
          }),
          { text: '', csv: '' },
          { text: '', csv: '' },
          { text: f.backtest.maseScale === null ? '' : `MASE scale: ${plans(f.backtest.maseScale)} plans a year`, csv: f.backtest.maseScale === null ? '' : `MASE scale ${roundTo(f.backtest.maseScale, 1)}` },
        ],
      },
    ],
  };
}

/** Unit costs per placement group, whose figures they are, and why England's where used. */
export function unitCostTable(f: ForecastData): TableSpec {
  return {
    caption: 'Unit costs: S251 2021-22 top-up outturn ÷ plans at January 2022 (£ per plan a year, 2021-22 prices)',
    columns: [{ header: 'Placement group' }, { header: '£ per plan', numeric: true }, { header: 'Whose figures' }, { header: 'Outturn', numeric: true }, { header: 'Plans', numeric: true }],
    rows: f.unitCosts.map((c) => ({
      key: c.group,
      cells: [
        { text: c.label, csv: c.label },
        { text: pounds(c.perPlan), csv: roundTo(c.perPlan, 0) },
        { text: c.source === 'area' ? 'This area’s' : `England’s: ${c.reason ?? ''}`, csv: c.source === 'area' ? 'area' : `england: ${c.reason ?? ''}` },
        { text: millions(c.outturn), csv: whole(c.outturn) },
        { text: plans(c.plans), csv: whole(c.plans) },
      ],
    })),
  };
}

/** The cohort model's rates by age band. */
export function cohortTable(f: ForecastData): TableSpec {
  const start = f.cohortStartYear ?? 0;
  return {
    caption: `Cohort model: rates by age from January ${start} to January ${start + 1}`,
    columns: [{ header: 'Age' }, { header: 'Transition ratio', numeric: true }, { header: 'Cease rate', numeric: true }, { header: `New plans in ${start}`, numeric: true }],
    rows: f.cohortBands.map((b) => ({
      key: b.label,
      cells: [
        { text: b.label, csv: b.label },
        { text: formatValue(b.transitionRatio, 'value', { unit: 'COUNT', decimals: 3 }), csv: roundTo(b.transitionRatio, 4) },
        { text: percent(b.ceaseRate), csv: roundTo(b.ceaseRate, 4) },
        { text: plans(b.newPlans), csv: whole(b.newPlans) },
      ],
    })),
  };
}

const ASSUMPTION_LABELS: Record<string, string> = {
  method: 'Method',
  trendFromYear: 'Trend fitted from January',
  trendAnnualGrowth: 'Trend growth a year',
  trendResidualStandardError: 'Trend residual standard error (log scale)',
  newPlanRate: 'New plans ÷ plans at the start of the year',
  ceaseRate: 'Plans ceased ÷ plans at the start of the year',
  newPlansGrowth: 'Growth of new plans a year (cohort model)',
  placementShares: 'Placement shares',
  newPlacementShares: 'Placement of new plans',
  intervals: 'Prediction intervals',
  diversionToSenSupport: 'New plans met at SEN support instead',
  specialToMainstream: 'New special placements met in mainstream instead',
  ceaseRateChange: 'Change in the cease rate',
  growthCap: 'Cap on annual growth',
  upratingRate: 'Uprating of unit costs a year',
  senSupportCost: 'SEN support cost a child a year (2021-22 £)',
  unitCostLines: 'Unit cost lines',
  cohortInputs: 'Cohort model’s transition year',
  cohortBacktestInputs: 'Cohort model in the backtest',
};
const SHARES = new Set(['trendAnnualGrowth', 'newPlanRate', 'ceaseRate', 'newPlansGrowth', 'diversionToSenSupport', 'specialToMainstream', 'ceaseRateChange', 'growthCap', 'upratingRate']);

function assumptionValue(id: string, value: string | null): string {
  if (value === null) return id === 'growthCap' ? 'none' : 'not available';
  const n = Number(value);
  if (!Number.isFinite(n) || value.trim() === '') return value;
  if (SHARES.has(id)) return percent(n, 2);
  if (id === 'senSupportCost') return pounds(n);
  if (id === 'trendResidualStandardError') return formatValue(n, 'value', { unit: 'COUNT', decimals: 4 });
  return value;
}

/** Every assumption with its value and source. */
export function assumptionsTable(f: ForecastData): TableSpec {
  return {
    caption: 'Assumptions and their sources',
    columns: [{ header: 'Assumption' }, { header: 'Value' }, { header: 'What it is' }, { header: 'Source' }],
    rows: f.assumptions.map((a) => ({
      key: a.id,
      cells: [
        { text: ASSUMPTION_LABELS[a.id] ?? a.id, csv: a.id },
        { text: assumptionValue(a.id, a.value), csv: a.value ?? '' },
        { text: a.description, csv: a.description },
        { text: a.source, csv: a.source },
      ],
    })),
  };
}

/** The sources every export names. */
export const FORECAST_SOURCES =
  'DfE, Education, health and care plans, reporting years 2022, 2025 and 2026 (SEN2); DfE, LA and school expenditure (Section 251 outturn), 2017-18 to 2024-25 and the 2021-22 high-needs lines';

/** Every table of the page in one CSV: each table under its caption, then the request, data version, caveats, sources and the OGL attribution. */
export function forecastCsv(f: ForecastData, dataVersion: string, address: string): string {
  const tables = [plansTable(f), groupsTable(f), spendTable(f), backtestTable(f), unitCostTable(f), ...(f.cohortBands.length ? [cohortTable(f)] : []), assumptionsTable(f)];
  const width = Math.max(...tables.map((t) => t.columns.length));
  const rows: (string | number | null | undefined)[][] = [];
  for (const table of tables) {
    rows.push([table.caption], table.columns.map((c) => c.header), ...table.rows.map((r) => r.cells.map((c) => c.csv)), []);
  }
  return buildCsv({
    header: [`Forecast of EHC plans and high-needs spend: ${f.label}`, ...Array.from({ length: width - 1 }, () => '')],
    rows,
    notes: [`Method: ${methodLabel(f.method)} (${f.methodReason})`, `View: ${address}`, `Data version: ${dataVersion}`, ...f.caveats, `Sources: ${FORECAST_SOURCES}`],
  });
}

/** The whole answer, the request that produced it and where it came from, as a JSON document. */
export function forecastJson(f: ForecastData, dataVersion: string, variables: ForecastPageQueryVariables, address: string): string {
  return `${JSON.stringify({ title: `Forecast of EHC plans and high-needs spend: ${f.label}`, view: address, dataVersion, request: variables, sources: FORECAST_SOURCES, licence: OGL_ATTRIBUTION, forecast: f }, null, 2)}\n`;
}
