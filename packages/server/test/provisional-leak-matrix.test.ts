import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { DatabaseHandle } from '../src/db/connect';
import { provisionalChecks } from '../src/features/provisional/provisional.service';
import { type App, createApp } from '../src/http/app';
import type { Principal } from '../src/identity/principal';
import { uploadProvisional } from '../src/ingest/provisional-upload.service';
import { writeProvisional } from '../src/db/provisional-access';
import { updateUpload } from '../src/features/provisional/provisional.repository';
import { RedisKeyValueCache } from '../src/plugins/response-cache';
import { ENGINES } from './support/engines';
import { openFreshDatabase } from './support/fresh-database';
import { caseloadAllPlansCopy, copyWithLines, removeCopies } from './support/file-copies';
import { importLaLookup, importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';
import { pageOperation } from './support/page-operations';
import { deficitUpload } from './support/provisional';

/**
 * The leak matrix (issue 21): every role × every operation that takes an LA × both LAs that
 * uploaded × cache cold and warm × the in-process cache and Redis. Kent's upload is not shared;
 * Medway's is. Each upload's value is a figure no published file holds, so an answer leaks it iff
 * its text contains it. An answer may show only the focus LA's figure, only to its own LA's users
 * (or, once shared, to DfE), and only where the page marks it (comparison, profile, trend); nothing else
 * in any answer (values, statistics, counts, ranks of others, errors) may differ from the
 * anonymous answer. Then once more with the services' own checks switched off: row-level security
 * alone must give the same answers. (With only these files loaded, the forecast answers with its
 * error for missing spend lines, and the evaluation, asked for a synthetic comparison of an LA
 * outside its cohort, with its input error: cheap answers, checked like the others. A full
 * evaluation costs ~0.6 s and would be computed ~40 times per engine.)
 */

/** An EHCP 2025 file cut to its totals rows (as caseloadAllPlansCopy cuts caseload.csv): the forecast's inflow and outflow. */
const totalsCopy = (file: string, total: string) => copyWithLines(path.join(path.dirname(OFFICIAL_FILES.caseload), file), (lines) => lines.filter((line, index) => index === 0 || line.includes(`,${total},${total},`)));

const KENT = '886';
const MEDWAY = '887';
const SENTINEL: Record<string, string> = { [KENT]: '77.1234567', [MEDWAY]: '66.4567891' };

const ROLES: Record<string, Principal> = {
  anonymous: { role: 'anonymous', source: 'none' },
  kent: { role: 'la_user', source: 'bearer', subject: 'kent-officer', laCode: KENT },
  medway: { role: 'la_user', source: 'bearer', subject: 'medway-officer', laCode: MEDWAY },
  analyst: { role: 'dfe_analyst', source: 'bearer', subject: 'analyst' },
  admin: { role: 'admin', source: 'bearer', subject: 'admin' },
};

/** Which LA's provisional figures each role may see: its own, or what was shared with DfE (Medway's). */
const MAY_SEE: Record<string, string[]> = { anonymous: [], kent: [KENT], medway: [MEDWAY], analyst: [MEDWAY], admin: [MEDWAY] };

const ENGLAND_PEERS = { kind: 'ENGLAND' };
const OPERATIONS: { name: string; shows: boolean; query: string; variables: (la: string) => Record<string, unknown> }[] = [
  { name: 'comparison', shows: true, query: pageOperation('ComparePage'), variables: (la) => ({ la, peers: ENGLAND_PEERS, metric: 'dsg_deficit_pct', period: 202122 }) },
  { name: 'profile', shows: true, query: pageOperation('ProfilePage'), variables: (la) => ({ la, peers: ENGLAND_PEERS, year: 2022 }) },
  { name: 'trend', shows: true, query: pageOperation('TrendsPage'), variables: (la) => ({ la, areas: [la], peers: ENGLAND_PEERS, metric: 'dsg_deficit_pct' }) },
  { name: 'relationship', shows: false, query: pageOperation('RelationshipsPage'), variables: (la) => ({ la, x: 'dsg_deficit_pct', y: 'pct_pupils_ehc_plan', year: 2022 }) },
  { name: 'export (report pack)', shows: false, query: pageOperation('ReportPage'), variables: (la) => ({ la, area: la, peers: ENGLAND_PEERS }) },
  { name: 'evaluation', shows: false, query: pageOperation('EvaluationPage'), variables: (la) => ({ cohort: 'dbv:2', metric: 'pct_pupils_ehc_plan', focus: la, draws: 999 }) },
  { name: 'forecast', shows: false, query: pageOperation('ForecastPage'), variables: (la) => ({ area: { laCode: la }, laCode: la, hasLa: true }) },
];

/** The answer with every `provisional` field removed: what must equal the anonymous answer. */
const withoutProvisional = (text: string) => JSON.stringify(JSON.parse(text), (key, value) => (key === 'provisional' ? undefined : value));

interface Cell {
  /** Sentinels found in the answer. */
  seen: string[];
  /** The answer, provisional fields aside, is the anonymous one. */
  asAnonymous: boolean;
  /** The warm (second) answer is the cold one. */
  warmSame: boolean;
}

for (const engine of ENGINES) {
  describe(`${engine} provisional data never leaks`, () => {
    let handle: DatabaseHandle;
    const redis = new Redis('redis://127.0.0.1:6379');
    const keyPrefix = `sendbench-test:${randomUUID()}:leak:`;
    const apps: App[] = [];
    const cacheClient = redis.duplicate();

    beforeAll(async () => {
      handle = await openFreshDatabase(engine);
      await importLaLookup(handle.db);
      await importOrThrow(handle.db, path.join(path.dirname(OFFICIAL_FILES.laLookup), 'programme_membership.json'), OFFICIAL_FILES.statisticalNeighbours, OFFICIAL_FILES.dsgDeficitPct, path.join(path.dirname(OFFICIAL_FILES.dsgDeficitPct), 'pupils_sen_provision_pct_2016_2025.csv'), caseloadAllPlansCopy(), totalsCopy('newplans.csv', 'New EHC plans'), totalsCopy('ceased_plans.csv', 'All ceased EHC plans'));
      for (const [role, la] of [['kent', KENT], ['medway', MEDWAY]] as const) {
        await uploadProvisional(handle.db, ROLES[role], { name: `${la}.csv`, bytes: Buffer.from(deficitUpload(la, SENTINEL[la])) });
      }
      const medwayUpload = await handle.db.selectFrom('provisional_upload').select('id').where('la_code', '=', MEDWAY).executeTakeFirstOrThrow();
      await writeProvisional(handle.db, (trx) => updateUpload(trx, String(medwayUpload.id), { shared: true }));
    });

    afterAll(async () => {
      provisionalChecks.service = true;
      for (const app of apps) await app.stop();
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      cacheClient.disconnect();
      removeCopies();
      await handle?.close();
    });

    /** Runs the whole matrix on `app`; the cells by role, operation and LA, and how many warm answers came from the cache. */
    const runMatrix = async (app: App, settle: () => Promise<void>) => {
      const cells: Record<string, Cell> = {};
      let hits = 0;
      for (const operation of OPERATIONS) {
        for (const la of [KENT, MEDWAY]) {
          let anonymous = '';
          for (const [role, principal] of Object.entries(ROLES)) {
            const body = { query: operation.query, variables: operation.variables(la) };
            const cold = JSON.stringify((await app.execute(body, principal)).body);
            await settle();
            const warmAnswer = await app.execute(body, principal);
            if (warmAnswer.responseCache === 'hit') hits++;
            const warm = JSON.stringify(warmAnswer.body);
            if (role === 'anonymous') anonymous = withoutProvisional(cold);
            cells[`${role} ${operation.name} ${la}`] = {
              seen: Object.values(SENTINEL).filter((s) => cold.includes(s) || warm.includes(s)),
              asAnonymous: withoutProvisional(cold) === anonymous,
              warmSame: warm === cold,
            };
          }
        }
      }
      return { cells, hits };
    };

    /** What every cell must be. */
    const expected = () =>
      Object.fromEntries(
        OPERATIONS.flatMap((operation) =>
          [KENT, MEDWAY].flatMap((la) =>
            Object.keys(ROLES).map((role) => [`${role} ${operation.name} ${la}`, { seen: operation.shows && MAY_SEE[role].includes(la) ? [SENTINEL[la]] : [], asAnonymous: true, warmSame: true }]),
          ),
        ),
      );

    test('shows each role only what it may see, cold and warm, in the in-process cache', async () => {
      const app = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production: false, responseCache: true });
      apps.push(app);
      const { cells, hits } = await runMatrix(app, async () => undefined);
      expect(cells).toEqual(expected());
      expect(hits).toBeGreaterThan(0);
    });

    test('shows each role only what it may see, cold and warm, in Redis', async () => {
      const app = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production: false, responseCache: true, responseCacheStore: new RedisKeyValueCache(cacheClient, { keyPrefix }) });
      apps.push(app);
      const { cells, hits } = await runMatrix(app, () => new Promise((resolve) => setTimeout(resolve, 15)));
      expect(cells).toEqual(expected());
      expect(hits).toBeGreaterThan(0);
    });

    test('shows the same with the services\' checks off: row-level security alone refuses', async () => {
      provisionalChecks.service = false;
      try {
        const app = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production: false, responseCache: false });
        apps.push(app);
        const { cells } = await runMatrix(app, async () => undefined);
        expect(cells).toEqual(expected());
      } finally {
        provisionalChecks.service = true;
      }
    });

    test('lists to each role only the uploads it may see', async () => {
      const app = apps[0];
      const listed: Record<string, string[]> = {};
      for (const [role, principal] of Object.entries(ROLES)) {
        listed[role] = ((await app.execute({ query: '{ provisionalUploads { laCode } }' }, principal)).body.data.provisionalUploads as { laCode: string }[]).map((u) => u.laCode);
      }
      expect(listed).toEqual({ anonymous: [], kent: [KENT], medway: [MEDWAY], analyst: [MEDWAY], admin: [MEDWAY] });
    });
  });
}
