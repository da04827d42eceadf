import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { formatIssue } from '../src/ingest/import-issue';
import { MAX_UPLOAD_BYTES } from '../src/ingest/provisional-upload.service';
import { MemoryRateLimiter } from '../src/plugins/rate-limit';
import { ENGINES } from './support/engines';
import { deficitRowsOf, deficitUpload, graphql, openProvisionalHarness, type ProvisionalHarness, postUpload, provisionalCounts } from './support/provisional';

/**
 * The `uploadProvisional(file: Upload!)` mutation over a GraphQL multipart request (the spec's
 * fields "operations" and "map", then the file), read by @fastify/multipart: it stores what
 * POST /provisional/uploads stores and refuses what it refuses, with the same errors; it needs a
 * preflight header (CSRF), refuses a request over the size limit with 413 before reading it, and
 * an Upload can only be a file part. Both engines.
 */

const UPLOAD = 'mutation Upload($file: Upload!) { uploadProvisional(file: $file) { laCode dataset version status fileName rowCount sha256 } }';

interface Answer {
  status: number;
  body: any;
}

/** A GraphQL multipart request carrying `bytes` as the file of $file. */
async function multipart(base: string, bytes: string | Buffer, headers: Record<string, string>, options: { fileName?: string; map?: string; operations?: string } = {}): Promise<Answer> {
  const form = new FormData();
  form.append('operations', options.operations ?? JSON.stringify({ query: UPLOAD, variables: { file: null } }));
  form.append('map', options.map ?? JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([bytes], { type: 'text/csv' }), options.fileName ?? 'kent.csv');
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers, body: form });
  return { status: response.status, body: await response.json() };
}

for (const engine of ENGINES) {
  describe(`${engine} provisional upload as a GraphQL multipart mutation`, () => {
    let harness: ProvisionalHarness;
    let as: ProvisionalHarness['as'];
    let served: ProvisionalHarness['served'];
    let handle: ProvisionalHarness['handle'];

    beforeAll(async () => {
      harness = await openProvisionalHarness(engine, ['kent-officer', 'medway-officer', 'analyst'], { 'apollo-require-preflight': 'true' });
      ({ as, served, handle } = harness);
    });

    afterAll(async () => {
      await harness?.close();
    });

    test('stores an LA user’s file and answers with the upload', async () => {
      const bytes = deficitUpload('886', '12.5');
      const answer = await multipart(served.base, bytes, as['kent-officer']);
      expect(answer).toEqual({
        status: 200,
        body: { data: { uploadProvisional: { laCode: '886', dataset: 'dsg_deficit_pct', version: 1, status: 'ACTIVE', fileName: 'kent.csv', rowCount: 1, sha256: createHash('sha256').update(bytes).digest('hex') } } },
      });
      const next = await multipart(served.base, deficitUpload('886', '13.5'), as['kent-officer'], { fileName: 'kent-2.csv' });
      expect(next.body.data.uploadProvisional).toMatchObject({ version: 2, status: 'ACTIVE', fileName: 'kent-2.csv' });
    });

    test('takes the same file sent again (a retried request) as the upload already stored, not a new version', async () => {
      const before = await provisionalCounts(handle.db);
      const again = await multipart(served.base, deficitUpload('886', '13.5'), as['kent-officer'], { fileName: 'kent-2.csv' });
      const viaPost = await postUpload(served.base, deficitUpload('886', '13.5'), { authorization: as['kent-officer'].authorization }, 'kent-2.csv');
      expect({ graphql: again.body.data.uploadProvisional, post: { version: viaPost.body.upload.version, status: viaPost.body.upload.status } }).toMatchObject({
        graphql: { version: 2, status: 'ACTIVE', fileName: 'kent-2.csv' },
        post: { version: 2, status: 'active' },
      });
      const after = await provisionalCounts(handle.db);
      expect({ uploads: after.uploads, observations: after.observations, values: after.values }).toEqual({ uploads: before.uploads, observations: before.observations, values: before.values });
    });

    test('refuses a bad file with the same errors as POST /provisional/uploads, storing nothing', async () => {
      const bad = `${deficitRowsOf('886').trimEnd()}\n${deficitRowsOf('886').split('\n')[1]}\n`;
      const before = await provisionalCounts(handle.db);
      const viaGraphQL = await multipart(served.base, bad, as['kent-officer'], { fileName: 'upload.csv' });
      const viaPost = await postUpload(served.base, bad, as['kent-officer']);
      const error = viaGraphQL.body.errors[0];
      expect({ status: viaGraphQL.status, code: error.extensions.code, field: error.extensions.field, data: viaGraphQL.body.data }).toEqual({ status: 200, code: 'BAD_USER_INPUT', field: 'file', data: null });
      expect({ message: error.message, issues: error.extensions.issues.map(formatIssue) }).toEqual({ message: viaPost.body.errors[0].message, issues: viaPost.body.errors[0].extensions.issues.map(formatIssue) });
      expect(error.extensions.issues.length).toBeGreaterThan(0);
      expect(await provisionalCounts(handle.db)).toEqual(before);
    });

    test('refuses another role with 403 before reading the file, and audits it', async () => {
      const before = await provisionalCounts(handle.db);
      const answer = await multipart(served.base, deficitUpload('886', '12.5'), as.analyst);
      expect({ status: answer.status, code: answer.body.errors[0].extensions.code, message: answer.body.errors[0].message }).toEqual({
        status: 403,
        code: 'FORBIDDEN',
        message: "Uploading a file is for LA users (an LA's own provisional figures); this request's role is dfe_analyst.",
      });
      expect(await provisionalCounts(handle.db)).toEqual(before);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the audit write does not hold up the answer
      const last = await handle.db.selectFrom('audit_event').select(['event', 'role', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last).toEqual({ event: 'denied', role: 'dfe_analyst', detail: { what: 'provisional upload', needed: 'la_user', path: '/graphql' } });
    });

    test('refuses rows of another LA', async () => {
      const answer = await multipart(served.base, deficitUpload('887', '3.0'), as['kent-officer']);
      expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors[0].extensions.issues.map(formatIssue).join('\n')).toMatch(/887/);
    });

    test('needs a preflight header (a cross-site form cannot send one)', async () => {
      const { 'apollo-require-preflight': _dropped, ...bearerOnly } = as['kent-officer'];
      const answer = await multipart(served.base, deficitUpload('886', '12.5'), bearerOnly);
      expect({ status: answer.status, code: answer.body.errors[0].extensions.code, message: answer.body.errors[0].message }).toEqual({
        status: 400,
        code: 'BAD_REQUEST',
        message: 'A multipart GraphQL request must carry the header "apollo-require-preflight: true" (a cross-site form cannot send it: CSRF prevention).',
      });
    });

    test('refuses a request over the size limit with 413 before reading it, storing nothing', async () => {
      const before = await provisionalCounts(handle.db);
      const answer = await multipart(served.base, Buffer.alloc(MAX_UPLOAD_BYTES + 1024 * 1024, 0x41), as['kent-officer']);
      expect({ status: answer.status, code: answer.body.errors[0].extensions.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
      expect(await provisionalCounts(handle.db)).toEqual(before);
    });

    test('refuses a map that points the file anywhere but a variable, and a missing file', async () => {
      const elsewhere = await multipart(served.base, deficitUpload('886', '12.5'), as['kent-officer'], { map: JSON.stringify({ 0: ['query'] }) });
      expect({ status: elsewhere.status, message: elsewhere.body.errors[0].message }).toEqual({ status: 400, message: '"map" may only point the file at a variable ("variables.<name>"); got "query".' });
      const unnamed = await multipart(served.base, deficitUpload('886', '12.5'), as['kent-officer'], { map: JSON.stringify({ 1: ['variables.file'] }) });
      expect({ status: unnamed.status, message: unnamed.body.errors[0].message }).toEqual({ status: 400, message: 'The file part "0" is not named in "map".' });
    });

    test('takes an Upload only as a file part, never as a JSON value', async () => {
      const answer = await graphql(served.base, UPLOAD, as['kent-officer'], { file: 'time_period,la_name\n202122,Kent\n' });
      expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors[0].message).toMatch(/Upload takes a file sent in a multipart\/form-data request/);
    });
  });

  describe(`${engine} each LA user's budget of uploads, shared by both ways in`, () => {
    let harness: ProvisionalHarness;
    // Two uploads an hour: the third is one too many, whichever way it comes.
    const budget = new MemoryRateLimiter({ requests: 2, windowMs: 60 * 60 * 1000 });

    beforeAll(async () => {
      harness = await openProvisionalHarness(engine, ['kent-officer', 'medway-officer'], { 'apollo-require-preflight': 'true' }, { uploadBudget: budget });
    });

    afterAll(async () => {
      await harness?.close();
      await budget.close();
    });

    test('refuses the upload after the budget with 429 and Retry-After, before reading it, storing nothing', async () => {
      const { as, served, handle } = harness;
      const kent = { authorization: as['kent-officer'].authorization };
      const first = await postUpload(served.base, deficitUpload('886', '12.5'), kent, 'kent-1.csv');
      const second = await multipart(served.base, deficitUpload('886', '13.5'), as['kent-officer'], { fileName: 'kent-2.csv' });
      expect([first.status, second.body.data?.uploadProvisional?.version]).toEqual([201, 2]);
      const before = await provisionalCounts(handle.db);

      const response = await fetch(`${served.base}/provisional/uploads?file=kent-3.csv`, { method: 'POST', headers: { 'content-type': 'text/csv', ...kent }, body: deficitUpload('886', '14.5') });
      const refused = { status: response.status, retryAfter: Number(response.headers.get('retry-after')), limit: response.headers.get('ratelimit-limit'), body: (await response.json()) as any };
      const viaGraphQL = await multipart(served.base, deficitUpload('886', '14.5'), as['kent-officer'], { fileName: 'kent-3.csv' });
      // The budget's next upload is due 30 minutes (an hour over two uploads) after the first.
      expect(refused.retryAfter).toBeGreaterThan(1_700);
      expect(refused.retryAfter).toBeLessThanOrEqual(1_800);
      expect({ status: refused.status, limit: refused.limit, code: refused.body.errors[0].extensions.code, message: refused.body.errors[0].message }).toEqual({
        status: 429,
        limit: '2',
        code: 'RATE_LIMITED',
        message: `Too many uploads: each LA user may upload 2 files per 60 minutes. Try again in ${refused.retryAfter} s.`,
      });
      expect({ status: viaGraphQL.status, code: viaGraphQL.body.errors[0].extensions.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
      expect(await provisionalCounts(handle.db)).toEqual(before);
    });

    test("counts each user's uploads apart: another LA's officer still uploads", async () => {
      const answer = await postUpload(harness.served.base, deficitUpload('887', '3.5'), { authorization: harness.as['medway-officer'].authorization }, 'medway.csv');
      expect({ status: answer.status, la: answer.body.upload?.laCode }).toEqual({ status: 201, la: '887' });
    });
  });
}
