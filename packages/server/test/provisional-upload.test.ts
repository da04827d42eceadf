import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect';
import type { Db } from '../src/db/database';
import type { LocalIdentityProvider } from '../src/dev/local-identity-provider';
import { MAX_UPLOAD_BYTES } from '../src/ingest/provisional-upload.service';
import { formatIssue } from '../src/ingest/import-issue';
import { ENGINES } from './support/engines';
import { openFreshDatabase } from './support/fresh-database';
import { caseloadAllPlansCopy } from './support/file-copies';
import { importFile, importLaLookup, importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';
import { deficitRowsOf, deficitUpload, graphql, postUpload, provisionalCounts } from './support/provisional';
import { freePort, serveWithSignIn, type SignedInApp, signInThroughProvider, startProviderFor } from './support/sign-in';

/**
 * Provisional uploads over HTTP (POST /provisional/uploads, the template, and the GraphQL share and
 * withdraw), on both engines: the importer's readers and validators with their errors, another
 * LA's rows refused, nothing stored by a refused upload, 413 over the size limit, CSRF for
 * sessions, versions and supersession, two LAs at once, and the audit log.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-provisional-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Kent's rows of the deficit extract, broken as the importer's hostile-file corpus breaks files (data-file cases). */
const kent = () => deficitRowsOf('886');
const HOSTILE: { name: string; bytes: () => string | Buffer }[] = [
  { name: 'a header-only data file', bytes: () => `${kent().split('\n')[0]}\n` },
  { name: 'a data file truncated in the middle of a row', bytes: () => kent().slice(0, kent().length - 20) },
  { name: 'UTF-16 text', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(kent(), 'utf16le')]) },
  { name: 'Latin-1 text', bytes: () => Buffer.from(kent().replace('Kent', 'Kënt'), 'latin1') },
  { name: 'binary garbage', bytes: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) },
  { name: 'a line of 2 MB (over the record limit)', bytes: () => `${kent().split('\n')[0]}\n202122,Financial year,Local authority,E92000001,England,E12000008,South East,E10000016,886,${'A'.repeat(2 * 1024 * 1024)}\n` },
  { name: 'an unclosed quote', bytes: () => kent().replace('\n202021,', '\n"202021,') },
  { name: 'a duplicated column holding other values', bytes: () => kent().split('\n').map((line, i) => (!line ? line : i === 0 ? `${line},dsg_deficit_pct_of_total_dsg` : `${line},9.99`)).join('\n') },
  { name: 'a duplicated key row', bytes: () => `${kent().trimEnd()}\n${kent().split('\n')[1]}\n` },
  { name: 'a symbol that is not a DfE symbol', bytes: () => kent().replace(/,3\.9$/m, ',n/a') },
];

/** How many uploads the audit log records as refused for what they held. */
async function refusalsAudited(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('event', '=', 'provisional-refused').executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const engine of ENGINES) {
  describe(`${engine} provisional uploads`, () => {
    let handle: DatabaseHandle;
    let idp: LocalIdentityProvider;
    let served: SignedInApp;
    const bearer: Record<string, Record<string, string>> = {};

    beforeAll(async () => {
      const port = await freePort();
      handle = await openFreshDatabase(engine);
      await importLaLookup(handle.db);
      await importOrThrow(handle.db, OFFICIAL_FILES.dsgDeficitPct, caseloadAllPlansCopy());
      idp = await startProviderFor([port]);
      served = await serveWithSignIn(handle, idp, port);
      for (const user of ['kent-officer', 'medway-officer', 'analyst'] as const) bearer[user] = { authorization: `Bearer ${await idp.accessTokenFor(user)}` };
    });

    afterAll(async () => {
      await served?.stop();
      await idp?.close();
      await handle?.close();
    });

    test('gives an LA user the template with its latest published rows', async () => {
      const response = await fetch(`${served.base}/provisional/template?dataset=dsg_deficit_pct`, { headers: bearer['kent-officer'] });
      expect({ status: response.status, type: response.headers.get('content-type'), text: await response.text() }).toEqual({
        status: 200,
        type: 'text/csv; charset=utf-8',
        text: 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,dsg_deficit_pct_of_total_dsg\n202122,Financial year,Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent,6.83\n',
      });
    });

    test('refuses every hostile file with the importer\'s own errors, stores nothing, and audits each refusal', async () => {
      const before = await provisionalCounts(handle.db);
      const refusalsBefore = await refusalsAudited(handle.db);
      const seen: Record<string, unknown> = {};
      for (const hostile of HOSTILE) {
        const file = path.join(dir, `${engine}-${HOSTILE.indexOf(hostile)}.csv`);
        fs.writeFileSync(file, hostile.bytes());
        const imported = await importFile(handle.db, file);
        const uploaded = await postUpload(served.base, fs.readFileSync(file), bearer['kent-officer'], path.basename(file));
        const importerSays = imported.status === 'rejected' ? [imported.message, ...imported.problems] : [JSON.stringify(imported)];
        const uploadSays = [uploaded.body.errors[0].message.split('\n')[0], ...uploaded.body.errors[0].extensions.issues.map(formatIssue)];
        seen[hostile.name] = { status: uploaded.status, code: uploaded.body.errors[0].extensions.code, field: uploaded.body.errors[0].extensions.field, same: JSON.stringify(uploadSays) === JSON.stringify(importerSays) ? 'yes' : { importerSays, uploadSays } };
      }
      expect(seen).toEqual(Object.fromEntries(HOSTILE.map((h) => [h.name, { status: 400, code: 'BAD_USER_INPUT', field: 'file', same: 'yes' }])));
      expect(await provisionalCounts(handle.db)).toEqual(before);
      expect(await refusalsAudited(handle.db)).toBe(refusalsBefore + HOSTILE.length);
    });

    test('refuses rows of another LA, a region or England, each with its line', async () => {
      const before = await provisionalCounts(handle.db);
      const lines = fs.readFileSync(OFFICIAL_FILES.dsgDeficitPct, 'utf8').split('\n');
      const text = `${deficitUpload('886', '7.1')}${lines.find((l) => l.startsWith('202122,') && l.includes(',887,'))}\n${lines.find((l) => l.startsWith('202122,Financial year,National'))}\n`;
      const { status, body } = await postUpload(served.base, text, bearer['kent-officer'], 'kent.csv');
      expect({ status, issues: body.errors[0].extensions.issues.map(formatIssue) }).toEqual({
        status: 400,
        issues: [
          'kent.csv:3:old_la_code: only LA 886\'s own rows may be uploaded; this row is LA 887\'s ("887")',
          'kent.csv:4:geographic_level: only LA 886\'s own rows may be uploaded; this row is not an LA\'s ("National")',
        ],
      });
      expect(await provisionalCounts(handle.db)).toEqual(before);
      // Audited with where the first problem is, without the figures the file held.
      const last = await handle.db.selectFrom('audit_event').select(['event', 'subject', 'role', 'la_code', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last).toEqual({
        event: 'provisional-refused',
        subject: 'script-kent-officer',
        role: 'la_user',
        la_code: '886',
        detail: { file: 'kent.csv', bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex'), problems: 2, firstProblem: "kent.csv:3:old_la_code: only LA 886's own rows may be uploaded; this row is LA 887's" },
      });
    });

    test('refuses a file over the size limit with 413 before reading it', async () => {
      const before = await provisionalCounts(handle.db);
      const { status, body } = await postUpload(served.base, Buffer.alloc(MAX_UPLOAD_BYTES + 1, 'A'), bearer['kent-officer']);
      expect({ status, code: body.errors[0].extensions.code, limit: body.errors[0].extensions.limit }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE', limit: MAX_UPLOAD_BYTES });
      expect(await provisionalCounts(handle.db)).toEqual(before);
    });

    test('refuses uploads from other roles, and a session\'s upload without its CSRF token', async () => {
      const analyst = await postUpload(served.base, deficitUpload('886', '7'), bearer.analyst);
      const anonymous = await postUpload(served.base, deficitUpload('886', '7'), {});
      const { sessionCookie } = await signInThroughProvider(served.base, 'kent-officer');
      const noToken = await postUpload(served.base, deficitUpload('886', '7'), { cookie: `sendbench-session=${sessionCookie}` });
      expect([analyst, anonymous, noToken].map((a) => [a.status, a.body.errors[0].extensions.code])).toEqual([
        [403, 'FORBIDDEN'],
        [403, 'FORBIDDEN'],
        [403, 'CSRF_TOKEN_INVALID'],
      ]);
    });

    test('stores an upload with its uploader, hash and version, derives its metric values, and audits it', async () => {
      const text = deficitUpload('886', '7.25');
      const { status, body } = await postUpload(served.base, text, bearer['kent-officer'], 'kent_deficit.csv');
      expect(status).toBe(201);
      expect(body.upload).toMatchObject({ laCode: '886', dataset: 'dsg_deficit_pct', version: 1, uploader: 'script-kent-officer', sha256: createHash('sha256').update(text).digest('hex'), status: 'active', sharedWithDfe: false, fileName: 'kent_deficit.csv', rowCount: 1 });
      const values = await sql`select metric_id, period, value, status from provisional_metric_value where upload_id = ${body.upload.id}`.execute(handle.db);
      expect(values.rows).toEqual([{ metric_id: 'dsg_deficit_pct', period: 202122, value: 7.25, status: 'value' }]);
      const audited = await sql<{ event: string; subject: string; detail: Record<string, unknown> }>`select event, subject, detail from audit_event where event = 'provisional-upload' order by id desc limit 1`.execute(handle.db);
      expect(audited.rows[0]).toMatchObject({ event: 'provisional-upload', subject: 'script-kent-officer', detail: { uploadId: body.upload.id, dataset: 'dsg_deficit_pct', version: 1, rows: 1, metricValues: 1, file: 'kent_deficit.csv' } });
    });

    test('supersedes the last upload with a new version, keeping it viewable', async () => {
      const { body } = await postUpload(served.base, deficitUpload('886', '7.5'), bearer['kent-officer']);
      const listed = await graphql(served.base, '{ provisionalUploads { version status } }', bearer['kent-officer']);
      expect({ version: body.upload.version, listed: listed.body.data.provisionalUploads }).toEqual({ version: 2, listed: [{ version: 2, status: 'ACTIVE' }, { version: 1, status: 'SUPERSEDED' }] });
    });

    test('stores two LAs\' uploads sent at once, both intact', async () => {
      const [kentAnswer, medwayAnswer] = await Promise.all([postUpload(served.base, deficitUpload('886', '8.125'), bearer['kent-officer']), postUpload(served.base, deficitUpload('887', '9.375'), bearer['medway-officer'])]);
      const { rows } = await sql<{ la_code: string; version: number; value: number; observations: number }>`
        select u.la_code, u.version, v.value, (select count(*)::integer from provisional_observation o where o.upload_id = u.id) as observations
        from provisional_upload u join provisional_metric_value v on v.upload_id = u.id where u.id in (${kentAnswer.body.upload.id}, ${medwayAnswer.body.upload.id}) order by u.la_code
      `.execute(handle.db);
      expect([kentAnswer.status, medwayAnswer.status, rows]).toEqual([201, 201, [{ la_code: '886', version: 3, value: 8.125, observations: 1 }, { la_code: '887', version: 1, value: 9.375, observations: 1 }]]);
    });

    test('derives a count and its growth from an upload of the caseload template, the previous year published', async () => {
      const template = await (await fetch(`${served.base}/provisional/template?dataset=ehcp_caseload`, { headers: bearer['kent-officer'] })).text();
      const [header, row] = template.trimEnd().split('\n');
      const columns = header.split(',');
      const cells = row.split(',');
      const published = Number(cells[columns.indexOf('ehcplans')]);
      cells[columns.indexOf('ehcplans')] = String(published + 100);
      const { status, body } = await postUpload(served.base, `${header}\n${cells.join(',')}\n`, bearer['kent-officer'], 'kent_caseload.csv');
      // Independently: Kent's "All EHC plans" rows of caseload.csv, January 2024 and 2025.
      const kentRow = (period: string) => fs.readFileSync(OFFICIAL_FILES.caseload, 'utf8').split('\n').find((l) => l.startsWith(`${period},`) && l.includes(',886,Kent,All EHC plans,All EHC plans,'))!;
      const fileColumns = fs.readFileSync(OFFICIAL_FILES.caseload, 'utf8').split('\n', 1)[0].replace(/^\ufeff/, '').split(',');
      const plans = (period: string) => Number(kentRow(period).split(',')[fileColumns.indexOf('ehcplans')]);
      const { rows } = await sql<{ metric_id: string; period: number; value: number }>`
        select metric_id, period, value from provisional_metric_value where upload_id = ${body.upload.id} and metric_id in ('ehc_plans', 'ehc_plans_growth') order by metric_id
      `.execute(handle.db);
      expect({ status, published, rows }).toEqual({
        status: 201,
        published: plans('202425'),
        rows: [
          { metric_id: 'ehc_plans', period: 202425, value: plans('202425') + 100 },
          { metric_id: 'ehc_plans_growth', period: 202425, value: ((plans('202425') + 100 - plans('202324')) / plans('202324')) * 100 },
        ],
      });
    });

    test('places the LA\'s provisional value against its peers\' published values, leaving their statistics as published', async () => {
      const query = `{ comparison(metric: "dsg_deficit_pct", period: 202122, focus: "886", peers: { kind: ENGLAND }) {
        members(first: 200) { authority { code } value { value } } statistics { median withValue aggregate { value } }
        provisional { value status wouldRank rankOutOf quartileBand upload { version } } } }`;
      const asKent = (await graphql(served.base, query, bearer['kent-officer'])).body.data.comparison;
      const asAnonymous = (await graphql(served.base, query)).body.data.comparison;
      const others = (asKent.members as { authority: { code: string }; value: { value: number | null } }[]).filter((m) => m.authority.code !== '886' && m.value.value !== null).map((m) => m.value.value!);
      const outOf = others.length + 1;
      expect(asKent.provisional).toEqual({
        value: 8.125,
        status: 'value',
        wouldRank: 1 + others.filter((v) => v > 8.125).length,
        rankOutOf: outOf,
        quartileBand: Math.min(4, Math.max(1, Math.ceil((4 * (1 + others.filter((v) => v < 8.125).length)) / outOf))),
        upload: { version: 3 },
      });
      expect({ ...asKent, provisional: null }).toEqual(asAnonymous);
      expect(asAnonymous.provisional).toBeNull();
    });

    test('shares, stops sharing and withdraws only the LA\'s own upload, each audited', async () => {
      const listed = (await graphql(served.base, '{ provisionalUploads { id dataset status } }', bearer['kent-officer'])).body.data.provisionalUploads as { id: string; dataset: string; status: string }[];
      const own = listed.find((u) => u.dataset === 'dsg_deficit_pct' && u.status === 'ACTIVE')!;
      const share = 'mutation($id: ID!, $share: Boolean) { shareProvisionalUpload(id: $id, share: $share) { version sharedWithDfe } }';
      const byMedway = await graphql(served.base, share, bearer['medway-officer'], { id: own.id });
      const byAnalyst = await graphql(served.base, share, bearer.analyst, { id: own.id });
      const shared = await graphql(served.base, share, bearer['kent-officer'], { id: own.id });
      const analystSees = await graphql(served.base, '{ provisionalUploads { laCode version } }', bearer.analyst);
      const withdraw = 'mutation($id: ID!) { withdrawProvisionalUpload(id: $id) { status withdrawnAt } }';
      const withdrawn = await graphql(served.base, withdraw, bearer['kent-officer'], { id: own.id });
      // Withdrawn again (a retried request): the same answer, nothing changed and nothing audited twice.
      const again = await graphql(served.base, withdraw, bearer['kent-officer'], { id: own.id });
      const analystAfter = await graphql(served.base, '{ provisionalUploads { laCode version } }', bearer.analyst);
      const events = await sql<{ event: string }>`select event from audit_event where event in ('provisional-share', 'provisional-withdraw', 'provisional-view') order by id`.execute(handle.db);
      expect({
        byMedway: byMedway.body.errors[0].extensions.code,
        byAnalyst: byAnalyst.body.errors[0].extensions.code,
        shared: shared.body.data.shareProvisionalUpload,
        analystSees: analystSees.body.data.provisionalUploads,
        withdrawn: withdrawn.body.data.withdrawProvisionalUpload.status,
        again: again.body.data.withdrawProvisionalUpload,
        analystAfter: analystAfter.body.data.provisionalUploads,
        events: events.rows.map((r) => r.event),
      }).toEqual({
        byMedway: 'BAD_USER_INPUT',
        byAnalyst: 'FORBIDDEN',
        shared: { version: 3, sharedWithDfe: true },
        analystSees: [{ laCode: '886', version: 3 }],
        withdrawn: 'WITHDRAWN',
        again: withdrawn.body.data.withdrawProvisionalUpload,
        analystAfter: [],
        events: ['provisional-share', 'provisional-view', 'provisional-withdraw'],
      });
    });
  });
}
