import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useNavigate, useParams } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { invalidateFaq, updateFaq, useFaqEntry } from './api';
import { FaqForm } from './FaqForm';
import { formFromEntry, updateBody, type FaqFormValues } from './faqForm';

/** /faq/:id/nieuwe-versie: editors publish a new version; earlier versions stay readable. */
export default function NewFaqVersionPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id >= 1 && id <= 2147483647;
  const entry = useFaqEntry(id, valid);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (values: FaqFormValues) => updateFaq(id, updateBody(values)),
    onSuccess: async (saved) => {
      await invalidateFaq(queryClient, saved);
      void navigate(`/faq/${saved.id}`, { state: { published: true } });
    },
  });
  if (!valid) return <NotFoundPage />;
  return (
    <>
      <title>Nieuwe versie – Veelgestelde vragen – Spoorboek</title>
      <Paragraph>
        <AppLink to={`/faq/${id}`}>Terug naar de vraag</AppLink>
      </Paragraph>
      <Heading level={1}>Nieuwe versie</Heading>
      <StatusMessage>{entry.isPending ? 'Vraag laden…' : ''}</StatusMessage>
      {entry.isError && <ErrorAlert error={entry.error} onRetry={() => void entry.refetch()} />}
      {entry.data && (
        <>
          <Paragraph appearance="lead">
            Nu geldt versie {entry.data.versie}. De nieuwe versie vervangt haar; de oude blijft in de lijst met versies.
          </Paragraph>
          <FaqForm
            initial={formFromEntry(entry.data)}
            newVersion
            submitLabel="Nieuwe versie publiceren"
            busy={update.isPending}
            onSubmit={(values) => update.mutateAsync(values)}
          />
        </>
      )}
    </>
  );
}
