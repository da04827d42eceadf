import { describe, expect, test } from 'vitest';
import { effectivePeers, hrefFor, pageOfPath, parseState, peerSelector, stateToSearch } from './url-state';

describe('url state', () => {
  test('round-trips every part of the state', () => {
    const search = '?la=886&peers=custom&custom=881,822&metric=pct_plans_mainstream&period=202425&x=hn_spend_per_plan&y=pct_plans_mainstream&year=2024&view=table';
    expect(stateToSearch(parseState(search))).toBe(search);
  });

  test('round-trips every part of the evaluation state', () => {
    const search =
      '?metric=ehc_plans&cohort=dbv&transform=log&comparison=neighbours&timing=not-yet-treated&starts=dbv:1@2022-07,dbv:3@2024-01&from=201819&to=202425&base=202122&straddle=yes&draws=1999&seed=7&focus=909&donors=neighbours';
    expect(stateToSearch(parseState(search))).toBe(search);
  });

  test('ignores malformed evaluation values', () => {
    const { evaluation } = parseState('?cohort=dbv:1;drop&transform=cube&comparison=everyone&starts=dbv:1@2022-13,x@2022-01&draws=50&seed=-1&focus=Kent&donors=all');
    expect(evaluation).toEqual({ cohort: undefined, transform: 'level', comparison: 'no-programme', notYetTreated: false, starts: [], from: undefined, to: undefined, base: undefined, straddle: false, draws: undefined, seed: undefined, focus: undefined, neighbourDonors: false });
  });

  test('leaves defaults out of the address', () => {
    expect(stateToSearch(parseState('?la=886&peers=sn&view=chart'))).toBe('?la=886');
  });

  test('ignores malformed values', () => {
    const state = parseState('?la=<script>&peers=everyone&metric=DROP TABLE&period=20x&custom=886,abc,886');
    expect(state).toMatchObject({ la: undefined, peers: 'sn', metric: undefined, period: undefined, custom: ['886'], view: 'chart' });
  });

  test('carries a saved comparator set by its link id to the API', () => {
    const state = parseState('?la=886&peers=saved&set=Ab3_-Zz9Ab3_-Zz9');
    expect([stateToSearch(state), peerSelector(state)]).toEqual(['?la=886&peers=saved&set=Ab3_-Zz9Ab3_-Zz9', { savedSetId: 'Ab3_-Zz9Ab3_-Zz9' }]);
    expect(effectivePeers(parseState('?peers=saved&set=not-an-id'))).toEqual({ kind: 'ENGLAND' });
  });

  test('caps a custom set at 30 authorities', () => {
    const codes = Array.from({ length: 35 }, (_, i) => String(800 + i));
    expect(parseState(`?peers=custom&custom=${codes.join(',')}`).custom).toHaveLength(30);
  });

  test('maps comparator choices to the API peer selector', () => {
    expect(peerSelector({ la: '886', peers: 'sn', custom: [] })).toEqual({ kind: 'STATISTICAL_NEIGHBOURS' });
    expect(peerSelector({ la: '886', peers: 'dbv-2', custom: [] })).toEqual({ kind: 'DBV', tranche: 2 });
    expect(peerSelector({ la: undefined, peers: 'region', custom: [] })).toBeUndefined();
    expect(effectivePeers({ la: undefined, peers: 'sn', custom: [] })).toEqual({ kind: 'ENGLAND' });
  });

  test('knows the pages by path', () => {
    expect(pageOfPath('/')).toBe('start');
    expect(pageOfPath('/compare/')).toBe('compare');
    expect(pageOfPath('/catalogue')).toBe('metrics');
    expect(pageOfPath('/nowhere')).toBeUndefined();
    expect(hrefFor('trends', { la: '886', peers: 'region' })).toBe('/trends?la=886&peers=region');
  });
});
