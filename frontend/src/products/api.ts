import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { storeAnswer } from '../app/queryClient';
import { useSession } from '../auth/session';
import type { Product, ProductFilters, ProductPage } from './types';

export const PAGE_SIZE = 20;

/**
 * What the API returns about products depends on who asks (the public, an editor, an invited
 * tester), so a signed-in person's answers live under the private key, dropped at login and logout.
 */
export type ProductScope = readonly ['producten'] | readonly ['prive', 'producten'];

const PUBLIC_SCOPE = ['producten'] as const;
const PRIVATE_SCOPE = ['prive', 'producten'] as const;

export const productKeys = {
  list: (scope: ProductScope, filters: ProductFilters) => [...scope, 'lijst', filters] as const,
  detail: (scope: ProductScope, id: number) => [...scope, 'product', id] as const,
  reviews: (id: number) => [...PRIVATE_SCOPE, 'product', id, 'toetsingen'] as const,
  history: (id: number) => [...PRIVATE_SCOPE, 'product', id, 'geschiedenis'] as const,
  myReviews: ['prive', 'mijn-toetsingen'] as const,
  deliveryPlan: ['prive', 'leveringsplan'] as const,
};

/** The key prefix for the current viewer; while the session is being checked, a cookie means signed in. */
export function useProductScope(): ProductScope {
  const session = useSession();
  return session.data === null ? PUBLIC_SCOPE : PRIVATE_SCOPE;
}

/** After a change: everything about products may be different, for every kind of viewer. */
export async function invalidateProducts(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: PUBLIC_SCOPE }),
    queryClient.invalidateQueries({ queryKey: PRIVATE_SCOPE }),
    queryClient.invalidateQueries({ queryKey: productKeys.myReviews }),
    queryClient.invalidateQueries({ queryKey: productKeys.deliveryPlan }),
  ]);
}

// Products change during the day (unlike the measures); the ETag keeps asking again cheap.
const PRODUCT_STALE_TIME = 30 * 1000;

export function fetchProducts(query: ProductFilters, signal?: AbortSignal): Promise<ProductPage> {
  return unwrap(apiClient.GET('/producten', { params: { query }, signal }));
}

export function fetchProduct(id: number, signal?: AbortSignal): Promise<Product> {
  return unwrap(apiClient.GET('/producten/{id}', { params: { path: { id } }, signal }));
}

export function useProduct(id: number, enabled = true) {
  const scope = useProductScope();
  return useQuery({
    queryKey: productKeys.detail(scope, id),
    queryFn: ({ signal }) => fetchProduct(id, signal),
    enabled,
    staleTime: PRODUCT_STALE_TIME,
  });
}

export function productListQuery(scope: ProductScope, filters: ProductFilters) {
  return queryOptions({
    queryKey: productKeys.list(scope, filters),
    queryFn: ({ signal }) => fetchProducts(filters, signal),
    staleTime: PRODUCT_STALE_TIME,
    placeholderData: keepPreviousData,
  });
}

export function useProducts(filters: ProductFilters) {
  const scope = useProductScope();
  return useQuery(productListQuery(scope, filters));
}

/** Puts a changed product in the cache of the signed-in viewer who changed it. */
export function storeProduct(queryClient: QueryClient, product: Product): Promise<void> {
  return storeAnswer(queryClient, productKeys.detail(PRIVATE_SCOPE, product.id), product);
}
