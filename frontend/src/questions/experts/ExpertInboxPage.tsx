import {
  Heading,
  Paragraph,
  SelectOption,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../../app/AppLink';
import { useCurrentUser } from '../../auth/session';
import { SelectField } from '../../forms/fields';
import { FilterButtons } from '../../forms/filterForm';
import { DutchDay } from '../../shared/DutchDay';
import { ResultList } from '../../shared/ResultList';
import { counted, usePagedList } from '../../shared/usePagedList';
import { DueBadge } from '../DueBadge';
import { expertListQuery, type ExpertFilters, type ExpertQuestionSummary } from './api';
import { expertFiltersFrom } from './filters';
import { EXPERT_STATE_LABELS, EXPERT_STATES } from './labels';
import { expertQuestionPath } from './paths';
import '../questions.css';

const COLUMNS = ['Vraag', 'Status', 'Antwoord uiterlijk', 'Voorgelegd op'];

const EMPTY: Record<string, string> = {
  open: 'Er wachten geen vragen op uw antwoord.',
  beantwoord: 'Uw organisatie heeft nog geen vragen beantwoord.',
  ingetrokken: 'Er zijn geen teruggenomen vragen.',
};

const FOUND: Record<string, [string, string]> = {
  open: ['open vraag', 'open vragen'],
  beantwoord: ['beantwoorde vraag', 'beantwoorde vragen'],
  ingetrokken: ['teruggenomen vraag', 'teruggenomen vragen'],
};

function emptyText(filters: ExpertFilters): string {
  return filters.status ? (EMPTY[filters.status] ?? '') : 'Er zijn nog geen vragen aan uw organisatie voorgelegd.';
}

function foundText(total: number, filters: ExpertFilters): string {
  const [one, many] = filters.status ? (FOUND[filters.status] ?? ['vraag', 'vragen']) : ['vraag', 'vragen'];
  return `${counted(total, one, many)}.`;
}

function StatusFilter({ params }: { params: URLSearchParams }) {
  const navigate = useNavigate();
  const [status, setStatus] = useState(params.get('status') ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ search: status ? `status=${status}` : '' });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters" aria-label="Expertvragen filteren">
      <SelectField id="filter-status" label="Status" value={status} onChange={(event) => setStatus(event.target.value)}>
        <SelectOption value="">Alle, open eerst</SelectOption>
        {EXPERT_STATES.map((state) => (
          <SelectOption key={state} value={state}>
            {EXPERT_STATE_LABELS[state]}
          </SelectOption>
        ))}
      </SelectField>
      <FilterButtons />
    </form>
  );
}

function ExpertQuestionRow({ question }: { question: ExpertQuestionSummary }) {
  return (
    <TableRow>
      <TableHeaderCell scope="row" className="spoorboek-row-header">
        <AppLink to={expertQuestionPath(question.id)}>{question.onderwerp}</AppLink>
        {question.maatregelen.length > 0 && (
          <>
            <br />
            <span className="spoorboek-muted">{question.maatregelen.join(', ')}</span>
          </>
        )}
      </TableHeaderCell>
      <TableCell>
        {EXPERT_STATE_LABELS[question.status]}
        {question.beantwoordOp && (
          <>
            <br />
            <span className="spoorboek-muted">
              op <DutchDay value={question.beantwoordOp} />
            </span>
          </>
        )}
      </TableCell>
      <TableCell>
        <DueBadge due={question.termijn} state={question.termijnStatus} />
      </TableCell>
      <TableCell>
        <DutchDay value={question.gesteldOp} />
      </TableCell>
    </TableRow>
  );
}

/** /expertvragen: the questions the programme team put to the expert's organisation, open first. */
export default function ExpertInboxPage() {
  const organisation = useCurrentUser()?.organisatie?.naam;
  const questions = usePagedList({
    filtersFrom: expertFiltersFrom,
    query: expertListQuery,
    messages: {
      loading: 'Expertvragen laden…',
      updating: 'Lijst bijwerken…',
      empty: ({ filters }) => emptyText(filters),
      found: ({ total, filters }) => foundText(total, filters),
    },
  });
  const { params } = questions;
  return (
    <>
      <title>Expertvragen – Spoorboek</title>
      <Heading level={1}>Expertvragen</Heading>
      <Paragraph appearance="lead">
        De vragen die het implementatieteam aan {organisation ?? 'uw organisatie'} voorlegt: eerst de open vragen,
        de vroegste termijn bovenaan. Een verlopen termijn staat er met ✕ en het woord Verlopen bij.
      </Paragraph>
      <Paragraph>
        Uw antwoord gaat naar de adviseur die de vraag voorlegde. Die blijft verantwoordelijk voor het antwoord aan
        de gemeente.
      </Paragraph>
      <Heading level={2}>Filteren</Heading>
      <StatusFilter key={params.toString()} params={params} />
      <ResultList
        heading="Vragen aan uw organisatie"
        list={questions}
        columns={COLUMNS.map((column) => (
          <TableHeaderCell key={column} scope="col">
            {column}
          </TableHeaderCell>
        ))}
        renderRow={(question) => <ExpertQuestionRow key={question.id} question={question} />}
      />
    </>
  );
}
