import { usePageQuery } from '../api/hooks';
import { DataPageQuery } from '../api/operations';
import { ErrorState, LoadingState } from '../components/QueryStatus';
import { usePageTitle } from '../components/use-page-title';
import { OGL_ATTRIBUTION } from '../format/csv';
import { EXAMPLE_QUERIES } from './example-queries';

function curlOf(endpoint: string, query: string): string {
  const body = JSON.stringify({ query: query.replace(/\s+/g, ' ') });
  return `curl -s ${endpoint} -H 'content-type: application/json' -d '${body.replace(/'/g, "'\\''")}'`;
}

/** Data: the imported releases with provenance, the API endpoint and example queries. */
export default function DataPage() {
  usePageTitle('Data sources and API');
  const { data, fetching, error, retry } = usePageQuery(DataPageQuery, {});
  const endpoint = `${window.location.origin}/graphql`;
  const incomplete = data?.peerGroups.filter((g) => g.listIncomplete) ?? [];
  return (
    <>
      <h1 className="govuk-heading-xl">Data sources and API</h1>
      <p className="govuk-body-l">Every figure comes from an imported official file. The same figures are available to scripts through the GraphQL API.</p>
      <p className="govuk-body">{OGL_ATTRIBUTION}</p>

      <h2 className="govuk-heading-l">The API</h2>
      <p className="govuk-body">
        Endpoint: <code className="sb-code-inline">{endpoint}</code> (GraphQL over HTTP POST with a JSON body). The schema is committed as{' '}
        <code>packages/schema/schema.graphql</code>; every type and field is described there. A server run in trusted-documents mode accepts only
        the dashboard’s own operations, so ad-hoc queries like these need a server in the default open mode.
      </p>
      {EXAMPLE_QUERIES.map((example) => (
        <details className="govuk-details" key={example.title}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{example.title}</span>
          </summary>
          <div className="govuk-details__text">
            <pre className="sb-code" tabIndex={0} aria-label={`GraphQL query: ${example.title}`}>
              <code>{example.query}</code>
            </pre>
            <p className="govuk-body-s">From a terminal:</p>
            <pre className="sb-code" tabIndex={0} aria-label={`curl command: ${example.title}`}>
              <code>{curlOf(endpoint, example.query)}</code>
            </pre>
          </div>
        </details>
      ))}

      <h2 className="govuk-heading-l">Programme lists</h2>
      {incomplete.length > 0 ? (
        <ul className="govuk-list govuk-list--bullet">
          {incomplete.map((g) => (
            <li key={g.id}>
              <strong>{g.label}</strong> is known to be incomplete{g.note ? `: ${g.note}` : '.'}
            </li>
          ))}
        </ul>
      ) : (
        !fetching && <p className="govuk-body">No programme list is flagged as incomplete.</p>
      )}

      <h2 className="govuk-heading-l">Imported releases</h2>
      {error && <ErrorState error={error} retry={retry} />}
      {fetching && !data && <LoadingState what="the list of releases" />}
      {data && (
        <>
          <p className="govuk-body">
            {data.releases.length} files imported; data version {data.dataVersion}. The SHA-256 identifies each file’s exact bytes.
          </p>
          <div className="sb-table-scroll" role="region" aria-label="Imported releases" tabIndex={0}>
            <table className="govuk-table sb-table sb-releases">
              <caption className="govuk-table__caption govuk-table__caption--s">Imported releases, newest first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {['Id', 'File, publication and SHA-256', 'Rows read', 'Rows loaded', 'Figures', 'Imported', 'Status'].map((h) => (
                    <th key={h} scope="col" className="govuk-table__header">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {data.releases.map((r) => (
                  <tr className="govuk-table__row" key={r.id}>
                    <td className="govuk-table__cell">{r.id}</td>
                    <th scope="row" className="govuk-table__header">
                      <code>{r.fileName}</code>
                      <br />
                      <span className="govuk-body-s">{r.publication}</span>
                      <br />
                      <span className="govuk-body-s">
                        SHA-256 <code className="sb-hash">{r.sha256}</code>
                      </span>
                      {r.warnings.length > 0 && (
                        <ul className="govuk-list govuk-body-s govuk-!-margin-top-1">
                          {r.warnings.map((w) => (
                            <li key={w}>Note: {w}</li>
                          ))}
                        </ul>
                      )}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.rowsRead.toLocaleString('en-GB')}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.rowsLoaded.toLocaleString('en-GB')}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.observations.toLocaleString('en-GB')}</td>
                    <td className="govuk-table__cell">{new Date(r.importedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC</td>
                    <td className="govuk-table__cell">{r.status === 'superseded' ? `Superseded by ${r.supersededBy}` : r.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
