import { type ReactNode, Suspense, useRef, useState } from 'react';
import { OGL_ATTRIBUTION, slug } from '../format/csv';
import { downloadPng, downloadSvg } from '../format/export-image';
import { footnoteLines, type Footnotes } from '../format/notes';
import { Link } from '../routing/router';
import type { View } from '../routing/url-state';
import { DataTable, downloadTableCsv, type TableSpec } from './DataTable';
import { FootnoteList } from './FootnoteList';
import { LoadingState } from './QueryStatus';

export interface ChartPanelProps {
  id: string;
  title: string;
  /** The chart's text alternative: what it shows, in a sentence or two. */
  summary: string;
  view: View;
  /** Address of the same view in chart or table mode. */
  viewHref: (view: View) => string;
  table: TableSpec;
  /** Source, publication and period lines for the CSV and image footers. */
  source: string;
  notes?: readonly string[];
  /** Extra lines for the CSV only (e.g. each metric's full source). */
  csvNotes?: readonly string[];
  /** The chart (drawn only in chart mode). */
  chart: ReactNode;
  /** Shown in both modes under the chart or table (e.g. members with no data). */
  after?: ReactNode;
  /** The key to the chart's marks, shown above it in chart mode. */
  legend?: ReactNode;
  /**
   * True (default) when the chart is one picture: it is exposed as an image with the summary as
   * its text alternative. False when the chart area holds text of its own (profile cards).
   */
  chartIsImage?: boolean;
  /** Data-quality notes on the values shown, numbered as their markers are (listed in both modes, the CSV and images). */
  footnotes?: Footnotes;
}

/**
 * A chart with its table twin, a chart/table switch kept in the URL, and CSV, PNG and SVG
 * downloads that carry the source and the OGL attribution.
 */
export function ChartPanel({ id, title, summary, view, viewHref, table, source, notes = [], csvNotes = [], chart, after, legend, chartIsImage = true, footnotes }: ChartPanelProps) {
  const figure = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string>();
  const fileName = slug(title);
  const noteLines = footnotes ? footnoteLines(footnotes) : [];
  const footer = [`Source: ${source}`, ...notes, ...noteLines, OGL_ATTRIBUTION];
  const csv = () => downloadTableCsv(table, fileName, [title, `Source: ${source}`, ...notes, ...noteLines, ...csvNotes]);
  const image = async (kind: 'png' | 'svg') => {
    setProblem(undefined);
    if (!figure.current) return;
    try {
      if (kind === 'svg') downloadSvg(figure.current, { title, footer }, `${fileName}.svg`);
      else await downloadPng(figure.current, { title, footer }, `${fileName}.png`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The image could not be made.');
    }
  };

  return (
    <section className="sb-panel" aria-labelledby={`${id}-title`}>
      <h2 className="govuk-heading-m" id={`${id}-title`}>
        {title}
      </h2>
      <nav className="sb-view-switch" aria-label={`Show ${title} as`}>
        <ul className="sb-view-switch__list">
          {(['chart', 'table'] as const).map((mode) => (
            <li key={mode}>
              <Link href={viewHref(mode)} className="govuk-link sb-view-switch__link" aria-current={view === mode ? 'true' : undefined}>
                {mode === 'chart' ? 'Chart' : 'Table'}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="govuk-body sb-summary" id={`${id}-summary`}>
        {summary}
      </p>
      {view === 'chart' && legend}
      {view === 'chart' ? (
        <div
          ref={figure}
          className="sb-figure"
          role={chartIsImage ? 'img' : undefined}
          aria-label={chartIsImage ? `${title}. ${summary} The same figures are in the table view.` : undefined}
        >
          <Suspense fallback={<LoadingState what="the chart" />}>{chart}</Suspense>
        </div>
      ) : (
        <DataTable table={table} />
      )}
      {after}
      {footnotes && <FootnoteList footnotes={footnotes} id={id} />}
      <div className="sb-downloads">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={csv}>
          Download CSV<span className="govuk-visually-hidden"> of {title}</span>
        </button>
        {view === 'chart' && (
          <>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void image('png')}>
              Download PNG<span className="govuk-visually-hidden"> of {title}</span>
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void image('svg')}>
              Download SVG<span className="govuk-visually-hidden"> of {title}</span>
            </button>
          </>
        )}
      </div>
      {problem && (
        <p className="govuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <p className="govuk-body-s sb-source">
        Source: {source}. {OGL_ATTRIBUTION}
      </p>
    </section>
  );
}
