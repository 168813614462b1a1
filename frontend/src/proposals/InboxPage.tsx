import { Heading, Paragraph, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { FilterButtons } from '../forms/filterForm';
import { CheckboxField, SelectField } from '../forms/fields';
import { pageFrom } from '../shared/Pagination';
import { ResultList } from '../shared/ResultList';
import { counted, usePagedList } from '../shared/usePagedList';
import { inboxQuery, PAGE_SIZE, type InboxFilters, type ProposalStatus } from './api';
import { STATUS_LABELS, STATUSES } from './labels';
import { ProposalRow, proposalColumns } from './ProposalRow';
import './proposals.css';

function filtersFrom(params: URLSearchParams): InboxFilters {
  const status = params.get('status');
  const filters: InboxFilters = { pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE };
  if (status && (STATUSES as readonly string[]).includes(status)) filters.status = status as ProposalStatus;
  if (params.get('mijn') === 'true') filters.mijn = true;
  return filters;
}

function InboxFilterForm({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [mine, setMine] = useState(params.get('mijn') === 'true');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (status) next.set('status', status);
    if (mine) next.set('mijn', 'true');
    void navigate({ search: next.toString() });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters" aria-label="Verbetervoorstellen filteren">
      <SelectField id="filter-status" label="Status" value={status} onChange={(event) => setStatus(event.target.value)}>
        <SelectOption value="">Alle statussen</SelectOption>
        {STATUSES.map((value) => (
          <SelectOption key={value} value={value}>
            {STATUS_LABELS[value]}
          </SelectOption>
        ))}
      </SelectField>
      <CheckboxField
        id="filter-mijn"
        label="Alleen mijn producten"
        description="Voorstellen voor producten waarvan u eigenaar bent."
        checked={mine}
        onChange={setMine}
      />
      <FilterButtons />
    </form>
  );
}

/** /verbetervoorstellen: the editors' inbox, newest first, filters in the URL. */
export default function InboxPage() {
  const list = usePagedList({
    filtersFrom,
    query: inboxQuery,
    messages: {
      loading: 'Verbetervoorstellen laden…',
      updating: 'Lijst bijwerken…',
      empty: 'Geen verbetervoorstellen gevonden.',
      found: ({ total }) => `${counted(total, 'verbetervoorstel', 'verbetervoorstellen')} gevonden.`,
    },
  });
  return (
    <>
      <title>Verbetervoorstellen – Spoorboek</title>
      <Heading level={1}>Verbetervoorstellen</Heading>
      <Paragraph appearance="lead">
        Voorstellen van gemeenten en bezoekers om een product te verbeteren. Neem een voorstel over in de volgende versie,
        of wijs het af met een reden; de indiener hoort het. Een overgenomen voorstel is verwerkt zodra die versie is
        gepubliceerd.
      </Paragraph>
      <Heading level={2}>Filteren</Heading>
      <InboxFilterForm key={list.params.toString()} params={list.params} />
      <ResultList
        heading="Resultaten"
        list={list}
        columns={proposalColumns(true)}
        renderRow={(proposal) => <ProposalRow key={proposal.id} proposal={proposal} team />}
      />
    </>
  );
}
