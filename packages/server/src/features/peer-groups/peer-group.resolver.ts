import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { LaCodeScalar } from '../../graphql/scalars';
import { requireAuthority } from '../authorities/authority.service';
import { PeerGroup, PeerKind } from './peer-group.type';
import { resolvePeers, toPeerGroup } from './peer-group.service';

@Resolver(() => PeerGroup)
export class PeerGroupResolver {
  @Query(() => [PeerGroup], {
    description:
      'The named comparator sets and their members: every region, the DBV cohort and each tranche, Safety Valve, England, and — when `of` is given — that LA\'s statistical neighbours.',
    complexity: ({ childComplexity }) => 16 * childComplexity,
  })
  async peerGroups(@Ctx() ctx: ApiContext, @Arg('of', () => LaCodeScalar, { nullable: true, description: 'Add the statistical neighbours (and region) of this LA.' }) of?: string | null): Promise<PeerGroup[]> {
    const reference = await ctx.reference();
    const groups = [];
    if (of) {
      const la = requireAuthority(reference, of);
      groups.push(resolvePeers(reference, { kind: PeerKind.STATISTICAL_NEIGHBOURS }, la));
    }
    const regions = [...reference.areas.values()].filter((a) => a.level === 'regional' && a.code.startsWith('E12'));
    for (const region of regions) {
      const anyLa = reference.currentAuthorities().find((la) => la.regionCode === region.code);
      if (anyLa) groups.push(resolvePeers(reference, { kind: PeerKind.REGION }, anyLa));
    }
    groups.push(resolvePeers(reference, { kind: PeerKind.DBV }));
    for (const tranche of [1, 2, 3]) groups.push(resolvePeers(reference, { kind: PeerKind.DBV, tranche }));
    groups.push(resolvePeers(reference, { kind: PeerKind.SAFETY_VALVE }));
    groups.push(resolvePeers(reference, { kind: PeerKind.ENGLAND }));
    return groups.map(toPeerGroup);
  }
}
