import type http from 'node:http';

/** The body is over the limit (declared by Content-Length, or found while reading). */
export class PayloadTooLargeError extends Error {}
/** The client went away before the body ended. */
export class ClientClosedError extends Error {}

/**
 * Reads a request's body whole, refusing it as soon as it is over `limit` bytes: at once when
 * Content-Length says so (nothing is read), else when the bytes read pass it.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new PayloadTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.off('data', onData);
        reject(new PayloadTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      done = true;
      reject(error);
    });
    req.on('close', () => {
      if (!done) reject(new ClientClosedError());
    });
  });
}
