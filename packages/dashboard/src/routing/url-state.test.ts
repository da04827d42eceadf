import { describe, expect, test } from 'vitest';
import { effectivePeers, hrefFor, pageOfPath, parseState, peerSelector, stateToSearch } from './url-state';

describe('url state', () => {
  test('round-trips every part of the state', () => {
    const search = '?la=886&peers=custom&custom=881,822&metric=pct_plans_mainstream&period=202425&x=hn_spend_per_plan&y=pct_plans_mainstream&year=2024&view=table';
    expect(stateToSearch(parseState(search))).toBe(search);
  });

  test('leaves defaults out of the address', () => {
    expect(stateToSearch(parseState('?la=886&peers=sn&view=chart'))).toBe('?la=886');
  });

  test('ignores malformed values', () => {
    const state = parseState('?la=<script>&peers=everyone&metric=DROP TABLE&period=20x&custom=886,abc,886');
    expect(state).toMatchObject({ la: undefined, peers: 'sn', metric: undefined, period: undefined, custom: ['886'], view: 'chart' });
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
