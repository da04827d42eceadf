/**
 * When each programme cohort started: one entry per DBV in SEND tranche and per Safety Valve
 * agreement year, with what is actually known, where it comes from and how uncertain it is. The
 * evaluation splits every authority's series at its cohort's start; a user may override any start.
 *
 * Sources held offline (../shared/data/reference/programme_membership.json lists the first three):
 * - gov.uk, "Dedicated schools grant: very high deficit intervention" (the Safety Valve agreements
 *   page): first published 19 March 2021; "4 in the 2023 to 2024 financial year, 20 in 2022 to
 *   2023, 9 in 2021 to 2022, 5 in 2020 to 2021"; the four 2023-24 agreements added 21 March 2024.
 * - DfE, DBV in SEND grant determination letter, November 2023, Annex A (tranches 1 and 2).
 * - dbvinsend.com, "About" and "Findings from Phase One": Phase One "began in 2022 and finished in
 *   May 2024", 54 local areas in three tranches (20 / 22 / 12); tranches 1 and 2 had completed their
 *   diagnostics while tranche 3 was still undertaking its own.
 * - A written parliamentary answer of 7 November 2022 (Claire Coutinho): "Any agreements that the department makes
 *   [in 2022/23] will be published on gov.uk in March 2023"; Slough Council's press release of
 *   16 March 2023 confirms its 2022-23 agreement.
 * - Press reports (The Observer, 2023) that DfE contracted Newton Europe to deliver DBV in June 2022.
 *
 * No source held offline gives the month any DBV tranche began its diagnostic: those months are
 * assumptions from the programme's timetable, marked `precision: 'assumed'` or
 * `'calendar_year'`, and every answer that uses them says so.
 */

export type ProgrammeId = 'dbv' | 'safety_valve';

/**
 * How much of a start is known.
 * - `month`: the month is published (the day may not be);
 * - `financial_year`: only the financial year is known, the month is an assumption;
 * - `calendar_year`: only the calendar year is known, the month is an assumption;
 * - `assumed`: not even the year is published in the sources held; the month is an assumption
 *   from the programme's order and end date.
 */
export type StartPrecision = 'month' | 'financial_year' | 'calendar_year' | 'assumed';

export interface ProgrammeStart {
  /** The cohort's id in the API and URLs: "dbv:1", "safety_valve:2020-21". */
  readonly id: string;
  readonly programme: ProgrammeId;
  /** The cohort key in the imported programme membership: DBV tranche "1", agreement year "2020-21". */
  readonly cohort: string;
  readonly label: string;
  /** The start used: year and month (1–12). */
  readonly year: number;
  readonly month: number;
  readonly precision: StartPrecision;
  /** What the sources say, in a sentence. */
  readonly known: string;
  /** Where it comes from. */
  readonly source: string;
  /** How wrong the start could be, and what that does to an estimate. */
  readonly uncertainty: string;
}

const SAFETY_VALVE_PAGE = 'gov.uk, "Dedicated schools grant: very high deficit intervention" (https://www.gov.uk/government/publications/dedicated-schools-grant-very-high-deficit-intervention)';
const DBV_SITE = 'dbvinsend.com, "About" and "Findings from Phase One"; DfE DBV grant determination letter, November 2023, Annex A';
const SAFETY_VALVE_TIMING =
  'Reforms may have begun during the negotiation, months before the agreement, and funding is paid in instalments over five or more years, so an effect, if any, need not begin at the agreement.';
const DBV_TIMING =
  'A tranche started with a diagnostic lasting some months; the plans it produced were implemented afterwards, so an effect, if any, would begin later still. Members of one tranche did not all start on the same day.';

/** Every cohort start, DBV tranches first, then Safety Valve agreement years. */
export const PROGRAMME_STARTS: readonly ProgrammeStart[] = [
  {
    id: 'dbv:1',
    programme: 'dbv',
    cohort: '1',
    label: 'DBV in SEND tranche 1',
    year: 2022,
    month: 9,
    precision: 'calendar_year',
    known: 'Phase One of DBV in SEND began in 2022 (DfE contracted Newton Europe in June 2022), and tranche 1 went first; the month its diagnostics began is not published in the sources held.',
    source: DBV_SITE,
    uncertainty: `Assumed September 2022 (autumn 2022): plausibly any month from July to December 2022. ${DBV_TIMING}`,
  },
  {
    id: 'dbv:2',
    programme: 'dbv',
    cohort: '2',
    label: 'DBV in SEND tranche 2',
    year: 2023,
    month: 1,
    precision: 'assumed',
    known: 'Tranche 2 followed tranche 1 and had completed its diagnostics by the grant determination letter of November 2023; no start month is published in the sources held.',
    source: DBV_SITE,
    uncertainty: `Assumed January 2023 (winter 2022-23): plausibly from autumn 2022 to spring 2023. ${DBV_TIMING}`,
  },
  {
    id: 'dbv:3',
    programme: 'dbv',
    cohort: '3',
    label: 'DBV in SEND tranche 3',
    year: 2023,
    month: 9,
    precision: 'assumed',
    known: 'Tranche 3 was undertaking its diagnostics after tranches 1 and 2 had finished theirs; Phase One ended in May 2024. No start month is published in the sources held.',
    source: DBV_SITE,
    uncertainty: `Assumed September 2023: plausibly from spring 2023 to early 2024. ${DBV_TIMING} Only 4 of the 12 tranche 3 authorities are named offline.`,
  },
  {
    id: 'safety_valve:2020-21',
    programme: 'safety_valve',
    cohort: '2020-21',
    label: 'Safety Valve agreements 2020-21',
    year: 2021,
    month: 3,
    precision: 'month',
    known: 'The first five agreements (financial year 2020-21) were published on gov.uk on 19 March 2021.',
    source: SAFETY_VALVE_PAGE,
    uncertainty: `The publication month is known; the signing date may be a few weeks earlier. ${SAFETY_VALVE_TIMING} Tower Hamlets' membership is not confirmed in the sources held.`,
  },
  {
    id: 'safety_valve:2021-22',
    programme: 'safety_valve',
    cohort: '2021-22',
    label: 'Safety Valve agreements 2021-22',
    year: 2022,
    month: 3,
    precision: 'financial_year',
    known: 'Nine agreements were made in the 2021-22 financial year; the date they were added to gov.uk is not in the sources held.',
    source: SAFETY_VALVE_PAGE,
    uncertainty: `Only the financial year is known: March 2022 is assumed, as the agreements of every other year were published in March at the end of their financial year; it could be as early as April 2021. ${SAFETY_VALVE_TIMING}`,
  },
  {
    id: 'safety_valve:2022-23',
    programme: 'safety_valve',
    cohort: '2022-23',
    label: 'Safety Valve agreements 2022-23',
    year: 2023,
    month: 3,
    precision: 'month',
    known: 'DfE said in November 2022 that 2022-23 agreements would be published in March 2023 (written answer, 7 November 2022); Slough announced its agreement on 16 March 2023.',
    source: `${SAFETY_VALVE_PAGE}; written answer of 7 November 2022 (Claire Coutinho); Slough Council press release, 16 March 2023`,
    uncertainty: `The month is known for the year as a whole, not for each agreement. ${SAFETY_VALVE_TIMING} Only 15 of the 20 agreements of 2022-23 are named offline.`,
  },
  {
    id: 'safety_valve:2023-24',
    programme: 'safety_valve',
    cohort: '2023-24',
    label: 'Safety Valve agreements 2023-24',
    year: 2024,
    month: 3,
    precision: 'month',
    known: 'The four 2023-24 agreements (Bracknell Forest, Bristol, Devon, Wiltshire) were added to gov.uk on 21 March 2024.',
    source: SAFETY_VALVE_PAGE,
    uncertainty: `The publication month is known. ${SAFETY_VALVE_TIMING} Bracknell Forest and Bristol had been in DBV tranche 1 first.`,
  },
];

/** A cohort the evaluation can be asked about: one start, or a whole programme (its starts staggered). */
export interface ProgrammeCohort {
  /** "dbv", "dbv:1", …, "safety_valve", "safety_valve:2020-21", … */
  readonly id: string;
  readonly programme: ProgrammeId;
  readonly label: string;
  /** Ids of the starts it covers, in order. */
  readonly starts: readonly string[];
}

const PROGRAMME_LABELS: Readonly<Record<ProgrammeId, string>> = { dbv: 'DBV in SEND (all tranches)', safety_valve: 'Safety Valve (all agreement years)' };

/** Every cohort: each programme whole (staggered starts), then each of its starts alone. */
export const PROGRAMME_COHORTS: readonly ProgrammeCohort[] = (['dbv', 'safety_valve'] as const).flatMap((programme) => {
  const starts = PROGRAMME_STARTS.filter((s) => s.programme === programme);
  return [
    { id: programme, programme, label: PROGRAMME_LABELS[programme], starts: starts.map((s) => s.id) },
    ...starts.map((s) => ({ id: s.id, programme, label: s.label, starts: [s.id] })),
  ];
});

/** The cohort with this id, or undefined. */
export function programmeCohortById(id: string): ProgrammeCohort | undefined {
  return PROGRAMME_COHORTS.find((c) => c.id === id);
}

/** The start with this id, or undefined. */
export function programmeStartById(id: string): ProgrammeStart | undefined {
  return PROGRAMME_STARTS.find((s) => s.id === id);
}
