import { useQuery } from '@tanstack/react-query';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

import { tokenFromHash } from '../account/SetPasswordForm';
import { ApiError } from '../api/problem';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { answerByLink, fetchFormByLink, surveyKeys } from './api';
import { SurveyFormSection } from './SurveyFormSection';

/** What the API accepts as a token; anything else cannot be a link from our mail. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

function UnknownLink() {
  return (
    <Alert type="warning">
      <Heading level={2}>Deze link naar de peiling kennen we niet</Heading>
      <Paragraph>
        De link is niet compleet, of er is een nieuwere e-mail (een herinnering) met een nieuwe link. Gebruik de link
        uit de nieuwste e-mail, of log in en kies Mijn peilingen.
      </Paragraph>
    </Alert>
  );
}

/** /peiling#token=…: the survey from the invitation's link, without logging in. */
export default function SurveyByLinkPage() {
  const { hash } = useLocation();
  // Read once: the token stays in the fragment, which no server or log sees.
  const [token] = useState(() => tokenFromHash(hash) ?? '');
  const wellFormed = TOKEN.test(token);
  const form = useQuery({
    queryKey: surveyKeys.byLink(token),
    queryFn: ({ signal }) => fetchFormByLink(token, signal),
    enabled: wellFormed,
    retry: false,
    staleTime: Infinity,
  });

  let content: ReactNode;
  if (!wellFormed || (form.error instanceof ApiError && [400, 404].includes(form.error.status))) content = <UnknownLink />;
  else if (form.isPending) content = <StatusMessage>Link naar de peiling controleren…</StatusMessage>;
  else if (form.isError) content = <ErrorAlert error={form.error} onRetry={() => void form.refetch()} />;
  else content = <SurveyFormSection form={form.data} save={(answers) => answerByLink(token, answers)} />;

  return (
    <>
      <title>{`${form.data?.ronde.titel ?? 'Peiling'} – Spoorboek`}</title>
      <Heading level={1}>{form.data?.ronde.titel ?? 'Peiling'}</Heading>
      {content}
    </>
  );
}
