import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useNavigate, useParams } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { invalidateFaq, publishFaq } from '../faq/api';
import { FaqForm } from '../faq/FaqForm';
import { createBody, emptyFaqForm, type FaqFormValues } from '../faq/faqForm';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { questionKeys, useProposal } from './api';
import { faqPath, questionPath } from './paths';
import type { FaqProposal } from './types';
import './questions.css';

function Replaced({ proposal }: { proposal: FaqProposal }) {
  if (proposal.vervangen.length === 0) {
    return (
      <Alert type="info" role="note" className="spoorboek-replaced">
        <Paragraph>Er zijn geen persoonsgegevens gevonden. Lees de tekst toch na voordat u publiceert.</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert type="info" role="note" className="spoorboek-replaced">
      <Heading level={2}>Vervangen als persoonsgegeven</Heading>
      <Paragraph>Dit stond in de vraag of het antwoord en is in het voorstel vervangen door een neutraal woord:</Paragraph>
      <UnorderedList>
        {proposal.vervangen.map((text) => (
          <UnorderedListItem key={text}>{text}</UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

/** /vragen/:id/publiceren: an answered question as a public FAQ entry, from an anonymised proposal. */
export default function PublishFaqPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id >= 1;
  const proposal = useProposal(id, valid);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: (values: FaqFormValues) => publishFaq(createBody(values, [id])),
    onSuccess: async (entry) => {
      await invalidateFaq(queryClient, entry);
      await queryClient.invalidateQueries({ queryKey: questionKeys.detail(id) });
      void navigate(faqPath(entry.id), { state: { published: true } });
    },
  });
  if (!valid) return <NotFoundPage />;
  return (
    <>
      <title>{`Vraag ${id} publiceren als FAQ – Spoorboek`}</title>
      <Paragraph>
        <AppLink to={questionPath(id, true)}>Terug naar vraag {id}</AppLink>
      </Paragraph>
      <Heading level={1}>Publiceren als veelgestelde vraag</Heading>
      <Paragraph appearance="lead">
        Een voorstel uit vraag {id} en het antwoord, met persoonsgegevens vervangen. Maak de tekst algemeen en publiceer
        haar; iedereen kan haar dan lezen.
      </Paragraph>
      <StatusMessage>{proposal.isPending ? 'Voorstel laden…' : ''}</StatusMessage>
      {proposal.isError && <ErrorAlert error={proposal.error} onRetry={() => void proposal.refetch()} />}
      {proposal.data && (
        <>
          <Replaced proposal={proposal.data} />
          <FaqForm
            initial={{
              ...emptyFaqForm(),
              vraag: proposal.data.vraag,
              antwoord: proposal.data.antwoord,
              maatregelen: proposal.data.maatregelen,
            }}
            newVersion={false}
            submitLabel="Publiceren"
            busy={publish.isPending}
            onSubmit={(values) => publish.mutateAsync(values)}
          />
        </>
      )}
    </>
  );
}
