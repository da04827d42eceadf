import type { TypedDocumentString } from '../gql/graphql';
import { useMemo } from 'react';
import { type AnyVariables, type CombinedError, createRequest, useQuery } from 'urql';

export interface PageQuery<Data> {
  data: Data | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  retry: () => void;
}

/**
 * Runs a view's one GraphQL request. `pause` holds it back until the view has what it needs
 * (e.g. an authority); `keepPrevious` keeps showing the last figures while new ones load (for
 * forms that must stay in place, with their focus, while the user works).
 */
export function usePageQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentString<Data, Variables>,
  variables: Variables,
  options: { pause?: boolean; keepPrevious?: boolean } = {},
): PageQuery<Data> {
  const { pause = false, keepPrevious = false } = options;
  // The generated document is a String object; urql wants the primitive (it keeps the types).
  const document = query.toString();
  const [result, reexecute] = useQuery<Data, Variables>({ query: document, variables, pause });
  // When the view changes (new variables), the previous view's figures must not stand in for the
  // new ones: treat a result for another request as still loading.
  const key = useMemo(() => createRequest(document, variables).key, [document, variables]);
  const current = keepPrevious || result.operation?.key === key;
  return {
    data: current ? result.data : undefined,
    fetching: result.fetching || !current,
    error: current ? result.error : undefined,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** What went wrong, in words a user can act on. */
export function describeError(error: CombinedError): { title: string; detail: string; code?: string } {
  if (error.networkError) {
    return {
      title: 'The data service could not be reached',
      detail: 'SENDbench could not get figures from its API. Check your connection, then try again.',
    };
  }
  const first = error.graphQLErrors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : undefined;
  return {
    title: code === 'UNKNOWN_AUTHORITY' ? 'Authority not found' : code === 'UNKNOWN_METRIC' ? 'Metric not found' : code === 'PERIOD_NOT_AVAILABLE' ? 'No data for that period' : 'The figures could not be loaded',
    detail: first?.message ?? error.message,
    code,
  };
}
