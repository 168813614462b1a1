import { QueryClient } from '@tanstack/react-query';

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
