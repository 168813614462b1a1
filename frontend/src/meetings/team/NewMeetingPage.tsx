import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../../app/AppLink';
import { flashState } from '../../auth/flash';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { AGENDA_PATH } from '../paths';
import { createMeeting, refreshMeeting } from './api';
import { MeetingFields, meetingSummaryFields } from './MeetingFields';
import { createBody, EMPTY_MEETING, MEETING_FIELDS, meetingProblems, type MeetingFormValues } from './meetingForm';
import { teamPanelPath } from './paths';
import './team.css';

const PREFIX = 'bijeenkomst-';

/** /bijeenkomsten/nieuw: the team announces a meeting. */
export default function NewMeetingPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<MeetingFormValues>(EMPTY_MEETING);
  const { errors, show, summaryRef } = useFormErrors();
  const save = useMutation({
    mutationFn: createMeeting,
    onSuccess: async (meeting) => {
      await refreshMeeting(queryClient, meeting);
      void navigate(teamPanelPath(meeting.id), {
        state: flashState(`De bijeenkomst "${meeting.titel}" is aangemaakt.`, 'ok'),
      });
    },
    onError: (error) => show(mapErrorToForm(error, MEETING_FIELDS)),
  });
  const set = <K extends keyof MeetingFormValues>(name: K, value: MeetingFormValues[K]) =>
    setValues((current) => ({ ...current, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors(meetingProblems(values));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    save.mutate(createBody(values));
  };

  return (
    <>
      <title>Nieuwe bijeenkomst – Bijeenkomsten – Spoorboek</title>
      <Paragraph>
        <AppLink to={AGENDA_PATH}>Terug naar de agenda</AppLink>
      </Paragraph>
      <Heading level={1}>Nieuwe bijeenkomst</Heading>
      <Paragraph appearance="lead">
        Een werksessie, spreekuur, webinar, training of regiobijeenkomst. Zet de status op Open zodra aanmelden kan;
        tijden zijn Nederlandse tijd.
      </Paragraph>
      <ErrorSummary ref={summaryRef} errors={errors} fields={meetingSummaryFields(PREFIX, values)} />
      <form noValidate onSubmit={submit} className="spoorboek-form spoorboek-meeting-form" aria-label="Nieuwe bijeenkomst">
        <MeetingFields prefix={PREFIX} values={values} set={set} errors={errors.fields} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={save.isPending} disabled={save.isPending}>
            Bijeenkomst opslaan
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
