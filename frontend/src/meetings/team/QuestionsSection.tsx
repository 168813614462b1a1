import { Button, ButtonGroup, Heading, Paragraph, PrimaryActionButton, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { AppLink } from '../../app/AppLink';
import { mapErrorToForm, NO_ERRORS, type FormErrors } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextField } from '../../forms/fields';
import { DataTable } from '../../shared/DataTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { linkQuestion, unlinkQuestion, useMeetingQuestions } from './api';
import { statusLabel } from '../../questions/labels';
import { questionPath } from './paths';
import type { MeetingDetail } from './types';
import { useMeetingAction } from './useMeetingAction';

const NUMBER_ID = 'vraag-nummer';

/** Questions asked during the meeting: linked by their number, so the meeting's page lists them. */
export function QuestionsSection({ meeting }: { meeting: MeetingDetail }) {
  const questions = useMeetingQuestions(meeting.id);
  const [number, setNumber] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const link = useMeetingAction(meeting.id, (vraag: number) => linkQuestion(meeting.id, vraag), {
    onDone: (question) => {
      setErrors(NO_ERRORS);
      setNumber('');
      setMessage(`Vraag ${question.id} is gekoppeld.`);
    },
    onFailed: (error) => setErrors(mapErrorToForm(error, ['vraag'], { statusFields: { 404: 'vraag', 409: 'vraag' } })),
  });
  const unlink = useMeetingAction(meeting.id, (vraag: number) => unlinkQuestion(meeting.id, vraag), {
    onDone: () => setMessage('De vraag is ontkoppeld.'),
    onFailed: setFailure,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = number.trim().replace(/^#/, '');
    if (!/^\d{1,9}$/.test(text) || Number(text) < 1) {
      setErrors({ fields: { vraag: ['Vul het nummer van de vraag in, zoals 1234.'] }, general: [] });
      return;
    }
    link.mutate(Number(text));
  };
  const list = questions.data?.vragen ?? [];
  return (
    <section aria-labelledby="vragen-kop" className="spoorboek-section">
      <Heading level={2} id="vragen-kop">
        Vragen gesteld tijdens de bijeenkomst
      </Heading>
      <StatusMessage>{questions.isPending ? 'Vragen laden…' : ''}</StatusMessage>
      {questions.isError && <ErrorAlert error={questions.error} onRetry={() => void questions.refetch()} />}
      {questions.data && list.length === 0 && <Paragraph>Nog geen vragen gekoppeld.</Paragraph>}
      {list.length > 0 && (
        <DataTable id="vragen-tabel" caption="Gekoppelde vragen" columns={['Vraag', 'Status', 'Actie']}>
          {list.map((question) => (
            <TableRow key={question.id}>
              <TableCell>
                <AppLink to={questionPath(question.id)}>
                  {question.id}: {question.onderwerp}
                </AppLink>
              </TableCell>
              <TableCell>{statusLabel(question.status)}</TableCell>
              <TableCell>
                <Button appearance="subtle-button" type="button" disabled={unlink.isPending} onClick={() => unlink.mutate(question.id)}>
                  Ontkoppelen<span className="spoorboek-visually-hidden">: vraag {question.id}</span>
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {failure !== null && <ErrorAlert error={failure} />}
      <ErrorSummary errors={errors} fields={{ vraag: { label: 'Vraagnummer', id: NUMBER_ID } }} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="vraag-koppelen-kop">
        <Heading level={3} id="vraag-koppelen-kop">
          Vraag koppelen
        </Heading>
        <TextField
          id={NUMBER_ID}
          label="Vraagnummer"
          description="Het nummer uit de inbox. Leg een vraag die tijdens de bijeenkomst binnenkwam eerst vast onder Vragen, met kanaal bijeenkomst."
          inputMode="numeric"
          value={number}
          onChange={(event) => setNumber(event.target.value)}
          errors={errors.fields.vraag}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={link.isPending} disabled={link.isPending}>
            Vraag koppelen
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}
