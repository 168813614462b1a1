import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../../app/AppLink';
import { storeAnswer } from '../../app/queryClient';
import { flashState } from '../../auth/flash';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ScrollTable } from '../../shared/ScrollTable';
import { StatusMessage } from '../../shared/StatusMessage';
import { createEdition, editionKeys, useEditions } from './api';
import { editionPath, STATUS_LABELS } from './labels';
import type { EditionSummary } from './types';
import './team.css';

function Moment({ edition }: { edition: EditionSummary }) {
  if (edition.verzondenOp) {
    return (
      <>
        Verzonden op <DutchDateTime value={edition.verzondenOp} />
      </>
    );
  }
  if (edition.verzendenOp) {
    return (
      <>
        Gepland op <DutchDateTime value={edition.verzendenOp} />
      </>
    );
  }
  return <>Nog niet gepland</>;
}

function NewEditionForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const create = useMutation({
    mutationFn: () => createEdition(title.trim()),
    onSuccess: async (edition) => {
      clear();
      await storeAnswer(queryClient, editionKeys.detail(edition.id), edition);
      await queryClient.invalidateQueries({ queryKey: editionKeys.list() });
      void navigate(editionPath(edition.id), {
        state: flashState('De editie is gemaakt, met secties uit wat er sinds de vorige editie gebeurde.', 'ok'),
      });
    },
    onError: (error) => show(mapErrorToForm(error, ['titel'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({ titel: title.trim() === '' ? 'Geef de editie een titel.' : null });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    create.mutate();
  };
  return (
    <section aria-labelledby="nieuwe-editie-kop" className="spoorboek-section">
      <Heading level={2} id="nieuwe-editie-kop">
        Nieuwe editie
      </Heading>
      <Paragraph>
        Een nieuwe editie begint als concept, gevuld met secties uit wat er sinds de vorige verzonden editie gebeurde
        (of de laatste 30 dagen). Daarna kunt u alles aanpassen.
      </Paragraph>
      <ErrorSummary ref={summaryRef} errors={errors} fields={{ titel: { label: 'Titel', id: 'nieuwe-editie-titel' } }} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="nieuwe-editie-kop">
        <TextField
          id="nieuwe-editie-titel"
          label="Titel"
          description="Bijvoorbeeld: Nieuwsbrief december. De titel is ook het onderwerp van de mail."
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          errors={errors.fields.titel}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={create.isPending} disabled={create.isPending}>
            Nieuwe editie maken
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** /nieuwsbrief/edities: the editions, newest first, and a new one. */
export default function EditionsPage() {
  const editions = useEditions();
  const list = editions.data?.resultaten ?? [];
  return (
    <>
      <title>Edities – Nieuwsbrief – Spoorboek</title>
      <Heading level={1}>Nieuwsbrief: edities</Heading>
      <Paragraph appearance="lead">Stel een editie samen, bekijk hoe die eruitziet en plan het verzenden.</Paragraph>
      <NewEditionForm />
      <section aria-labelledby="edities-kop" className="spoorboek-section">
        <Heading level={2} id="edities-kop">
          Alle edities
        </Heading>
        <StatusMessage>{editions.isPending ? 'Edities laden…' : ''}</StatusMessage>
        {editions.isError && <ErrorAlert error={editions.error} onRetry={() => void editions.refetch()} />}
        {editions.isSuccess && list.length === 0 && <Paragraph>Er zijn nog geen edities. Maak hierboven de eerste.</Paragraph>}
        {list.length > 0 && (
          <ScrollTable labelledBy="edities-kop">
            <Table className="spoorboek-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Titel</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                  <TableHeaderCell scope="col">Verzenden</TableHeaderCell>
                  <TableHeaderCell scope="col">Laatst gewijzigd</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((edition) => (
                  <TableRow key={edition.id}>
                    <TableCell>
                      <AppLink to={editionPath(edition.id)}>{edition.titel}</AppLink>
                    </TableCell>
                    <TableCell>{STATUS_LABELS[edition.status]}</TableCell>
                    <TableCell>
                      <Moment edition={edition} />
                    </TableCell>
                    <TableCell>
                      <DutchDateTime value={edition.gewijzigdOp} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollTable>
        )}
      </section>
    </>
  );
}
