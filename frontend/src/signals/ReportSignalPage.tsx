import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { storeAnswer } from '../app/queryClient';
import { hasRole, isEditor, useCurrentUser } from '../auth/session';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { useFormErrors } from '../forms/useFormErrors';
import { MunicipalitySelect } from '../shared/MunicipalitySelect';
import { reportSignal, signalKeys } from './api';
import { createBody, EMPTY_SIGNAL, SIGNAL_LABELS, signalProblems, type SignalFormValues } from './signalForm';
import { SignalFields, signalSummaryFields } from './SignalFields';
import { signalPath } from './paths';
import './signals.css';

const FIELD_NAMES = Object.keys(SIGNAL_LABELS);

/**
 * /signalen/melden: a municipal contact reports a bottleneck or an improvement for her
 * municipality; an expert or an advisor records one too.
 */
export default function ReportSignalPage() {
  const user = useCurrentUser();
  const team = isEditor(user);
  const contact = !team && hasRole(user, 'gemeente');
  const municipalities = contact ? (user?.gemeenten ?? []) : [];
  const chooses = municipalities.length > 1;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SignalFormValues>(EMPTY_SIGNAL);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const set = <K extends keyof SignalFormValues>(name: K, value: SignalFormValues[K]) =>
    setValues((current) => ({ ...current, [name]: value }));

  const report = useMutation({
    mutationFn: (body: SignalFormValues) => reportSignal(createBody(body)),
    onSuccess: async (signal) => {
      clear();
      await storeAnswer(queryClient, signalKeys.detail(signal.id), signal);
      await queryClient.invalidateQueries({ queryKey: signalKeys.all, refetchType: 'none' });
      void navigate(signalPath(signal.id), { state: { reported: true } });
    },
    onError: (error) => show(mapErrorToForm(error, FIELD_NAMES)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors(signalProblems(values, chooses));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    report.mutate(values);
  };

  const title = team ? 'Signaal vastleggen' : 'Signaal melden';
  return (
    <>
      <title>{`${title} – Spoorboek`}</title>
      <Heading level={1}>{title}</Heading>
      <Paragraph appearance="lead">
        {team
          ? 'Leg een knelpunt of verbetervoorstel vast dat het programmateam zelf opmerkte. Koppel daarna vragen en knelpunten als bewijs.'
          : 'Loopt uw gemeente ergens tegenaan bij de invoering: in de wet, bij een leverancier, in de uitvoering? Meld het hier. Het programmateam brengt het bij wie het kan veranderen en laat u weten wat er terugkomt.'}
      </Paragraph>
      <ErrorSummary ref={summaryRef} errors={errors} fields={signalSummaryFields('', values.themas[0])} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="signaal-kop">
        <Heading level={2} id="signaal-kop">
          {team ? 'Het signaal' : 'Uw signaal'}
        </Heading>
        {chooses && (
          <MunicipalitySelect
            id="gemeente"
            label={SIGNAL_LABELS.gemeente}
            description="Namens welke van uw gemeenten meldt u dit?"
            value={values.gemeente}
            onChange={(event) => set('gemeente', event.target.value)}
            errors={errors.fields.gemeente}
            municipalities={municipalities}
          />
        )}
        <SignalFields values={values} set={set} errors={errors.fields} forContact={!team} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={report.isPending} disabled={report.isPending}>
            {team ? 'Signaal vastleggen' : 'Signaal melden'}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
