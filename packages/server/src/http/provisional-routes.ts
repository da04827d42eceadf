import { datasetById, DATASETS, type DatasetId } from '@sendbench/schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import type { ReferenceSnapshot } from '../features/reference/reference.service';
import { selectLatestPublished } from '../features/provisional/provisional.repository';
import { uploadAsSeenBy } from '../features/provisional/provisional.service';
import { templateCsv } from '../features/provisional/provisional-template';
import { toProvisionalUpload } from '../features/provisional/provisional.resolver';
import { appendAuditEvent } from '../identity/audit.repository';
import { BearerTokenError } from '../identity/bearer-token';
import type { Principal } from '../identity/principal';
import { MAX_UPLOAD_BYTES, ProvisionalUploadRefused, uploadProvisional } from '../ingest/provisional-upload.service';
import type { RateLimiter } from '../plugins/rate-limit';
import { ClientClosedError, PayloadTooLargeError, readBody } from './read-body';
import { spendUploadBudget } from './upload-budget';

export interface ProvisionalRouteOptions {
  /** The primary: uploads are written there. */
  db: Db;
  principalOf(request: FastifyRequest): Promise<Principal>;
  csrfForSessions(request: FastifyRequest, reply: FastifyReply, done: () => void): void;
  reference(): Promise<ReferenceSnapshot>;
  /** Each LA user's budget of uploads (upload-budget.ts), shared with the uploadProvisional mutation. */
  uploadBudget: RateLimiter;
  logger: Logger;
}

const errorBody = (message: string, code: string, extra: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { code, ...extra } }] });

/** A plausible file name (the upload's record and its errors name it); anything else becomes "upload.csv". */
function fileNameOf(value: unknown): string {
  return typeof value === 'string' && /^[\w .()-]{1,120}\.csv$/i.test(value) ? value : 'upload.csv';
}

/**
 * Provisional data over plain HTTP (the file itself is the body: no multipart parsing):
 * - POST /provisional/uploads?file=<name>.csv, Content-Type text/csv — an LA user's upload; 201
 *   with the stored upload, 400 BAD_USER_INPUT with every problem (row, column), 403 for other
 *   roles, 413 over MAX_UPLOAD_BYTES (refused from Content-Length before anything is read), 415
 *   for another content type, 429 once the LA user's budget of uploads is spent (upload-budget.ts).
 *   A session's POST needs its CSRF token, as /graphql does; text/csv
 *   also needs a CORS preflight, so no other site's page can send one.
 * - GET /provisional/template?dataset=<id> — the data set's template with the LA user's latest
 *   published rows.
 * Sharing, withdrawing and listing are GraphQL (shareProvisionalUpload, withdrawProvisionalUpload, provisionalUploads).
 */
export function registerProvisionalRoutes(fastify: FastifyInstance, options: ProvisionalRouteOptions): void {
  const { db, logger } = options;
  const json = (reply: FastifyReply, status: number, body: unknown) => reply.code(status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(body));

  /** The caller, or undefined once a 401 has been sent for a refused bearer token. */
  const callerOf = async (request: FastifyRequest, reply: FastifyReply): Promise<Principal | undefined> => {
    try {
      return await options.principalOf(request);
    } catch (error) {
      if (!(error instanceof BearerTokenError)) throw error;
      await appendAuditEvent(db, 'denied', undefined, { what: 'bearer token', reason: error.code, path: request.url.split('?')[0] }, request.id);
      json(reply.header('www-authenticate', 'Bearer error="invalid_token"'), 401, errorBody(error.message, 'UNAUTHENTICATED', { reason: error.code, requestId: request.id }));
      return undefined;
    }
  };

  fastify.post('/provisional/uploads', { onRequest: options.csrfForSessions }, async (request, reply) => {
    const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== 'text/csv') {
      return json(reply, 415, errorBody('Send the CSV file itself as the body, with Content-Type: text/csv.', 'UNSUPPORTED_MEDIA_TYPE', { requestId: request.id }));
    }
    const principal = await callerOf(request, reply);
    if (!principal) return reply;
    // Only an LA user's file is read: anyone else is refused (by the upload service, which audits it) before a byte of it.
    let bytes: Buffer = Buffer.alloc(0);
    if (principal.role === 'la_user') {
      const spent = await spendUploadBudget(options.uploadBudget, principal, request.id);
      if (spent) return json(reply.headers({ ...spent.headers, connection: 'close' }), 429, spent.body);
      try {
        bytes = await readBody(request.raw, MAX_UPLOAD_BYTES);
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          return json(reply.header('connection', 'close'), 413, errorBody(`The file is over ${MAX_UPLOAD_BYTES} bytes, the limit for one upload.`, 'PAYLOAD_TOO_LARGE', { limit: MAX_UPLOAD_BYTES, requestId: request.id }));
        }
        if (error instanceof ClientClosedError) return reply;
        throw error;
      }
    }
    const query = request.query as Record<string, unknown>;
    try {
      const stored = await uploadProvisional(db, principal, { name: fileNameOf(query.file), bytes }, request.id);
      const upload = await uploadAsSeenBy(db, principal, stored.id);
      return json(reply, 201, { upload: upload && toProvisionalUpload(upload), metricValues: stored.metricValues });
    } catch (error) {
      if (!(error instanceof ProvisionalUploadRefused)) throw error;
      logger.info({ requestId: request.id, code: error.code }, 'provisional upload refused');
      const extensions = error.code === 'FORBIDDEN' ? { code: error.code, needed: 'la_user', role: principal.role } : { code: error.code, field: 'file', issues: error.issues, total: error.total };
      return json(reply, error.code === 'FORBIDDEN' ? 403 : 400, { errors: [{ message: error.message, extensions: { ...extensions, requestId: request.id } }] });
    }
  });

  fastify.get('/provisional/template', async (request, reply) => {
    const principal = await callerOf(request, reply);
    if (!principal) return reply;
    if (principal.role !== 'la_user' || !principal.laCode) {
      return json(reply, 403, errorBody(`The upload template is for LA users (it holds the LA's latest published rows); this request's role is ${principal.role}.`, 'FORBIDDEN', { needed: 'la_user', role: principal.role }));
    }
    const id = (request.query as Record<string, unknown>).dataset;
    const dataset = DATASETS.find((d) => d.id === id);
    if (!dataset) {
      return json(reply, 400, errorBody(`dataset must be one of ${DATASETS.map((d) => d.id).join(', ')}; got ${JSON.stringify(id ?? null)}.`, 'BAD_USER_INPUT', { field: 'dataset' }));
    }
    const reference = await options.reference();
    const la = reference.authority(principal.laCode)!;
    const csv = templateCsv(datasetById(dataset.id as DatasetId), la, reference, await selectLatestPublished(db, dataset.id, la.code));
    return reply
      .code(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${dataset.id}_${la.code}_template.csv"`)
      .send(csv);
  });
}
