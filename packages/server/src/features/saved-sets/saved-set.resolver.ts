import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import {
  changeComparatorSet,
  changeSavedView,
  createComparatorSet,
  createSavedView,
  deleteSavedThing,
  listComparatorSets,
  listSavedViews,
  readComparatorSet,
  readSavedView,
} from './saved-set.service';
import { ComparatorSet, ComparatorSetChanges, ComparatorSetInput, SavedView, SavedViewChanges, SavedViewInput } from './saved-set.type';

/**
 * Saved comparator sets and views of the signed-in caller. Their answers change without a data
 * import, so none is kept by the response cache.
 */
@Resolver()
export class SavedSetResolver {
  @Query(() => [ComparatorSet], { description: "The caller's saved comparator sets, by name. Needs sign-in." })
  comparatorSets(@Ctx() ctx: ApiContext): Promise<ComparatorSet[]> {
    ctx.store.uncacheable = true;
    return listComparatorSets(ctx);
  }

  @Query(() => ComparatorSet, { description: 'One saved comparator set: the caller\'s own, or one shared by link. Needs sign-in.' })
  comparatorSet(@Ctx() ctx: ApiContext, @Arg('id', () => ID) id: string): Promise<ComparatorSet> {
    ctx.store.uncacheable = true;
    return readComparatorSet(ctx, id);
  }

  @Query(() => [SavedView], { description: "The caller's saved views, by name. Needs sign-in." })
  savedViews(@Ctx() ctx: ApiContext): Promise<SavedView[]> {
    ctx.store.uncacheable = true;
    return listSavedViews(ctx);
  }

  @Query(() => SavedView, { description: "One saved view: the caller's own, or one shared by link. Needs sign-in." })
  savedView(@Ctx() ctx: ApiContext, @Arg('id', () => ID) id: string): Promise<SavedView> {
    ctx.store.uncacheable = true;
    return readSavedView(ctx, id);
  }

  @Mutation(() => ComparatorSet, { description: 'Saves a named comparator set of 1–30 LAs. Needs sign-in.' })
  createComparatorSet(@Ctx() ctx: ApiContext, @Arg('set', () => ComparatorSetInput) set: ComparatorSetInput): Promise<ComparatorSet> {
    return createComparatorSet(ctx, set);
  }

  @Mutation(() => ComparatorSet, { description: 'Renames, re-lists or (un)shares one of the caller\'s comparator sets; answers for it change at once.' })
  updateComparatorSet(@Ctx() ctx: ApiContext, @Arg('id', () => ID) id: string, @Arg('changes', () => ComparatorSetChanges) changes: ComparatorSetChanges): Promise<ComparatorSet> {
    return changeComparatorSet(ctx, id, changes);
  }

  @Mutation(() => Boolean, { description: "Deletes one of the caller's comparator sets: true when deleted, false when no set has that id (already deleted: deleting twice is harmless)." })
  deleteComparatorSet(@Ctx() ctx: ApiContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return deleteSavedThing(ctx, 'comparator_set', id);
  }

  @Mutation(() => SavedView, { description: "Saves a page's URL state with a name. Needs sign-in." })
  saveView(@Ctx() ctx: ApiContext, @Arg('view', () => SavedViewInput) view: SavedViewInput): Promise<SavedView> {
    return createSavedView(ctx, view);
  }

  @Mutation(() => SavedView, { description: "Renames or (un)shares one of the caller's saved views." })
  updateSavedView(@Ctx() ctx: ApiContext, @Arg('id', () => ID) id: string, @Arg('changes', () => SavedViewChanges) changes: SavedViewChanges): Promise<SavedView> {
    return changeSavedView(ctx, id, changes);
  }

  @Mutation(() => Boolean, { description: "Deletes one of the caller's saved views: true when deleted, false when no view has that id (already deleted)." })
  deleteSavedView(@Ctx() ctx: ApiContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return deleteSavedThing(ctx, 'saved_view', id);
  }
}
