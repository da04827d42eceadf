import { createHash } from 'node:crypto';
import { GraphQLError, GraphQLScalarType } from 'graphql';

/**
 * A file sent with a GraphQL request as the GraphQL multipart request spec describes
 * (https://github.com/jaydenseric/graphql-multipart-request-spec): the HTTP layer reads the parts
 * (@fastify/multipart) and puts one of these where the `map` field says, in the operation's
 * variables. Only the HTTP layer makes them, so a variable given as JSON can never pass for one.
 */
export class UploadedFile {
  constructor(
    readonly filename: string,
    readonly bytes: Buffer,
  ) {}

  private digest?: string;

  /** What a log line or a cache key sees: never the bytes (hashed once, however often it is asked). */
  toJSON(): { filename: string; bytes: number; sha256: string } {
    this.digest ??= createHash('sha256').update(this.bytes).digest('hex');
    return { filename: this.filename, bytes: this.bytes.length, sha256: this.digest };
  }
}

const notAFile = () =>
  new GraphQLError('Upload takes a file sent in a multipart/form-data request (the GraphQL multipart request spec: fields "operations", "map", then the file), not a value in the query or its JSON variables.', {
    extensions: { code: 'BAD_USER_INPUT' },
  });

export const UploadScalar = new GraphQLScalarType({
  name: 'Upload',
  description: 'A file, sent as a part of a multipart/form-data request (the GraphQL multipart request spec). Input only.',
  serialize: () => {
    throw new GraphQLError('Upload is an input type only.');
  },
  parseValue: (value) => {
    if (value instanceof UploadedFile) return value;
    throw notAFile();
  },
  parseLiteral: () => {
    throw notAFile();
  },
});
