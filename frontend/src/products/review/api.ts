import { useQuery } from '@tanstack/react-query';

import { unwrap } from '../../api/call';
import { apiClient } from '../../api/client';
import { productKeys } from '../api';
import type { Review, Verdict } from '../types';

export async function fetchMyReviews(signal?: AbortSignal): Promise<Review[]> {
  const list = await unwrap(apiClient.GET('/mijn-toetsingen', { signal }));
  return list.resultaten;
}

export function giveVerdict(productId: number, reviewId: number, oordeel: Verdict, opmerkingen: string | null): Promise<Review> {
  return unwrap(
    apiClient.PUT('/producten/{id}/toetsingen/{toetsingId}', {
      params: { path: { id: productId, toetsingId: reviewId } },
      body: { oordeel, opmerkingen },
    }),
  );
}

export function useMyReviews() {
  return useQuery({
    queryKey: productKeys.myReviews,
    queryFn: ({ signal }) => fetchMyReviews(signal),
    staleTime: 30 * 1000,
  });
}

/** Unanswered invitations first (newest first), then answered ones (most recently answered first). */
export function sortReviews(reviews: readonly Review[]): { open: Review[]; answered: Review[] } {
  const newest = (a: string | null, b: string | null) => (b ?? '').localeCompare(a ?? '');
  return {
    open: reviews.filter((r) => r.oordeel === null).sort((a, b) => newest(a.uitgenodigdOp, b.uitgenodigdOp)),
    answered: reviews.filter((r) => r.oordeel !== null).sort((a, b) => newest(a.beantwoordOp, b.beantwoordOp)),
  };
}
