/**
 * Every operation the dashboard sends, one per view. The texts are in operations.graphql; codegen
 * (`npm run codegen -w @sendbench/dashboard`) types them from the committed SDL into
 * src/gql/graphql.ts. Each is taken from there by name, not through the `graphql()` lookup map,
 * so the bundle holds each text once and a lazily loaded page brings only its own.
 */

export { StartPageDocument as StartPageQuery } from '../gql/graphql';

export { ProfilePageDocument as ProfilePageQuery } from '../gql/graphql';

/**
 * The 200 highest members: every LA in any real set (153 in England); a set of thousands (the
 * benchmark's synthetic ×100 areas) is ranked in full by the server and shown in part.
 */
export { ComparePageDocument as ComparePageQuery } from '../gql/graphql';

export { TrendsPageDocument as TrendsPageQuery } from '../gql/graphql';

export { RelationshipsPageDocument as RelationshipsPageQuery } from '../gql/graphql';

export { MetricsPageDocument as MetricsPageQuery } from '../gql/graphql';

export { DataPageDocument as DataPageQuery } from '../gql/graphql';

/**
 * Every figure of the Evaluation page in one request; the metric list comes from the catalogue in
 * packages/schema (so the form stays usable when the API refuses an input).
 */
export { EvaluationPageDocument as EvaluationPageQuery } from '../gql/graphql';

/**
 * Every figure of the Forecast page in one request: plans and spend five Januaries ahead for an LA,
 * a comparator set or England, with the backtest, the cohort model's rates and every assumption.
 */
export { ForecastPageDocument as ForecastPageQuery } from '../gql/graphql';

/**
 * A data-quality note on a value, as pages number and list it (footnote markers, tables, CSV).
 */
export { FootnoteFragmentDoc as FootnoteFragment } from '../gql/graphql';

export { DataQualityPageDocument as DataQualityPageQuery } from '../gql/graphql';

/**
 * One authority on the hex map: its figure, symbol, band and notes.
 */
export { MapMemberFragmentDoc as MapMemberFragment } from '../gql/graphql';

export { MapPageDocument as MapPageQuery } from '../gql/graphql';

/**
 * The report pack's print view: the profile, three trends and the map in one request (evaluation and forecast ask on their own).
 */
export { ReportPageDocument as ReportPageQuery } from '../gql/graphql';

/**
 * The report's evaluation summary: the DBV or Safety Valve cohort the LA belongs to, on the share of plans in mainstream.
 */
export { ReportEvaluationDocument as ReportEvaluationQuery } from '../gql/graphql';

/**
 * The report's forecast summary: the LA's plans five Januaries on, unmitigated.
 */
export { ReportForecastDocument as ReportForecastQuery } from '../gql/graphql';

/** Who is signed in (the page header): role, how, and an LA user's authority. */
export { SignedInUserDocument as SignedInUserQuery } from '../gql/graphql';

/** Saved comparator sets and views (asked for only where they are shown, never on a page's first request). */
export {
  ComparatorSetsDocument as ComparatorSetsQuery,
  ComparatorSetDocument as ComparatorSetQuery,
  SavedViewsDocument as SavedViewsQuery,
  SavedViewDocument as SavedViewQuery,
  CreateComparatorSetDocument as CreateComparatorSetMutation,
  UpdateComparatorSetDocument as UpdateComparatorSetMutation,
  DeleteComparatorSetDocument as DeleteComparatorSetMutation,
  SaveViewDocument as SaveViewMutation,
  UpdateSavedViewDocument as UpdateSavedViewMutation,
  DeleteSavedViewDocument as DeleteSavedViewMutation,
} from '../gql/graphql';
/** The provisional data page: the caller's role and the uploads they may see. */
export { ProvisionalPageDocument as ProvisionalPageQuery } from '../gql/graphql';

/** Shares (or stops sharing) an LA's active upload with DfE. */
export { ShareProvisionalUploadDocument as ShareProvisionalUploadMutation } from '../gql/graphql';

/** Withdraws an LA's upload. */
export { WithdrawProvisionalUploadDocument as WithdrawProvisionalUploadMutation } from '../gql/graphql';
