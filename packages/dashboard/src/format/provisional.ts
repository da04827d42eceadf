import { formatCount, formatValue, ordinal, type ValueFormat } from './format-value';

/** An upload's date as pages show it beside a provisional figure: "7 December 2026". */
export function provisionalDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** What a provisional figure's mark says in words, for tables, summaries and the legend. */
export function provisionalNote(figure: { upload: { uploadedAt: string; version: number; sharedWithDfe: boolean } }): string {
  return `provisional (upload version ${figure.upload.version}, ${provisionalDate(figure.upload.uploadedAt)}${figure.upload.sharedWithDfe ? ', shared with DfE' : ''}; not published)`;
}

/** The parts of a provisional figure its sentence uses (the API's ProvisionalFigure). */
export interface ProvisionalFigureLike {
  value?: number | null;
  status: string;
  wouldRank?: number | null;
  rankOutOf: number;
  upload: { uploadedAt: string };
}

/**
 * The sentence that says an LA's provisional figure in words, on the compare page and beside the map:
 * its value, its upload's date, and where it would rank against the other authorities' published figures.
 */
export function provisionalSentence(name: string, figure: ProvisionalFigureLike, format: ValueFormat): string {
  return figure.value !== null && figure.value !== undefined
    ? `${name}'s provisional figure (P, uploaded ${provisionalDate(figure.upload.uploadedAt)}, not published) is ${formatValue(figure.value, 'value', format)}: it would rank ${ordinal(figure.wouldRank ?? 0)} of ${formatCount(figure.rankOutOf)} against the others' published figures.`
    : `${name}'s provisional upload has no figure here (${figure.status}).`;
}
