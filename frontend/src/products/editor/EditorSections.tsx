import { useQuery } from '@tanstack/react-query';
import { ButtonGroup } from '@utrecht/component-library-react';

import { ButtonAppLink } from '../../app/AppLink';
import { productKeys } from '../api';
import type { Product } from '../types';
import { fetchReviews } from './api';
import { DraftSection } from './DraftSection';
import { FreshnessSection } from './FreshnessSection';
import { HistorySection } from './HistorySection';
import { LifecycleSection } from './LifecycleSection';
import { ReviewsSection } from './ReviewsSection';

/** What only editors see and do on a product's page (loaded on demand). */
export default function EditorSections({ product }: { product: Product }) {
  const reviews = useQuery({
    queryKey: productKeys.reviews(product.id),
    queryFn: ({ signal }) => fetchReviews(product.id, signal),
  });
  return (
    <>
      {product.status !== 'ingetrokken' && (
        <ButtonGroup>
          <ButtonAppLink to={`/producten/${product.id}/bewerken`} appearance="secondary-action">
            Gegevens wijzigen
          </ButtonAppLink>
        </ButtonGroup>
      )}
      <FreshnessSection product={product} />
      <LifecycleSection product={product} reviews={reviews.data} />
      <DraftSection product={product} />
      <ReviewsSection product={product} reviews={reviews} />
      <HistorySection product={product} reviews={reviews.data} />
    </>
  );
}
