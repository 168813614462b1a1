import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Heading } from '@utrecht/component-library-react';
import { useParams } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { ApiError } from '../api/problem';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { answerMine, myFormQuery, surveyKeys } from './api';
import { SurveyFormSection } from './SurveyFormSection';

/** /mijn-peilingen/:id: a round's form, signed in. */
export default function MySurveyPage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const form = useQuery({ ...myFormQuery(id), enabled: Number.isInteger(id) && id > 0 });
  if (!Number.isInteger(id) || id <= 0 || (form.error instanceof ApiError && form.error.status === 404)) {
    return <NotFoundPage />;
  }
  const title = form.data?.ronde.titel ?? 'Peiling';
  return (
    <>
      <title>{`${title} – Spoorboek`}</title>
      <Heading level={1}>{title}</Heading>
      <AppLink to="/mijn-peilingen">Terug naar Mijn peilingen</AppLink>
      {form.isPending && <StatusMessage>Peiling laden…</StatusMessage>}
      {form.isError && <ErrorAlert error={form.error} onRetry={() => void form.refetch()} />}
      {form.data && (
        <SurveyFormSection
          form={form.data}
          save={async (answers) => {
            const saved = await answerMine(id, answers);
            void queryClient.invalidateQueries({ queryKey: surveyKeys.mine });
            return saved;
          }}
        />
      )}
    </>
  );
}
