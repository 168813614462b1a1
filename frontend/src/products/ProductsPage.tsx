import {
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  SelectOption,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink, ButtonAppLink } from '../app/AppLink';
import { isEditor, useCurrentUser } from '../auth/session';
import { SelectField, TextField } from '../forms/fields';
import { MeasureSelect } from '../measures/MeasureSelect';
import { useWaves } from '../measures/queries';
import { PagedResults } from '../shared/PagedResults';
import { SearchFragment } from '../shared/SearchFragment';
import { counted, usePagedList } from '../shared/usePagedList';
import { productListQuery, useProductScope } from './api';
import { isFiltered, productFiltersFrom, SEARCH_MAX, SEARCH_MIN, SORT_OPTIONS } from './filters';
import { AUDIENCE_LABELS, AUDIENCES, PRODUCT_STATUSES, PRODUCT_TYPE_LABELS, PRODUCT_TYPES, STATUS_LABELS } from './labels';
import type { Product, ProductFilters } from './types';
import { VersionState } from './VersionState';
import { FilterButtons, SortField } from '../forms/filterForm';

const FILTER_NAMES = ['zoek', 'maatregel', 'fase', 'soort', 'doelgroep', 'status', 'sorteer'] as const;
type FilterName = (typeof FILTER_NAMES)[number];

function Filters({ params, withStatus }: { params: URLSearchParams; withStatus: boolean }) {
  const navigate = useNavigate();
  const waves = useWaves();
  const [values, setValues] = useState<Record<FilterName, string>>(
    () => Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) ?? ''])) as Record<FilterName, string>,
  );
  const [searchError, setSearchError] = useState<string[] | undefined>(undefined);
  const set = (name: FilterName) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const term = values.zoek.trim();
    if (term && term.length < SEARCH_MIN) {
      setSearchError([`Typ minstens ${SEARCH_MIN} tekens, of laat het veld leeg.`]);
      document.getElementById('filter-zoek')?.focus();
      return;
    }
    setSearchError(undefined);
    const next = new URLSearchParams();
    for (const name of FILTER_NAMES) {
      const value = name === 'zoek' ? term : values[name];
      if (value && (name !== 'status' || withStatus)) next.set(name, value);
    }
    void navigate({ search: next.toString() });
  };

  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-filters--grid" role="search" aria-label="Producten zoeken en filteren">
      <TextField
        className="spoorboek-filters__wide"
        id="filter-zoek"
        label="Zoeken"
        description="Zoekt in titels, samenvattingen en maatregelen, ook in samengestelde woorden."
        type="search"
        maxLength={SEARCH_MAX}
        value={values.zoek}
        onChange={set('zoek')}
        errors={searchError}
      />
      <MeasureSelect id="filter-maatregel" value={values.maatregel} onChange={set('maatregel')} />
      <SelectField
        id="filter-fase"
        label="Fase"
        value={values.fase}
        busy={waves.isPending}
        errors={waves.isError ? ['De lijst met fasen kon niet worden geladen.'] : undefined}
        onChange={set('fase')}
      >
        <SelectOption value="">Alle fasen</SelectOption>
        {waves.data?.map((wave) => (
          <SelectOption key={wave.nummer} value={String(wave.nummer)}>
            {wave.naam}
          </SelectOption>
        ))}
        {values.fase && !waves.data && <SelectOption value={values.fase}>Fase {values.fase}</SelectOption>}
      </SelectField>
      <SelectField id="filter-soort" label="Soort product" value={values.soort} onChange={set('soort')}>
        <SelectOption value="">Alle soorten</SelectOption>
        {PRODUCT_TYPES.map((type) => (
          <SelectOption key={type} value={type}>
            {PRODUCT_TYPE_LABELS[type]}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField id="filter-doelgroep" label="Doelgroep" value={values.doelgroep} onChange={set('doelgroep')}>
        <SelectOption value="">Alle doelgroepen</SelectOption>
        {AUDIENCES.map((audience) => (
          <SelectOption key={audience} value={audience}>
            {AUDIENCE_LABELS[audience]}
          </SelectOption>
        ))}
      </SelectField>
      {withStatus && (
        <SelectField id="filter-status" label="Status" value={values.status} onChange={set('status')}>
          <SelectOption value="">Alle statussen</SelectOption>
          {PRODUCT_STATUSES.map((status) => (
            <SelectOption key={status} value={status}>
              {STATUS_LABELS[status]}
            </SelectOption>
          ))}
        </SelectField>
      )}
      <SortField value={values.sorteer} options={SORT_OPTIONS} onChange={set('sorteer')} />
      <FilterButtons label="Zoeken" wide />
    </form>
  );
}

function ProductItem({ product }: { product: Product }) {
  const headingId = `product-${product.id}`;
  return (
    <li className="spoorboek-product" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        <AppLink to={`/producten/${product.id}`}>{product.titel}</AppLink>
      </Heading>
      {product.fragment && (
        <Paragraph className="spoorboek-fragment">
          <SearchFragment value={product.fragment} />
        </Paragraph>
      )}
      <DataList className="spoorboek-facts">
        <DataListItem>
          <DataListKey>Soort</DataListKey>
          <DataListValue>{PRODUCT_TYPE_LABELS[product.soort]}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Maatregelen</DataListKey>
          <DataListValue>
            {product.maatregelen.map((measure) => `${measure.code} ${measure.naam}`).join('; ')}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{product.uitgevers.length === 1 ? 'Uitgever' : 'Uitgevers'}</DataListKey>
          <DataListValue>{product.uitgevers.map((publisher) => publisher.naam).join(', ') || 'Niet vermeld'}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Versie</DataListKey>
          <DataListValue>
            <VersionState product={product} />
          </DataListValue>
        </DataListItem>
      </DataList>
    </li>
  );
}

export default function ProductsPage() {
  const editor = isEditor(useCurrentUser());
  const scope = useProductScope();
  const products = usePagedList({
    filtersFrom: (params) => productFiltersFrom(params, { withStatus: editor }),
    query: (filters: ProductFilters) => productListQuery(scope, filters),
    messages: {
      loading: 'Producten laden…',
      updating: 'Resultaten bijwerken…',
      empty: ({ filters }) =>
        isFiltered(filters)
          ? 'Geen producten gevonden. Probeer een ander zoekwoord of minder filters.'
          : 'Er zijn nog geen producten gepubliceerd.',
      found: ({ total, filters }) =>
        `${counted(total, 'product', 'producten')} gevonden${filters.zoek ? ` voor "${filters.zoek}"` : ''}.`,
    },
  });
  const { params } = products;

  return (
    <>
      <title>Producten – Spoorboek</title>
      <Heading level={1}>Implementatieproducten</Heading>
      <Paragraph appearance="lead">
        Handreikingen, impactanalyses, modelverordeningen en andere producten die gemeenten helpen de
        maatregelen van Participatiewet in balans in te voeren.
      </Paragraph>
      {editor && (
        <ButtonGroup>
          <ButtonAppLink to="/producten/nieuw">Nieuw product</ButtonAppLink>
        </ButtonGroup>
      )}
      <Heading level={2}>Zoeken en filteren</Heading>
      {/* A new key resets the fields when the URL changes (back button, "Filters wissen"). */}
      <Filters key={params.toString()} params={params} withStatus={editor} />
      <PagedResults list={products} heading="Resultaten">
        {(page) => (
          <ul className="spoorboek-product-list" aria-labelledby="resultaten">
            {page.resultaten.map((product) => (
              <ProductItem key={product.id} product={product} />
            ))}
          </ul>
        )}
      </PagedResults>
    </>
  );
}
