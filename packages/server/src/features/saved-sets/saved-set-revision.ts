import type { Db } from '../../db/database';
import { selectSavedSetRevision } from './saved-set.repository';

/**
 * The comparator sets' revision, for the response cache's key of requests that name a saved set
 * (http/app.ts). Its own module: the HTTP layer must not load the GraphQL types before the schema
 * module has loaded reflect-metadata.
 */
export function savedSetRevision(db: Db): Promise<string> {
  return selectSavedSetRevision(db);
}
