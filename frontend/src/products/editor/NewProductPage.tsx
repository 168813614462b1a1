import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../../app/AppLink';
import { flashState } from '../../auth/flash';
import { invalidateProducts, storeProduct } from '../api';
import { createProduct } from './api';
import { createBody, EMPTY_PRODUCT, ProductForm } from './ProductForm';

export default function NewProductPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <>
      <title>Nieuw product – Producten – Spoorboek</title>
      <Paragraph>
        <AppLink to="/producten">Terug naar de producten</AppLink>
      </Paragraph>
      <Heading level={1}>Nieuw product</Heading>
      <Paragraph appearance="lead">
        Een nieuw product begint als gepland. Daarna start u de ontwikkeling, voegt u documenten toe en laat u het
        toetsen door een gemeente voordat u het publiceert.
      </Paragraph>
      <ProductForm
        initial={EMPTY_PRODUCT}
        submitLabel="Product opslaan"
        cancelTo="/producten"
        save={(values) => createProduct(createBody(values))}
        onSaved={async (product) => {
          if (!product) return;
          await storeProduct(queryClient, product);
          void invalidateProducts(queryClient);
          void navigate(`/producten/${product.id}`, {
            state: flashState(`Het product "${product.titel}" is aangemaakt, met de status Gepland.`, 'ok'),
          });
        }}
      />
    </>
  );
}
