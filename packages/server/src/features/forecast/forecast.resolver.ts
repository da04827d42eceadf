import { Arg, Ctx, Float, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { inlineSavedSet } from '../saved-sets/saved-set.service';
import { DEFAULT_FORECAST_SETTINGS, forecastFor } from './forecast.service';
import { Forecast, ForecastAreaInput, ForecastLeversInput, ForecastMethodChoice } from './forecast.type';

@Resolver(() => Forecast)
export class ForecastResolver {
  @Query(() => Forecast, {
    description:
      'EHC plans (total and by placement group, 80%/95% intervals) and implied high-needs spend for the next 5 Januaries, unmitigated and with the levers, for an LA, a peer set (members summed, predecessors joined where the set covers a reorganisation) or England; the backtest that chose the method, the cohort model\'s rates, unit costs with their source, the actual 1.2.x spend, every assumption and caveat. One SQL statement.',
    complexity: ({ childComplexity }) => 10 + childComplexity,
  })
  async forecast(
    @Ctx() ctx: ApiContext,
    @Arg('area', () => ForecastAreaInput, { description: 'Exactly one of laCode, peers or england.' }) area: ForecastAreaInput,
    @Arg('levers', () => ForecastLeversInput, { nullable: true, description: 'The mitigated case (default: all 0, no cap).' }) levers?: ForecastLeversInput | null,
    @Arg('upratingRate', () => Float, { defaultValue: DEFAULT_FORECAST_SETTINGS.upratingRate, description: 'Annual uprating of 2021-22 unit costs and of the SEN support cost, −0.5–0.5 (default 0.03).' })
    upratingRate: number = DEFAULT_FORECAST_SETTINGS.upratingRate,
    @Arg('newPlansGrowth', () => Float, { defaultValue: DEFAULT_FORECAST_SETTINGS.newPlansGrowth, description: 'Annual growth of new plans in the cohort model and its backtest, −0.5–0.5 (default 0: new plans stay at the latest year\'s number).' })
    newPlansGrowth: number = DEFAULT_FORECAST_SETTINGS.newPlansGrowth,
    @Arg('senSupportCost', () => Float, { defaultValue: DEFAULT_FORECAST_SETTINGS.senSupportCost, description: 'Cost a year of meeting one diverted child\'s needs at SEN support instead of a plan, 2021-22 £, 0–50,000 (default 6,000), taken off the mitigated saving.' })
    senSupportCost: number = DEFAULT_FORECAST_SETTINGS.senSupportCost,
    @Arg('method', () => ForecastMethodChoice, { nullable: true, description: 'Ask for a method instead of the backtest\'s choice (the choice is still reported); when it cannot run for the area the other is used and methodReason says so.' }) method?: ForecastMethodChoice | null,
  ): Promise<Forecast> {
    const reference = await ctx.reference();
    const chosenLevers = levers ?? { diversionToSenSupport: 0, specialToMainstream: 0, ceaseRateChange: 0, growthCap: null };
    const peers = await inlineSavedSet(ctx, area.peers, 'area.peers');
    return forecastFor(ctx.db, reference, { ...area, peers }, chosenLevers, { upratingRate, newPlansGrowth, senSupportCost, method: method ?? null });
  }
}
