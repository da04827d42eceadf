import type { ReactNode } from 'react';
import { OGL_ATTRIBUTION, slug } from '../format/csv';
import { DataTable, downloadTableCsv, type TableSpec } from './DataTable';

export interface TablePanelProps {
  id: string;
  title: string;
  /** What the table shows, in a sentence or two. */
  summary?: ReactNode;
  table: TableSpec;
  source: string;
  /** Lines for the CSV after the source (method, parameters, data version). */
  csvNotes?: readonly string[];
  /** Shown under the table. */
  after?: ReactNode;
  /** Puts a long table behind a GOV.UK details element with this summary. */
  collapsed?: string;
}

/** A table with no chart (figures a reader checks by hand), with a CSV download that carries the source and the OGL attribution. */
export function TablePanel({ id, title, summary, table, source, csvNotes = [], after, collapsed }: TablePanelProps) {
  return (
    <section className="sb-panel" aria-labelledby={`${id}-title`}>
      <h2 className="govuk-heading-m" id={`${id}-title`}>
        {title}
      </h2>
      {summary && <p className="govuk-body sb-summary">{summary}</p>}
      {collapsed ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{collapsed}</span>
          </summary>
          <div className="govuk-details__text">
            <DataTable table={table} />
          </div>
        </details>
      ) : (
        <DataTable table={table} />
      )}
      {after}
      <div className="sb-downloads">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => downloadTableCsv(table, slug(title), [title, `Source: ${source}`, ...csvNotes])}>
          Download CSV<span className="govuk-visually-hidden"> of {title}</span>
        </button>
      </div>
      <p className="govuk-body-s sb-source">
        Source: {source}. {OGL_ATTRIBUTION}
      </p>
    </section>
  );
}
