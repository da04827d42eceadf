import { DATASETS } from '@sendbench/schema';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { fetchWithCsrf } from '../api/client';
import { usePageQuery } from '../api/hooks';
import { ProvisionalPageQuery, ShareProvisionalUploadMutation, WithdrawProvisionalUploadMutation } from '../api/operations';
import { ErrorState, LoadingState } from '../components/QueryStatus';
import { usePageTitle } from '../components/use-page-title';
import { provisionalDate } from '../format/provisional';

interface UploadProblem {
  row: number;
  column: string;
  message: string;
  value?: string;
}

type Outcome = { kind: 'stored'; version: number; dataset: string } | { kind: 'refused'; message: string; problems: UploadProblem[]; total: number };

const VARIABLES = {};

/** Sends the chosen file as the body of POST /provisional/uploads (text/csv); the server checks it as the importer checks an official file. */
async function sendUpload(file: File): Promise<Outcome> {
  const response = await fetchWithCsrf(`/provisional/uploads?file=${encodeURIComponent(file.name)}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file });
  const body = (await response.json().catch(() => ({}))) as { upload?: { version: number; dataset: string }; errors?: { message: string; extensions?: { issues?: UploadProblem[]; total?: number } }[] };
  if (response.status === 201 && body.upload) return { kind: 'stored', version: body.upload.version, dataset: body.upload.dataset };
  const error = body.errors?.[0];
  return { kind: 'refused', message: error?.message.split('\n')[0] ?? `The upload was refused (HTTP ${response.status}).`, problems: error?.extensions?.issues ?? [], total: error?.extensions?.total ?? 0 };
}

/**
 * Provisional data: an LA user downloads a data set's template (their latest published rows),
 * uploads their own figures in the same format, and shares them with DfE or withdraws them; a DfE
 * analyst sees what LAs shared. Provisional figures are marked wherever they appear.
 */
export default function ProvisionalPage() {
  usePageTitle('Provisional data');
  const { data, fetching, error, retry } = usePageQuery(ProvisionalPageQuery, VARIABLES);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [sending, setSending] = useState(false);
  const [, share] = useMutation(ShareProvisionalUploadMutation.toString());
  const [, withdraw] = useMutation(WithdrawProvisionalUploadMutation.toString());
  const heading = <h1 className="govuk-heading-xl">Provisional data</h1>;
  if (error) return (<>{heading}<ErrorState error={error} retry={retry} /></>);
  if (!data) return (<>{heading}{fetching && <LoadingState what="your uploads" />}</>);
  const { me, provisionalUploads: uploads } = data;
  const isLaUser = me.role === 'LA_USER';

  const onUpload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) {
      setOutcome({ kind: 'refused', message: 'Choose a CSV file to upload.', problems: [], total: 0 });
      return;
    }
    setSending(true);
    setOutcome(await sendUpload(file));
    setSending(false);
    retry();
  };

  return (
    <>
      {heading}
      <p className="govuk-body">
        Provisional figures are an authority&apos;s own, not yet published. They are shown only to that authority&apos;s users and, once it shares them, to DfE analysts; never to anyone else. Wherever one appears it is marked <strong className="sb-provisional-tag">P</strong> (hatched bars,
        dashed lines), with its upload date, and peer statistics (median, quartiles, England, others&apos; ranks) always use published figures only.
      </p>
      {isLaUser && (
        <>
          <h2 className="govuk-heading-l">Upload your figures</h2>
          <p className="govuk-body">Download a data set&apos;s template (your latest published rows in the official format), change or add your rows, and upload it. Only your authority&apos;s rows (LA {me.laCode}) are accepted.</p>
          <ul className="govuk-list govuk-list--bullet">
            {DATASETS.map((d) => (
              <li key={d.id}>
                <a className="govuk-link" href={`/provisional/template?dataset=${d.id}`} download>
                  Template for {d.title} <span className="govuk-visually-hidden">(CSV)</span>
                </a>
              </li>
            ))}
          </ul>
          <form onSubmit={(event) => void onUpload(event)} noValidate>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="provisional-file">
                CSV file
              </label>
              <div className="govuk-hint" id="provisional-file-hint">
                The template&apos;s format, UTF-8, at most 8 MB.
              </div>
              <input className="govuk-file-upload" id="provisional-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="provisional-file-hint" />
            </div>
            <button type="submit" className="govuk-button" disabled={sending}>
              Upload
            </button>
          </form>
          {outcome?.kind === 'stored' && (
            <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="provisional-stored-title">
              <div className="govuk-notification-banner__header">
                <h2 className="govuk-notification-banner__title" id="provisional-stored-title">
                  Uploaded
                </h2>
              </div>
              <div className="govuk-notification-banner__content">
                <p className="govuk-notification-banner__heading">
                  Version {outcome.version} of {outcome.dataset} is stored and shown to your authority as provisional.
                </p>
              </div>
            </div>
          )}
          {outcome?.kind === 'refused' && (
            <div className="govuk-error-summary" role="alert" aria-labelledby="provisional-error-title">
              <h2 className="govuk-error-summary__title" id="provisional-error-title">
                {outcome.message}
              </h2>
              {outcome.problems.length > 0 && (
                <div className="govuk-error-summary__body">
                  <ul className="govuk-list govuk-error-summary__list">
                    {outcome.problems.map((p) => (
                      <li key={`${p.row}-${p.column}-${p.message}`}>
                        Row {p.row}, column {p.column || '–'}: {p.message}
                        {p.value !== undefined ? ` (${JSON.stringify(p.value)})` : ''}
                      </li>
                    ))}
                  </ul>
                  {outcome.total > outcome.problems.length && <p className="govuk-body">… and {outcome.total - outcome.problems.length} more.</p>}
                </div>
              )}
            </div>
          )}
        </>
      )}
      {me.role === 'ANONYMOUS' && <p className="govuk-body">Sign in as an authority&apos;s user or a DfE analyst to see provisional figures.</p>}
      <h2 className="govuk-heading-l">{isLaUser ? 'Your uploads' : 'Uploads shared with DfE'}</h2>
      {uploads.length === 0 ? (
        <p className="govuk-body">No uploads.</p>
      ) : (
        <div className="sb-table-scroll" role="region" aria-label="Uploads" tabIndex={0}>
          <table className="govuk-table sb-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Uploads, newest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {['Data set', 'LA', 'Version', 'Uploaded', 'File', 'Rows', 'Status', 'Shared with DfE', 'SHA-256', ...(isLaUser ? ['Actions'] : [])].map((h) => (
                  <th key={h} scope="col" className="govuk-table__header">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {uploads.map((u) => (
                <tr key={u.id} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {u.dataset}
                  </th>
                  <td className="govuk-table__cell">{u.laCode}</td>
                  <td className="govuk-table__cell">{u.version}</td>
                  <td className="govuk-table__cell">{provisionalDate(u.uploadedAt)}</td>
                  <td className="govuk-table__cell">{u.fileName}</td>
                  <td className="govuk-table__cell">{u.rowCount}</td>
                  <td className="govuk-table__cell">{u.status.toLowerCase()}</td>
                  <td className="govuk-table__cell">{u.sharedWithDfe ? `yes, ${provisionalDate(u.sharedAt!)}` : 'no'}</td>
                  <td className="govuk-table__cell">
                    <code>{u.sha256.slice(0, 12)}…</code>
                  </td>
                  {isLaUser && (
                    <td className="govuk-table__cell">
                      {u.status === 'ACTIVE' && (
                        <>
                          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void share({ id: u.id, share: !u.sharedWithDfe }).then(retry)}>
                            {u.sharedWithDfe ? 'Stop sharing' : 'Share with DfE'} <span className="govuk-visually-hidden">version {u.version} of {u.dataset}</span>
                          </button>{' '}
                          <button type="button" className="govuk-button govuk-button--warning" onClick={() => void withdraw({ id: u.id }).then(retry)}>
                            Withdraw <span className="govuk-visually-hidden">version {u.version} of {u.dataset}</span>
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
