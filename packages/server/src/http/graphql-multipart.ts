import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { UploadedFile } from '../graphql/upload';

/** A refused multipart request: its HTTP status, error code and what was wrong. */
export interface MultipartRefusal {
  ok: false;
  status: 400 | 413;
  code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE';
  message: string;
}

export interface MultipartLimits {
  /** The largest file. */
  fileBytes: number;
  /** The largest `operations` or `map` field (the document limit). */
  fieldBytes: number;
}

const refuse = (message: string, status: 400 | 413 = 400): MultipartRefusal => ({ ok: false, status, code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message });

/** Headers a browser cannot send cross-site without a CORS preflight (Apollo's CSRF prevention asks for one of them). */
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name', 'x-csrf-token'];

/**
 * Reads a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec)
 * with @fastify/multipart: the `operations` field (one operation, as JSON), the `map` field (which
 * variable each file goes to), then one file, which is placed in the operation's variables as an
 * UploadedFile. A request over the limits is refused with 413 from its Content-Length, before any
 * part is read, or as soon as the file passes the limit. Like Apollo's CSRF prevention, it needs a
 * header a cross-site form cannot send (`apollo-require-preflight: true`), since a multipart form is
 * a "simple" request that browsers send without asking.
 */
export async function readGraphQLMultipart(request: FastifyRequest, limits: MultipartLimits): Promise<{ ok: true; body: Record<string, unknown> } | MultipartRefusal> {
  if (!PREFLIGHT_HEADERS.some((name) => request.headers[name])) {
    return refuse('A multipart GraphQL request must carry the header "apollo-require-preflight: true" (a cross-site form cannot send it: CSRF prevention).');
  }
  const declared = Number(request.headers['content-length']);
  const overhead = 2 * limits.fieldBytes + 64 * 1024;
  if (Number.isFinite(declared) && declared > limits.fileBytes + overhead) {
    return refuse(`The request is ${declared} bytes; an upload may be at most ${limits.fileBytes} bytes.`, 413);
  }
  let operations: Record<string, unknown> | undefined;
  let map: Record<string, string[]> | undefined;
  let file: UploadedFile | undefined;
  try {
    const parts = request.parts({ limits: { fileSize: limits.fileBytes, fieldSize: limits.fieldBytes, files: 1, fields: 2, parts: 3 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.valueTruncated) return refuse(`The "${part.fieldname}" field is over ${limits.fieldBytes} bytes.`, 413);
        // A part sent as application/json arrives parsed; otherwise it is text.
        const parsed = typeof part.value === 'string' ? parseJson(part.value) : part.value;
        if (part.fieldname === 'operations') {
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return refuse('The "operations" field must be one GraphQL operation as a JSON object (batches are not accepted).');
          operations = parsed as Record<string, unknown>;
        } else if (part.fieldname === 'map') {
          if (!isFileMap(parsed)) return refuse('The "map" field must be a JSON object naming, for the one file, the one variable it goes to, e.g. {"0": ["variables.file"]}.');
          map = parsed;
        } else return refuse(`Unexpected field "${part.fieldname}": a multipart GraphQL request has the fields "operations" and "map", then the file.`);
      } else {
        if (!operations || !map) return refuse('The fields "operations" and "map" must come before the file.');
        if (!(part.fieldname in map)) return refuse(`The file part "${part.fieldname}" is not named in "map".`);
        file = new UploadedFile(part.filename || 'upload.csv', await part.toBuffer());
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return refuse(`The file is over ${limits.fileBytes} bytes, the limit for one upload.`, 413);
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return refuse('A multipart GraphQL request has two fields ("operations", "map") and one file.');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_NO_FORM_DATA') return refuse('The body is not valid multipart/form-data.');
    if (code === 'FST_INVALID_JSON_FIELD_ERROR') return refuse('The "operations" or "map" field is not valid JSON.');
    if (/Unexpected end of form|Malformed part header|boundary/i.test(String((error as Error).message))) return refuse('The multipart body is malformed or cut short.');
    throw error;
  }
  if (!operations || !map) return refuse('A multipart GraphQL request needs the fields "operations" and "map".');
  if (!file) return refuse('The file named in "map" was not sent.');
  const [target] = Object.values(map)[0];
  const path = target.split('.');
  if (path[0] !== 'variables' || path.length !== 2) return refuse(`"map" may only point the file at a variable ("variables.<name>"); got "${target}".`);
  const variables = operations.variables && typeof operations.variables === 'object' && !Array.isArray(operations.variables) ? (operations.variables as Record<string, unknown>) : {};
  return { ok: true, body: { ...operations, variables: { ...variables, [path[1]]: file } } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isFileMap(value: unknown): value is Record<string, string[]> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length === 1 && Array.isArray(entries[0][1]) && entries[0][1].length === 1 && typeof entries[0][1][0] === 'string';
}
