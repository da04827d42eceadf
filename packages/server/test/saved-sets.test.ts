import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../src/config';
import type { DatabaseHandle } from '../src/db/connect';
import type { LocalIdentityProvider, LocalUser } from '../src/dev/local-identity-provider';
import { createApp } from '../src/http/app';
import { createIdentity } from '../src/identity/identity';
import { ENGINES } from './support/engines';
import { openSharedDatabase } from './support/shared-database';
import { freePort, serveWithSignIn, type SignedInApp, startProviderFor } from './support/sign-in';

/**
 * Saved comparator sets and views (issue 21) over HTTP, as the local provider's users with their
 * bearer tokens, on the whole official data set, with the response cache on. Both engines.
 *
 * The shared database is read only for every other file; this one writes only to comparator_set,
 * saved_view and saved_set_revision (which no other test reads), and only rows of the provider's
 * script subjects, which it clears first.
 */

interface Answer {
  status: number;
  body: any;
  /** Set on an answer from the response cache. */
  age: string | null;
}

const SET_FIELDS = 'id name codes members { code name } shared mine version';
const CREATE = `mutation ($set: ComparatorSetInput!) { createComparatorSet(set: $set) { ${SET_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $changes: ComparatorSetChanges!) { updateComparatorSet(id: $id, changes: $changes) { ${SET_FIELDS} } }`;
const COMPARE = `query ($peers: PeerSelector!) {
  comparison(metric: "pct_plans_mainstream", period: 202425, focus: "886", peers: $peers) {
    peerGroup { id kind label size }
    members { authority { code } value { value numerator denominator status } rank quartileBand isFocus }
    statistics { count withValue median lowerQuartile upperQuartile min max aggregate { value numerator denominator members } }
    england { value }
  }
}`;
const TREND = `query ($peers: PeerSelector) { trend(metric: "pct_plans_mainstream", areas: ["886"], peers: $peers) { series { id kind label points { period { code } value status } } } }`;

const PEERS_ELSEWHERE = `query ($peers: PeerSelector!) {
  profile(code: "886", peers: $peers, year: 2025) { peerGroup { id size } metrics { metric { id } rank rankOutOf quartileBand peers { median lowerQuartile upperQuartile aggregate { value numerator denominator } } } }
  relationship(x: "hn_spend_per_plan", y: "pct_plans_mainstream", focus: "886", highlight: $peers, year: 2025) { points { authority { code } highlighted } }
  forecast(area: { peers: $peers }) { areaCodes baseYear baseTotal }
}`;

const KENT_AND_FRIENDS = ['886', '887', '888', '921', '936'];

/** The answer without the peer group's label (a saved set is labelled with its name). */
const unlabelled = (body: any) => ({ ...body.data.comparison, peerGroup: { ...body.data.comparison.peerGroup, label: undefined } });
const firstError = (answer: Answer) => ({ code: answer.body.errors?.[0]?.extensions?.code, field: answer.body.errors?.[0]?.extensions?.field, message: answer.body.errors?.[0]?.message });

for (const engine of ENGINES) {
  describe(`${engine} saved comparator sets and views`, () => {
    let handle: DatabaseHandle;
    let idp: LocalIdentityProvider;
    let served: SignedInApp;
    const tokens = new Map<LocalUser, string>();

    /** One GraphQL request over HTTP as `user` (a bearer token) or anonymously. */
    const ask = async (user: LocalUser | undefined, query: string, variables: Record<string, unknown> = {}): Promise<Answer> => {
      if (user && !tokens.has(user)) tokens.set(user, await idp.accessTokenFor(user));
      const response = await fetch(`${served.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(user ? { authorization: `Bearer ${tokens.get(user)}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json(), age: response.headers.get('age') };
    };
    const create = async (user: LocalUser, set: { name: string; codes: string[]; shared?: boolean }) => (await ask(user, CREATE, { set })).body.data.createComparatorSet;
    /** The audit log's events about one saved set or view, oldest first. */
    const auditedChangesOf = async (id: string) =>
      (
        await sql<{ event: string; subject: string; detail: Record<string, unknown> }>`
          select event, subject, detail from audit_event where event like 'saved-%' and detail->>'id' = ${id} order by id
        `.execute(handle.db)
      ).rows;

    beforeAll(async () => {
      const port = await freePort();
      handle = await openSharedDatabase(engine);
      await handle.db.deleteFrom('comparator_set').where('owner', 'like', 'script-%').execute();
      await handle.db.deleteFrom('saved_view').where('owner', 'like', 'script-%').execute();
      idp = await startProviderFor([port]);
      served = await serveWithSignIn(handle, idp, port);
    });

    afterAll(async () => {
      await handle?.db.deleteFrom('comparator_set').where('owner', 'like', 'script-%').execute();
      await handle?.db.deleteFrom('saved_view').where('owner', 'like', 'script-%').execute();
      await served?.stop();
      await idp?.close();
      await handle?.close();
    });

    test('refuses saving a set for an anonymous caller, saying sign-in is needed', async () => {
      const answer = await ask(undefined, CREATE, { set: { name: 'Mine', codes: ['886'] } });
      expect({ ...firstError(answer), reason: answer.body.errors[0].extensions.reason, data: answer.body.data }).toEqual({
        code: 'FORBIDDEN',
        field: undefined,
        reason: 'SIGN_IN_REQUIRED',
        message: 'Saving a comparator set needs sign-in: anonymous callers cannot save or use saved comparator sets and views. Sign in and try again.',
        data: null,
      });
    });

    test('creates, lists, renames, re-lists and deletes a comparator set', async () => {
      const created = await create('analyst', { name: '  Kent and friends ', codes: ['886', 'E10000016', '888'] });
      expect({ ...created, id: created.id.length }).toEqual({
        id: 16,
        name: 'Kent and friends',
        codes: ['886', '888'],
        members: [
          { code: '886', name: 'Kent' },
          { code: '888', name: 'Lancashire' },
        ],
        shared: false,
        mine: true,
        version: 1,
      });
      const renamed = (await ask('analyst', UPDATE, { id: created.id, changes: { name: 'Two counties', codes: ['888', '886', '921'] } })).body.data.updateComparatorSet;
      expect([renamed.name, renamed.codes, renamed.version]).toEqual(['Two counties', ['888', '886', '921'], 2]);
      const listed = (await ask('analyst', '{ comparatorSets { id name } }')).body.data.comparatorSets;
      expect(listed).toEqual([{ id: created.id, name: 'Two counties' }]);
      expect((await ask('analyst', 'mutation ($id: ID!) { deleteComparatorSet(id: $id) }', { id: created.id })).body.data.deleteComparatorSet).toBe(true);
      // Deleted again (a retried request): nothing to delete, no error.
      expect((await ask('analyst', 'mutation ($id: ID!) { deleteComparatorSet(id: $id) }', { id: created.id })).body.data.deleteComparatorSet).toBe(false);
      expect((await ask('analyst', '{ comparatorSets { id } }')).body.data.comparatorSets).toEqual([]);
      expect(firstError(await ask('analyst', 'query ($id: ID!) { comparatorSet(id: $id) { id } }', { id: created.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'id',
        message: `id: no comparator set has id "${created.id}"; it may have been deleted.`,
      });
      // Each change in the audit log, once (the retried delete changed nothing and is not logged).
      expect(await auditedChangesOf(created.id)).toEqual([
        { event: 'saved-create', subject: 'script-analyst', detail: { kind: 'comparator_set', id: created.id, name: 'Kent and friends', codes: ['886', '888'], shared: false } },
        { event: 'saved-change', subject: 'script-analyst', detail: { kind: 'comparator_set', id: created.id, changes: { name: 'Two counties', codes: ['888', '886', '921'] } } },
        { event: 'saved-delete', subject: 'script-analyst', detail: { kind: 'comparator_set', id: created.id } },
      ]);
    });

    test('refuses unknown LA codes, naming each of them', async () => {
      expect(firstError(await ask('analyst', CREATE, { set: { name: 'Typos', codes: ['886', '999', 'E99999999', 'kent'] } }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'set.codes',
        message: 'set.codes: unknown LA codes "999", "E99999999", "kent". Use 3-digit DfE LA numbers (e.g. 886) or ONS E-codes; the authorities query lists them.',
      });
    });

    test('refuses a set of more than 30 LAs', async () => {
      const codes = (await handle.db.selectFrom('local_authority').select('la_code').where('is_current', '=', true).orderBy('la_code').limit(31).execute()).map((r) => r.la_code);
      expect(firstError(await ask('analyst', CREATE, { set: { name: 'Too many', codes } }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'set.codes',
        message: 'set.codes: a comparator set holds 1 to 30 LAs; 31 were given.',
      });
      expect((await create('analyst', { name: 'Thirty', codes: codes.slice(0, 30) })).codes).toHaveLength(30);
    });

    test('keeps a private set to its owner and lets any signed-in user with the link use a shared one', async () => {
      const set = await create('kent-officer', { name: 'Kent officer set', codes: KENT_AND_FRIENDS });
      const read = `query ($id: ID!) { comparatorSet(id: $id) { name codes shared mine } }`;
      const refusedPrivate = { code: 'FORBIDDEN', field: 'id', message: `id: the comparator set "${set.id}" is private to its owner.` };
      expect(firstError(await ask('analyst', read, { id: set.id }))).toEqual(refusedPrivate);
      expect(firstError(await ask('analyst', COMPARE, { peers: { savedSetId: set.id } }))).toEqual({ ...refusedPrivate, field: 'peers.savedSetId', message: refusedPrivate.message.replace('id:', 'peers.savedSetId:') });

      await ask('kent-officer', UPDATE, { id: set.id, changes: { shared: true } });
      expect((await ask('analyst', read, { id: set.id })).body.data.comparatorSet).toEqual({ name: 'Kent officer set', codes: KENT_AND_FRIENDS, shared: true, mine: false });
      expect((await ask('visitor', COMPARE, { peers: { savedSetId: set.id } })).body.data.comparison.peerGroup).toEqual({ id: `custom:${KENT_AND_FRIENDS.join(',')}`, kind: 'CUSTOM', label: 'Kent officer set', size: 5 });
      expect(firstError(await ask('analyst', UPDATE, { id: set.id, changes: { name: 'Taken over' } }))).toEqual({ code: 'FORBIDDEN', field: 'id', message: `id: only the owner of the comparator set "${set.id}" may change or delete it.` });
      expect(firstError(await ask(undefined, COMPARE, { peers: { savedSetId: set.id } })).code).toBe('FORBIDDEN');
    });

    test('names the field of an unknown or contradictory savedSetId', async () => {
      expect(firstError(await ask('analyst', COMPARE, { peers: { savedSetId: 'AAAAAAAAAAAAAAAA' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'peers.savedSetId', message: 'peers.savedSetId: no comparator set has id "AAAAAAAAAAAAAAAA"; it may have been deleted.' });
      expect(firstError(await ask('analyst', COMPARE, { peers: { savedSetId: 'not an id' } })).field).toBe('peers.savedSetId');
      expect(firstError(await ask('analyst', COMPARE, { peers: { kind: 'REGION', savedSetId: 'AAAAAAAAAAAAAAAA' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'peers.savedSetId', message: 'peers: savedSetId names the whole set; leave out kind, of, tranche and codes.' });
    });

    test('answers a saved set exactly as the same list of LAs given inline', async () => {
      const set = await create('analyst', { name: 'Inline twin', codes: KENT_AND_FRIENDS });
      const saved = await ask('analyst', COMPARE, { peers: { savedSetId: set.id } });
      const inline = await ask('analyst', COMPARE, { peers: { kind: 'CUSTOM', codes: KENT_AND_FRIENDS } });
      expect(saved.body.data.comparison.peerGroup.label).toBe('Inline twin');
      expect(unlabelled(saved.body)).toEqual(unlabelled(inline.body));
      // The team rule: the set's rate is the sum of numerators over the sum of denominators.
      const members = inline.body.data.comparison.members.map((m: any) => m.value);
      const sum = (key: 'numerator' | 'denominator') => members.reduce((total: number, v: any) => total + v[key], 0);
      expect(saved.body.data.comparison.statistics.aggregate.value).toBeCloseTo((sum('numerator') / sum('denominator')) * 100, 10);
      const savedTrend = (await ask('analyst', TREND, { peers: { savedSetId: set.id } })).body.data.trend.series;
      const inlineTrend = (await ask('analyst', TREND, { peers: { kind: 'CUSTOM', codes: KENT_AND_FRIENDS } })).body.data.trend.series;
      expect(savedTrend.map((s: any) => s.points)).toEqual(inlineTrend.map((s: any) => s.points));
    });

    test('takes a saved set in the profile, the relationship highlight and the forecast as the inline list', async () => {
      const set = await create('kent-officer', { name: 'Everywhere', codes: KENT_AND_FRIENDS });
      const saved = await ask('kent-officer', PEERS_ELSEWHERE, { peers: { savedSetId: set.id } });
      const inline = await ask('kent-officer', PEERS_ELSEWHERE, { peers: { kind: 'CUSTOM', codes: KENT_AND_FRIENDS } });
      expect(saved.body.errors).toBeUndefined();
      expect(saved.body.data).toEqual(inline.body.data);
      expect(saved.body.data.relationship.points.filter((p: any) => p.highlighted).map((p: any) => p.authority.code).sort()).toEqual(KENT_AND_FRIENDS);
      expect(saved.body.data.forecast.areaCodes).toEqual(KENT_AND_FRIENDS);
    });

    test('lets embedded mode\'s one local user save and use a set', async () => {
      const local = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production: false, responseCache: true, identity: await createIdentity(loadConfig({ HOST: '127.0.0.1', LOCAL_USER: 'on' })) });
      await new Promise<void>((resolve) => local.server.listen(0, '127.0.0.1', () => resolve()));
      const base = `http://127.0.0.1:${(local.server.address() as AddressInfo).port}`;
      const post = async (query: string, variables: Record<string, unknown>) =>
        (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json() as Promise<any>;
      try {
        const created = (await post(CREATE, { set: { name: 'Local set', codes: ['886', '887'] } })).data.createComparatorSet;
        const compared = await post(COMPARE, { peers: { savedSetId: created.id } });
        expect([created.mine, compared.data.comparison.peerGroup]).toEqual([true, { id: 'custom:886,887', kind: 'CUSTOM', label: 'Local set', size: 2 }]);
        expect(await handle.db.selectFrom('comparator_set').select('owner').where('id', '=', created.id).executeTakeFirst()).toEqual({ owner: 'local' });
      } finally {
        await handle.db.deleteFrom('comparator_set').where('owner', '=', 'local').execute();
        await local.stop();
      }
    });

    test('never answers from the response cache for a set that has changed since', async () => {
      const set = await create('analyst', { name: 'Changing', codes: ['886', '887'] });
      const first = await ask('analyst', COMPARE, { peers: { savedSetId: set.id } });
      const again = await ask('analyst', COMPARE, { peers: { savedSetId: set.id } });
      await ask('analyst', UPDATE, { id: set.id, changes: { codes: KENT_AND_FRIENDS } });
      const edited = await ask('analyst', COMPARE, { peers: { savedSetId: set.id } });
      const inline = await ask('analyst', COMPARE, { peers: { kind: 'CUSTOM', codes: KENT_AND_FRIENDS } });
      expect([first.age === null, again.age !== null, edited.age === null]).toEqual([true, true, true]);
      expect([first.body.data.comparison.peerGroup.size, edited.body.data.comparison.peerGroup.size]).toEqual([2, 5]);
      expect(unlabelled(edited.body)).toEqual(unlabelled(inline.body));
      await ask('analyst', 'mutation ($id: ID!) { deleteComparatorSet(id: $id) }', { id: set.id });
      expect(firstError(await ask('analyst', COMPARE, { peers: { savedSetId: set.id } })).code).toBe('BAD_USER_INPUT');
    });

    test('gives the set or view already saved when the same one is saved again (a retried request makes no copy)', async () => {
      const first = await create('analyst', { name: 'Retried', codes: ['886', '887'] });
      const again = await create('analyst', { name: 'Retried', codes: ['886', '887'] });
      const otherOrder = await create('analyst', { name: 'Retried', codes: ['887', '886'] });
      const save = 'mutation ($view: SavedViewInput!) { saveView(view: $view) { id } }';
      const view = { name: 'Retried view', path: '/compare', search: '?la=886' };
      const [v1, v2] = [(await ask('analyst', save, { view })).body.data.saveView, (await ask('analyst', save, { view })).body.data.saveView];
      const sets = (await ask('analyst', '{ comparatorSets { name codes } }')).body.data.comparatorSets
        .filter((set: { name: string }) => set.name === 'Retried')
        .map((set: { codes: string[] }) => set.codes.join(','))
        .sort();
      expect({ same: again.id === first.id, differentOrderIsAnotherSet: otherOrder.id !== first.id, sets, sameView: v1.id === v2.id }).toEqual({
        same: true,
        differentOrderIsAnotherSet: true,
        sets: ['886,887', '887,886'],
        sameView: true,
      });
      for (const id of [first.id, otherOrder.id]) await ask('analyst', 'mutation ($id: ID!) { deleteComparatorSet(id: $id) }', { id });
      await ask('analyst', 'mutation ($id: ID!) { deleteSavedView(id: $id) }', { id: v1.id });
    });

    test('makes one set and one view, each audited once, of the same save sent several times at once', async () => {
      const saveView = 'mutation ($view: SavedViewInput!) { saveView(view: $view) { id } }';
      const view = { name: 'At once view', path: '/compare', search: '?la=887' };
      const answers = await Promise.all([
        ...Array.from({ length: 6 }, () => ask('analyst', CREATE, { set: { name: 'At once', codes: ['886', '887', '888'] } })),
        ...Array.from({ length: 6 }, () => ask('analyst', saveView, { view })),
      ]);
      const setIds = new Set(answers.slice(0, 6).map((a) => a.body.data.createComparatorSet.id));
      const viewIds = new Set(answers.slice(6).map((a) => a.body.data.saveView.id));
      const stored = await sql<{ sets: number; views: number }>`
        select (select count(*)::integer from comparator_set where owner = 'script-analyst' and name = 'At once') as sets,
          (select count(*)::integer from saved_view where owner = 'script-analyst' and name = 'At once view') as views
      `.execute(handle.db);
      const [setId] = setIds;
      const [viewId] = viewIds;
      expect({ setIds: setIds.size, viewIds: viewIds.size, stored: stored.rows[0], setEvents: (await auditedChangesOf(setId)).map((e) => e.event), viewEvents: (await auditedChangesOf(viewId)).map((e) => e.event) }).toEqual({
        setIds: 1,
        viewIds: 1,
        stored: { sets: 1, views: 1 },
        setEvents: ['saved-create'],
        viewEvents: ['saved-create'],
      });
      await ask('analyst', 'mutation ($id: ID!) { deleteComparatorSet(id: $id) }', { id: setId });
      await ask('analyst', 'mutation ($id: ID!) { deleteSavedView(id: $id) }', { id: viewId });
    });

    test('saves, lists, renames, shares and deletes a view', async () => {
      const save = 'mutation ($view: SavedViewInput!) { saveView(view: $view) { id name path search shared mine } }';
      const view = (await ask('admin', save, { view: { name: 'Kent on the map', path: '/map', search: '?la=886&metric=pct_plans_mainstream' } })).body.data.saveView;
      expect({ ...view, id: undefined }).toEqual({ id: undefined, name: 'Kent on the map', path: '/map', search: '?la=886&metric=pct_plans_mainstream', shared: false, mine: true });
      const open = 'query ($id: ID!) { savedView(id: $id) { name path search mine } }';
      expect(firstError(await ask('analyst', open, { id: view.id })).code).toBe('FORBIDDEN');
      await ask('admin', 'mutation ($id: ID!) { updateSavedView(id: $id, changes: { name: "Kent mapped", shared: true }) { id } }', { id: view.id });
      expect((await ask('analyst', open, { id: view.id })).body.data.savedView).toEqual({ name: 'Kent mapped', path: '/map', search: '?la=886&metric=pct_plans_mainstream', mine: false });
      expect((await ask('admin', '{ savedViews { name shared } }')).body.data.savedViews).toEqual([{ name: 'Kent mapped', shared: true }]);
      expect(firstError(await ask('admin', save, { view: { name: 'Elsewhere', path: 'https://example.org/', search: '' } }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'view.path',
        message: 'view.path must be a page of the dashboard such as "/compare"; got "https://example.org/".',
      });
      expect((await ask('admin', 'mutation ($id: ID!) { deleteSavedView(id: $id) }', { id: view.id })).body.data.deleteSavedView).toBe(true);
      expect(firstError(await ask(undefined, '{ savedViews { id } }')).code).toBe('FORBIDDEN');
      expect(await auditedChangesOf(view.id)).toEqual([
        { event: 'saved-create', subject: 'script-admin', detail: { kind: 'saved_view', id: view.id, name: 'Kent on the map', path: '/map', shared: false } },
        { event: 'saved-change', subject: 'script-admin', detail: { kind: 'saved_view', id: view.id, changes: { name: 'Kent mapped', shared: true } } },
        { event: 'saved-delete', subject: 'script-admin', detail: { kind: 'saved_view', id: view.id } },
      ]);
    });
  });
}
