import { QueryClient, type QueryKey, type Updater } from '@tanstack/react-query';

import { ApiError } from '../api/problem';

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The reference data changes a few times a year; ETags keep re-validation cheap anyway.
        staleTime: 5 * 60 * 1000,
        // A 4xx answer will not change by asking again; network errors and 5xx might.
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && !(error instanceof ApiError && error.status < 500),
      },
    },
  });
}

/**
 * Puts the answer to a change (or a function of the cached data) in the cache of one query. A read
 * of that query still under way may have been sent before the change was saved: answering later, it
 * would put the old state back over the new one. So that read is cancelled first, and the cancel is
 * awaited, so that the read has ended (its query back at what it held before) when the answer lands.
 */
export async function storeAnswer<T>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  answer: Updater<T | undefined, T | undefined>,
): Promise<void> {
  await queryClient.cancelQueries({ queryKey, exact: true });
  queryClient.setQueryData<T>(queryKey, answer);
}
