import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { EvaluationArgs } from './evaluation.args';
import { evaluate } from './evaluation.service';
import { Evaluation } from './evaluation.type';

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Query(() => Evaluation, {
    description:
      'Programme evaluation (issue 18): did a DBV in SEND or Safety Valve cohort move differently after its start from comparable authorities? Group means, an event study and a staggered difference in differences (Callaway and Sant\'Anna) with seeded bootstrap intervals, the simple 2×2, a permutation test, pre-trend checks, an optional synthetic comparison for one authority, the authorities used and dropped, and a plain-English verdict with its caveats. Bad input is BAD_USER_INPUT with `extensions.field` naming the argument. Two SQL statements.',
  })
  evaluation(@Ctx() ctx: ApiContext, @Args(() => EvaluationArgs) args: EvaluationArgs): Promise<Evaluation> {
    return evaluate(ctx, args);
  }
}
