import type { DatasetDefinition } from '@sendbench/schema';

/** Observations of one file in columns (cheap to build, cheap to send to the database). */
export interface ObservationColumns {
  measure: string[];
  breakdown: string[];
  area: string[];
  period: number[];
  value: (number | null)[];
  status: string[];
}

export interface ObservationFile {
  kind: 'observations';
  dataset: DatasetDefinition;
  /** Latest period in the file. */
  edition: number;
  rowsRead: number;
  rowsLoaded: number;
  observations: ObservationColumns;
  /** E-codes seen for a known LA that the lookup did not list (kept as aliases). */
  newAliases: { code: string; laCode: string }[];
  warnings: string[];
}

export interface LaLookupFile {
  kind: 'la_lookup';
  rowsRead: number;
  authorities: {
    laCode: string;
    name: string;
    onsCode: string;
    sen2Codes: string[];
    regionCode: string;
    isCurrent: boolean;
    firstPeriod: number | null;
    lastPeriod: number | null;
    notes: string | null;
  }[];
  warnings: string[];
}

export interface StatisticalNeighbourFile {
  kind: 'statistical_neighbours';
  model: string;
  rowsRead: number;
  rows: { laCode: string; rank: number; neighbourCode: string; proximity: string }[];
  warnings: string[];
}

export interface ProgrammeFile {
  kind: 'programmes';
  rowsRead: number;
  rows: { programme: 'dbv' | 'safety_valve'; cohort: string; laCode: string; source: string; listIncomplete: boolean; note: string | null }[];
  warnings: string[];
}

export type ParsedFile = ObservationFile | LaLookupFile | StatisticalNeighbourFile | ProgrammeFile;

/** The dataset name recorded on a release for each kind of file. */
export function datasetOf(parsed: ParsedFile): string {
  return parsed.kind === 'observations' ? parsed.dataset.id : parsed.kind;
}

export function editionOf(parsed: ParsedFile): number {
  return parsed.kind === 'observations' ? parsed.edition : 0;
}

export function emptyColumns(): ObservationColumns {
  return { measure: [], breakdown: [], area: [], period: [], value: [], status: [] };
}
