import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Db } from '../db/database';
import {
  type MetricValueRow,
  selectMetricValuesByKey,
  selectSeriesByKey,
} from '../derived/metric-value.repository';
import type { ReferenceCache, ReferenceSnapshot } from '../features/reference/reference.service';
import { ANONYMOUS, type Principal } from '../identity/principal';
import { ProvisionalUploadRefused, uploadProvisional } from '../ingest/provisional-upload.service';
import { ApiError } from './errors';
import type { RequestStore } from '../request-store';

export { type RequestStore, requestStore } from '../request-store';

export interface Loaders {
  /** key: `${metricId}|${period}|${areaCode}` */
  value: DataLoader<string, MetricValueRow | undefined>;
  /** key: `${metricId}|${areaCode}`; all periods, ascending */
  series: DataLoader<string, MetricValueRow[]>;
}

export interface ApiContext {
  requestId: string;
  db: Db;
  store: RequestStore;
  /** The reference snapshot for this request (read once per request). */
  reference(): Promise<ReferenceSnapshot>;
  loaders: Loaders;
  /** Who is asking, resolved by the HTTP layer (session, bearer token or embedded mode's local user). */
  principal: Principal;
  /** The primary, for the few writes a request makes (the audit log) and reads that must see them; `db` may be a replica. */
  writeDb: Db;
  /**
   * Stores an LA user's provisional upload through the importer's readers and validators (ingest/,
   * which features may not import: the HTTP layer hands it over here). Throws
   * ProvisionalUploadRefused with every problem found.
   */
  storeProvisionalUpload(file: { name: string; bytes: Buffer }): Promise<{ id: string; metricValues: number }>;
}

function createLoaders(db: Db): Loaders {
  return {
    value: new DataLoader(async (keys) => {
      const parsed = keys.map((key) => {
        const [metricId, period, area] = key.split('|');
        return { metricId, period: Number(period), area };
      });
      const rows = await selectMetricValuesByKey(db, parsed);
      const byKey = new Map(rows.map((r) => [`${r.metric_id}|${r.period}|${r.area_code}`, r]));
      return keys.map((key) => byKey.get(key));
    }),
    series: new DataLoader(async (keys) => {
      const parsed = keys.map((key) => {
        const [metricId, area] = key.split('|');
        return { metricId, area };
      });
      const rows = await selectSeriesByKey(db, parsed);
      const byKey = new Map<string, MetricValueRow[]>();
      for (const row of rows) {
        const key = `${row.metric_id}|${row.area_code}`;
        byKey.set(key, [...(byKey.get(key) ?? []), row]);
      }
      return keys.map((key) => byKey.get(key) ?? []);
    }),
  };
}

/**
 * A fresh context per GraphQL request: its own loaders, one snapshot read (or `known`, the snapshot
 * the request already read), its statement counter.
 */
export function createContext(db: Db, cache: ReferenceCache, store: RequestStore = { requestId: randomUUID(), sqlStatements: 0 }, known?: ReferenceSnapshot, principal: Principal = ANONYMOUS, writeDb: Db = db): ApiContext {
  let snapshot: Promise<ReferenceSnapshot> | undefined = known && Promise.resolve(known);
  return {
    requestId: store.requestId,
    db,
    store,
    reference: () => (snapshot ??= cache.current(db)),
    loaders: createLoaders(db),
    principal,
    writeDb,
    storeProvisionalUpload: (file) =>
      uploadProvisional(writeDb, principal, file, store.requestId).catch((error: unknown) => {
        if (!(error instanceof ProvisionalUploadRefused)) throw error;
        throw error.code === 'FORBIDDEN'
          ? new ApiError('FORBIDDEN', error.message, { needed: 'la_user', role: principal.role })
          : new ApiError('BAD_USER_INPUT', error.message, { field: 'file', issues: error.issues, total: error.total });
      }),
  };
}
