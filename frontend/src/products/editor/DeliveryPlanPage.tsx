import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SelectOption,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { DataTable } from '../../shared/DataTable';
import { AppLink } from '../../app/AppLink';
import { SelectField, TextField } from '../../forms/fields';
import { useWaves } from '../../measures/queries';
import { DutchDate } from '../../shared/DutchDate';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { productKeys } from '../api';
import { PRODUCT_TYPE_LABELS, STATUS_LABELS } from '../labels';
import type { DeliveryPlanQuery, PlannedProduct, ProductType, WavePlan } from '../types';
import { fetchDeliveryPlan } from './api';

export const WEEK_CHOICES = [2, 4, 6, 8, 12, 26, 52] as const;
export const DEFAULT_WEEKS = 6;

/** The plan's query from the page's URL: weeks (1–104), wave and reference date. */
export function planQueryFrom(params: URLSearchParams): DeliveryPlanQuery {
  const weeks = Number(params.get('weken'));
  const query: DeliveryPlanQuery = {
    weken: Number.isInteger(weeks) && weeks >= 1 && weeks <= 104 ? weeks : DEFAULT_WEEKS,
  };
  const wave = Number(params.get('fase'));
  if (Number.isInteger(wave) && wave >= 1 && wave <= 99) query.fase = wave;
  const date = params.get('peildatum');
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) query.peildatum = date;
  return query;
}

const typesText = (types: ProductType[]) => types.map((type) => PRODUCT_TYPE_LABELS[type]).join(', ') || '–';

function PlanForm({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const waves = useWaves();
  const query = planQueryFrom(params);
  const [weeks, setWeeks] = useState(String(query.weken));
  const [wave, setWave] = useState(query.fase ? String(query.fase) : '');
  const [date, setDate] = useState(query.peildatum ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    next.set('weken', weeks);
    if (wave) next.set('fase', wave);
    if (date) next.set('peildatum', date);
    void navigate({ search: next.toString() });
  };
  const weekChoices: number[] = [...WEEK_CHOICES];
  if (!weekChoices.includes(query.weken ?? DEFAULT_WEEKS)) weekChoices.push(query.weken ?? DEFAULT_WEEKS);
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters" aria-label="Leveringsplan instellen">
      <SelectField id="plan-weken" label="Binnenkort: de komende" value={weeks} onChange={(event) => setWeeks(event.target.value)}>
        {weekChoices.map((choice) => (
          <SelectOption key={choice} value={String(choice)}>
            {choice} weken
          </SelectOption>
        ))}
      </SelectField>
      <SelectField
        id="plan-fase"
        label="Fase"
        value={wave}
        busy={waves.isPending}
        onChange={(event) => setWave(event.target.value)}
      >
        <SelectOption value="">Alle fasen</SelectOption>
        {waves.data?.map((w) => (
          <SelectOption key={w.nummer} value={String(w.nummer)}>
            {w.naam}
          </SelectOption>
        ))}
        {wave && !waves.data && <SelectOption value={wave}>Fase {wave}</SelectOption>}
      </SelectField>
      <TextField
        id="plan-peildatum"
        label="Peildatum (niet verplicht)"
        description="Bekijk het plan vanaf een andere dag dan vandaag."
        type="date"
        value={date}
        onChange={(event) => setDate(event.target.value)}
      />
      <ButtonGroup>
        <PrimaryActionButton type="submit">Bijwerken</PrimaryActionButton>
        <AppLink to={{ search: '' }}>Standaard herstellen</AppLink>
      </ButtonGroup>
    </form>
  );
}

function ProductLink({ product }: { product: PlannedProduct }) {
  return <AppLink to={`/producten/${product.id}`}>{product.titel}</AppLink>;
}

function DueSoon({ products, weeks }: { products: PlannedProduct[]; weeks: number }) {
  return (
    <section aria-labelledby="binnenkort-kop" className="spoorboek-section">
      <Heading level={2} id="binnenkort-kop">
        Uiterlijk klaar in de komende {weeks} weken
      </Heading>
      {products.length === 0 ? (
        <Paragraph>Geen onafgemaakte producten met een uiterste leverdatum in deze periode.</Paragraph>
      ) : (
        <DataTable
          id="binnenkort-tabel"
          caption={`Producten die uiterlijk over ${weeks} weken klaar moeten zijn`}
          columns={['Product', 'Soort', 'Status', 'Uiterste leverdatum']}
        >
          {products.map((product) => (
            <TableRow key={product.id}>
              <TableCell>
                <ProductLink product={product} />
              </TableCell>
              <TableCell>{PRODUCT_TYPE_LABELS[product.soort]}</TableCell>
              <TableCell>{STATUS_LABELS[product.status]}</TableCell>
              <TableCell>
                <DutchDate value={product.uitersteLeverdatum} />
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function WaveTable({ wave }: { wave: WavePlan }) {
  const headingId = `plan-fase-${wave.fase}`;
  const late = wave.maatregelen.reduce((count, measure) => count + measure.teLaat.length, 0);
  const missing = wave.maatregelen.filter((measure) => measure.ontbrekendeSoorten.length > 0).length;
  return (
    <section aria-labelledby={headingId} className="spoorboek-section">
      <Heading level={2} id={headingId}>
        {wave.naam}
      </Heading>
      <Paragraph>
        Producten gereed op <DutchDate value={wave.productenGereedOp} />. {missing} van {wave.maatregelen.length}{' '}
        maatregelen missen nog een verwachte soort; {late} {late === 1 ? 'product is' : 'producten zijn'} te laat.
      </Paragraph>
      <DataTable
        id={`${headingId}-tabel`}
        caption={`Maatregelen van ${wave.naam}`}
        columns={['Maatregel', 'Aanwezige soorten', 'Ontbrekende soorten', 'Te laat']}
      >
            {wave.maatregelen.map((measure) => (
              <TableRow key={measure.maatregel.code}>
                <TableHeaderCell scope="row">
                  <AppLink to={`/producten?maatregel=${measure.maatregel.code}`}>
                    {measure.maatregel.code} {measure.maatregel.naam}
                  </AppLink>
                </TableHeaderCell>
                <TableCell>{typesText(measure.aanwezigeSoorten)}</TableCell>
                <TableCell>{typesText(measure.ontbrekendeSoorten)}</TableCell>
                <TableCell>
                  {measure.teLaat.length === 0 ? (
                    '–'
                  ) : (
                    <ul className="spoorboek-cell-list">
                      {measure.teLaat.map((product) => (
                        <li key={product.id}>
                          <ProductLink product={product} /> ({STATUS_LABELS[product.status]}, uiterlijk{' '}
                          <DutchDate value={product.uitersteLeverdatum} />)
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            ))}
      </DataTable>
    </section>
  );
}

export default function DeliveryPlanPage() {
  const [params] = useSearchParams();
  const query = planQueryFrom(params);
  const plan = useQuery({
    queryKey: [...productKeys.deliveryPlan, query],
    queryFn: ({ signal }) => fetchDeliveryPlan(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 30 * 1000,
  });

  let status = '';
  if (plan.isPending) status = 'Leveringsplan laden…';
  else if (plan.isFetching && plan.isPlaceholderData) status = 'Leveringsplan bijwerken…';

  return (
    <>
      <title>Leveringsplan – Spoorboek</title>
      <Heading level={1}>Leveringsplan</Heading>
      <Paragraph appearance="lead">
        Per fase en maatregel: welke producten er zijn, welke verwachte soorten nog ontbreken en welke producten te
        laat zijn. En wat binnenkort klaar moet zijn.
      </Paragraph>
      <PlanForm key={params.toString()} params={params} />
      <StatusMessage>{status}</StatusMessage>
      {plan.isError && <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />}
      {plan.data && (
        <>
          <Paragraph>
            Gezien vanaf <DutchDate value={plan.data.peildatum} />. Verwacht per maatregel:{' '}
            {typesText(plan.data.verwachteSoorten).toLowerCase()}.
          </Paragraph>
          <DueSoon products={plan.data.binnenkort} weeks={query.weken ?? DEFAULT_WEEKS} />
          {plan.data.fasen.map((wave) => (
            <WaveTable key={wave.fase} wave={wave} />
          ))}
        </>
      )}
    </>
  );
}
