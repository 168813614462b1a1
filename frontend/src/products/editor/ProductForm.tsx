import { useMutation, useQuery } from '@tanstack/react-query';
import { ButtonGroup, PrimaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { fetchOrganisations } from '../../shared/referenceData';
import { AppLink } from '../../app/AppLink';
import { clientErrors, hasErrors, mapErrorToForm, type FormErrors } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { CheckboxGroup, choiceId, SelectField, TextAreaField, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { AUDIENCE_LABELS, AUDIENCES, LANGUAGE_LEVELS, PRODUCT_TYPE_LABELS, PRODUCT_TYPES } from '../labels';
import type { Audience, Product, ProductCreate, ProductType, ProductUpdate } from '../types';
import { MeasurePicker, measurePickerFirstId } from './MeasurePicker';

export interface ProductFormValues {
  soort: ProductType | '';
  titel: string;
  samenvatting: string;
  maatregelen: string[];
  doelgroepen: Audience[];
  uitgevers: string[];
  taalniveau: string;
  licentie: string;
  geplandDatum: string;
  eigenaarId: string;
}

export const EMPTY_PRODUCT: ProductFormValues = {
  soort: '',
  titel: '',
  samenvatting: '',
  maatregelen: [],
  doelgroepen: [],
  uitgevers: [],
  taalniveau: '',
  licentie: 'CC-BY-4.0',
  geplandDatum: '',
  eigenaarId: '',
};

export function valuesOf(product: Product): ProductFormValues {
  return {
    soort: product.soort,
    titel: product.titel,
    samenvatting: product.samenvatting,
    maatregelen: product.maatregelen.map((m) => m.code),
    doelgroepen: product.doelgroepen,
    uitgevers: product.uitgevers.map((u) => u.code),
    taalniveau: product.taalniveau ?? '',
    licentie: product.licentie,
    geplandDatum: product.geplandDatum ?? '',
    eigenaarId: product.eigenaar?.code ?? '',
  };
}

const FIELDS = {
  soort: { id: 'soort', label: 'Soort product' },
  titel: { id: 'titel', label: 'Titel' },
  samenvatting: { id: 'samenvatting', label: 'Samenvatting' },
  maatregelen: { id: measurePickerFirstId('maatregelen'), label: 'Maatregelen' },
  doelgroepen: { id: choiceId('doelgroepen', AUDIENCES[0] ?? 'beleidsmedewerker'), label: 'Doelgroepen' },
  uitgevers: { id: 'uitgevers-eerste', label: 'Uitgevers' },
  taalniveau: { id: 'taalniveau', label: 'Taalniveau' },
  licentie: { id: 'licentie', label: 'Licentie' },
  geplandDatum: { id: 'geplandDatum', label: 'Geplande opleverdatum' },
  eigenaarId: { id: 'eigenaarId', label: 'Eigenaar' },
};

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The body of POST /producten from the form. */
export function createBody(values: ProductFormValues): ProductCreate {
  const body: ProductCreate = {
    soort: values.soort as ProductType,
    titel: values.titel.trim(),
    samenvatting: values.samenvatting.trim(),
    maatregelen: values.maatregelen,
    doelgroepen: values.doelgroepen,
    uitgevers: values.uitgevers,
    taalniveau: values.taalniveau || null,
    licentie: values.licentie.trim() || 'CC-BY-4.0',
    geplandDatum: values.geplandDatum || null,
  };
  if (values.eigenaarId.trim()) body.eigenaarId = Number(values.eigenaarId.trim());
  return body;
}

/** The body of PATCH /producten/{id}: only what changed. */
export function updateBody(initial: ProductFormValues, values: ProductFormValues): ProductUpdate {
  const body: ProductUpdate = {};
  if (values.soort !== initial.soort && values.soort) body.soort = values.soort;
  if (values.titel.trim() !== initial.titel) body.titel = values.titel.trim();
  if (values.samenvatting.trim() !== initial.samenvatting) body.samenvatting = values.samenvatting.trim();
  if (!sameList(values.maatregelen, initial.maatregelen)) body.maatregelen = values.maatregelen;
  if (!sameList(values.doelgroepen, initial.doelgroepen)) body.doelgroepen = values.doelgroepen;
  if (!sameList(values.uitgevers, initial.uitgevers)) body.uitgevers = values.uitgevers;
  if (values.taalniveau !== initial.taalniveau) body.taalniveau = values.taalniveau || null;
  if (values.licentie.trim() !== initial.licentie) body.licentie = values.licentie.trim();
  if (values.geplandDatum !== initial.geplandDatum) body.geplandDatum = values.geplandDatum || null;
  if (values.eigenaarId.trim() !== initial.eigenaarId && values.eigenaarId.trim()) {
    body.eigenaarId = Number(values.eigenaarId.trim());
  }
  return body;
}

/** What the browser can check before sending; the server checks again (and knows more). */
export function validateProduct(values: ProductFormValues): FormErrors {
  const titel = values.titel.trim();
  const owner = values.eigenaarId.trim();
  return clientErrors({
    soort: !values.soort && 'Kies de soort product.',
    titel: !titel ? 'Vul een titel in.' : titel.length < 3 && 'De titel heeft minstens 3 tekens.',
    samenvatting: !values.samenvatting.trim() && 'Vul een samenvatting in.',
    maatregelen: values.maatregelen.length === 0 && 'Kies minstens één maatregel.',
    doelgroepen: values.doelgroepen.length === 0 && 'Kies minstens één doelgroep.',
    uitgevers: values.uitgevers.length > 10 && 'Kies ten hoogste 10 uitgevers.',
    licentie: values.licentie.trim().length > 40 && 'De licentie heeft ten hoogste 40 tekens.',
    geplandDatum: values.geplandDatum !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(values.geplandDatum) && 'Vul een geldige datum in.',
    eigenaarId: owner !== '' && !/^\d+$/.test(owner) && 'Een gebruikersnummer bestaat alleen uit cijfers.',
  });
}

interface ProductFormProps {
  initial: ProductFormValues;
  submitLabel: string;
  cancelTo: string;
  save: (values: ProductFormValues) => Promise<Product | null>;
  onSaved: (product: Product | null) => Promise<void>;
}

/** Creating or changing a product's metadata (not its status or documents). */
export function ProductForm({ initial, submitLabel, cancelTo, save, onSaved }: ProductFormProps) {
  const [values, setValues] = useState(initial);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const organisations = useQuery({
    queryKey: ['organisaties', 'alle'],
    queryFn: ({ signal }) => fetchOrganisations(signal),
  });
  const set =
    <K extends keyof ProductFormValues>(key: K) =>
    (value: ProductFormValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));

  const mutation = useMutation({
    mutationFn: save,
    onSuccess: onSaved,
    onError: (error) => show(mapErrorToForm(error, Object.keys(FIELDS))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateProduct(values);
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    mutation.mutate(values);
  };

  const firstPublisher = organisations.data?.[0]?.code;
  const fields = {
    ...FIELDS,
    uitgevers: { ...FIELDS.uitgevers, id: firstPublisher ? choiceId('uitgevers', firstPublisher) : 'uitgevers-laden' },
  };

  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={fields} />
      <form noValidate onSubmit={submit} className="spoorboek-form spoorboek-product-form" aria-label={submitLabel}>
        <SelectField
          {...FIELDS.soort}
          required
          value={values.soort}
          onChange={(event) => set('soort')(event.target.value as ProductType | '')}
          errors={errors.fields.soort}
        >
          <SelectOption value="">Kies een soort</SelectOption>
          {PRODUCT_TYPES.map((type) => (
            <SelectOption key={type} value={type}>
              {PRODUCT_TYPE_LABELS[type]}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          {...FIELDS.titel}
          required
          minLength={3}
          maxLength={300}
          autoComplete="off"
          value={values.titel}
          onChange={(event) => set('titel')(event.target.value)}
          errors={errors.fields.titel}
        />
        <TextAreaField
          {...FIELDS.samenvatting}
          required
          maxLength={5000}
          rows={5}
          description="Waar gaat het product over en voor wie is het? Ten hoogste 5000 tekens."
          value={values.samenvatting}
          onChange={(event) => set('samenvatting')(event.target.value)}
          errors={errors.fields.samenvatting}
        />
        <MeasurePicker
          id="maatregelen"
          value={values.maatregelen}
          onChange={set('maatregelen')}
          errors={errors.fields.maatregelen}
        />
        <CheckboxGroup
          id="doelgroepen"
          legend="Doelgroepen"
          description="Voor wie is het product bedoeld? Kies minstens één doelgroep."
          choices={AUDIENCES.map((audience) => ({ value: audience, label: AUDIENCE_LABELS[audience] }))}
          value={values.doelgroepen}
          onChange={(chosen) => set('doelgroepen')(chosen as Audience[])}
          errors={errors.fields.doelgroepen}
        />
        <CheckboxGroup
          id="uitgevers"
          legend="Uitgevers"
          description={
            organisations.isError
              ? 'De lijst met organisaties kon niet worden geladen. Probeer het later opnieuw.'
              : organisations.isPending
                ? 'Organisaties laden…'
                : 'De organisaties die het product uitgeven; ten hoogste 10, niet verplicht.'
          }
          choices={(organisations.data ?? []).map((organisation) => ({
            value: organisation.code,
            label: organisation.naam,
          }))}
          value={values.uitgevers}
          onChange={set('uitgevers')}
          errors={errors.fields.uitgevers}
        />
        <SelectField
          {...FIELDS.taalniveau}
          description="Bijvoorbeeld B1 voor producten voor inwoners."
          value={values.taalniveau}
          onChange={(event) => set('taalniveau')(event.target.value)}
          errors={errors.fields.taalniveau}
        >
          <SelectOption value="">Niet vastgesteld</SelectOption>
          {LANGUAGE_LEVELS.map((level) => (
            <SelectOption key={level} value={level}>
              {level}
            </SelectOption>
          ))}
        </SelectField>
        <TextField
          {...FIELDS.licentie}
          maxLength={40}
          autoComplete="off"
          description="Bijvoorbeeld CC-BY-4.0 (de standaard)."
          value={values.licentie}
          onChange={(event) => set('licentie')(event.target.value)}
          errors={errors.fields.licentie}
        />
        <TextField
          {...FIELDS.geplandDatum}
          label="Geplande opleverdatum (niet verplicht)"
          type="date"
          description="Alleen zichtbaar voor de redactie en ketenpartners."
          value={values.geplandDatum}
          onChange={(event) => set('geplandDatum')(event.target.value)}
          errors={errors.fields.geplandDatum}
        />
        <TextField
          {...FIELDS.eigenaarId}
          label="Eigenaar: gebruikersnummer (niet verplicht)"
          description="Een redacteur of beheerder. Leeg laten maakt u de eigenaar van een nieuw product."
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          value={values.eigenaarId}
          onChange={(event) => set('eigenaarId')(event.target.value)}
          errors={errors.fields.eigenaarId}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            {submitLabel}
          </PrimaryActionButton>
          <AppLink to={cancelTo}>Annuleren</AppLink>
        </ButtonGroup>
      </form>
    </>
  );
}
