import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useNavigate, useParams } from 'react-router-dom';

import { ApiError } from '../../api/problem';
import { AppLink } from '../../app/AppLink';
import { NotFoundPage } from '../../app/NotFoundPage';
import { flashState } from '../../auth/flash';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { invalidateProducts, storeProduct, useProduct } from '../api';
import { updateProduct } from './api';
import { ProductForm, updateBody, valuesOf } from './ProductForm';

export default function EditProductPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id >= 1;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const product = useProduct(id, valid);

  if (!valid || (product.error instanceof ApiError && product.error.status === 404)) return <NotFoundPage />;

  const back = `/producten/${id}`;
  const data = product.data;
  return (
    <>
      <title>{`Gegevens wijzigen: ${product.data?.titel ?? 'product'} – Spoorboek`}</title>
      <Paragraph>
        <AppLink to={back}>Terug naar het product</AppLink>
      </Paragraph>
      <Heading level={1}>Gegevens wijzigen</Heading>
      {product.isPending && <StatusMessage>Product laden…</StatusMessage>}
      {product.isError && <ErrorAlert error={product.error} onRetry={() => void product.refetch()} />}
      {data && (
        <>
          <Paragraph appearance="lead">
            {data.titel}. Status en documenten wijzigt u op de pagina van het product.
          </Paragraph>
          <ProductForm
            key={data.id}
            initial={valuesOf(data)}
            submitLabel="Wijzigingen opslaan"
            cancelTo={back}
            save={async (values) => {
              const body = updateBody(valuesOf(data), values);
              return Object.keys(body).length === 0 ? null : updateProduct(id, body);
            }}
            onSaved={async (saved) => {
              if (saved) {
                await storeProduct(queryClient, saved);
                void invalidateProducts(queryClient);
              }
              void navigate(back, {
                state: flashState(saved ? 'De wijzigingen zijn opgeslagen.' : 'Er was niets gewijzigd.', saved ? 'ok' : 'info'),
              });
            }}
          />
        </>
      )}
    </>
  );
}
