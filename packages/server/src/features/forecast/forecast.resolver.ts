import { Arg, Ctx, Float, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { forecastFor } from './forecast.service';
import { Forecast, ForecastAreaInput, ForecastLeversInput, ForecastMethodChoice } from './forecast.type';

/** Default annual uprating of 2021-22 unit costs. */
export const DEFAULT_UPRATING_RATE = 0.03;

@Resolver(() => Forecast)
export class ForecastResolver {
  @Query(() => Forecast, {
    description:
      'EHC plans (total and by placement group, 80%/95% intervals) and implied high-needs spend for the next 5 Januaries, unmitigated and with the levers, for an LA, a peer set (members summed) or England; the backtest that chose the method, unit costs with their source, the actual 1.2.x spend, every assumption and caveat. Two SQL statements.',
    complexity: ({ childComplexity }) => 10 + childComplexity,
  })
  async forecast(
    @Ctx() ctx: ApiContext,
    @Arg('area', () => ForecastAreaInput, { description: 'Exactly one of laCode, peers or england.' }) area: ForecastAreaInput,
    @Arg('levers', () => ForecastLeversInput, { nullable: true, description: 'The mitigated case (default: all 0, no cap).' }) levers?: ForecastLeversInput | null,
    @Arg('upratingRate', () => Float, { defaultValue: DEFAULT_UPRATING_RATE, description: 'Annual uprating of 2021-22 unit costs, −0.5–0.5 (default 0.03).' }) upratingRate: number = DEFAULT_UPRATING_RATE,
    @Arg('method', () => ForecastMethodChoice, { nullable: true, description: 'Force a method instead of the backtest\'s choice (the choice is still reported).' }) method?: ForecastMethodChoice | null,
  ): Promise<Forecast> {
    const reference = await ctx.reference();
    const chosenLevers = levers ?? { diversionToSenSupport: 0, specialToMainstream: 0, ceaseRateChange: 0, growthCap: null };
    return forecastFor(ctx.db, reference, area, chosenLevers, upratingRate, method ?? null);
  }
}
