import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { isConflict } from '../../api/problem';
import { AppLink } from '../../app/AppLink';
import { flashState } from '../../auth/flash';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextAreaField } from '../../forms/fields';
import { StaleNotice } from '../../forms/StaleNotice';
import { useFormErrors } from '../../forms/useFormErrors';
import { meetingKeys } from '../api';
import { cancelMeeting, refreshMeeting, updateMeeting } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { MeetingFields, meetingSummaryFields } from './MeetingFields';
import { MeetingLoader } from '../MeetingLoader';
import { MEETING_FIELDS, meetingProblems, movesPeople, updateBody, valuesOf, type MeetingFormValues } from './meetingForm';
import { teamPanelPath } from './paths';
import type { MeetingDetail } from './types';
import './team.css';

const PREFIX = 'bewerk-';
const MOVED_NOTICE = 'Iedereen die is aangemeld krijgt een bijgewerkte agenda-uitnodiging.';

/** Someone else changed the meeting first (412): say so and load the newest state; the form keeps what was typed. */
function useStale(id: number) {
  const queryClient = useQueryClient();
  const [stale, setStale] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (stale > 0) ref.current?.focus();
  }, [stale]);
  const report = () => {
    setStale((count) => count + 1);
    void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(id, true) });
  };
  return { stale: stale > 0, ref, report };
}

function CancelSection({ meeting, onStale }: { meeting: MeetingDetail; onStale: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { errors, show, clear } = useFormErrors();
  const cancel = useMutation({
    mutationFn: () => cancelMeeting(meeting.id, meeting.versie, reason.trim()),
    onSuccess: async (saved) => {
      setOpen(false);
      await refreshMeeting(queryClient, saved);
      void navigate(teamPanelPath(meeting.id), {
        state: flashState('De bijeenkomst is geannuleerd. Iedereen die was aangemeld krijgt bericht.', 'ok'),
      });
    },
    onError: (error) => {
      if (isConflict(error)) {
        setOpen(false);
        onStale();
        return;
      }
      show(mapErrorToForm(error, ['reden']));
    },
  });
  const confirm = () => {
    const problems = clientErrors({ reden: reason.trim().length < 3 ? 'Geef de reden van de annulering (minstens 3 tekens).' : null });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    cancel.mutate();
  };
  return (
    <section aria-labelledby="annuleren-kop" className="spoorboek-section">
      <Heading level={2} id="annuleren-kop">
        Bijeenkomst annuleren
      </Heading>
      <Paragraph>
        Iedereen die is aangemeld of op de wachtlijst staat krijgt bericht, met de reden, en een annulering voor de agenda.
        Dat is niet terug te draaien.
      </Paragraph>
      <ButtonGroup>
        <SecondaryActionButton type="button" onClick={() => setOpen(true)}>
          Bijeenkomst annuleren
        </SecondaryActionButton>
      </ButtonGroup>
      <ConfirmDialog
        open={open}
        title="Weet u zeker dat u deze bijeenkomst annuleert?"
        confirmLabel="Ja, annuleren"
        busy={cancel.isPending}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <Paragraph>{meeting.titel}</Paragraph>
        {errors.general.length > 0 && (
          <Alert type="error">
            <Paragraph>{errors.general.join(' ')}</Paragraph>
          </Alert>
        )}
        <TextAreaField
          id="annulering-reden"
          label="Reden"
          description="Staat in het bericht aan wie is aangemeld en op de pagina van de bijeenkomst."
          rows={4}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          errors={errors.fields.reden}
        />
      </ConfirmDialog>
    </section>
  );
}

function EditForm({ meeting }: { meeting: MeetingDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<MeetingFormValues>(() => valuesOf(meeting));
  const { errors, show, clear, summaryRef } = useFormErrors();
  const { stale, ref: staleRef, report: reportStale } = useStale(meeting.id);
  const body = updateBody(meeting, values);
  const moving = movesPeople(body) && meeting.status !== 'geannuleerd';
  const save = useMutation({
    mutationFn: () => updateMeeting(meeting.id, meeting.versie, updateBody(meeting, values)),
    onSuccess: async (saved) => {
      clear();
      await refreshMeeting(queryClient, saved);
      void navigate(teamPanelPath(meeting.id), {
        state: flashState(
          moving ? `De wijzigingen zijn opgeslagen. ${MOVED_NOTICE.replace('krijgt', 'krijgt nu')}` : 'De wijzigingen zijn opgeslagen.',
          'ok',
        ),
      });
    },
    onError: (error) => {
      if (isConflict(error)) {
        reportStale();
        return;
      }
      show(mapErrorToForm(error, MEETING_FIELDS));
    },
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
    if (Object.keys(body).length === 0) {
      void navigate(teamPanelPath(meeting.id), { state: flashState('Er was niets gewijzigd.') });
      return;
    }
    save.mutate();
  };

  const open = meeting.status !== 'geannuleerd' && meeting.status !== 'afgelopen';
  return (
    <>
      <title>{`${meeting.titel} bewerken – Bijeenkomsten – Spoorboek`}</title>
      <Paragraph>
        <AppLink to={teamPanelPath(meeting.id)}>Terug naar het beheer van de bijeenkomst</AppLink>
      </Paragraph>
      <Heading level={1}>Bijeenkomst bewerken</Heading>
      <Paragraph appearance="lead">{meeting.titel}</Paragraph>
      {stale && <StaleNotice ref={staleRef} thing="deze bijeenkomst" changed="de bijeenkomst" />}
      {!open && (
        <Alert type="info">
          <Paragraph>
            Deze bijeenkomst is {meeting.status === 'geannuleerd' ? 'geannuleerd' : 'afgelopen'}; alleen de gegevens achteraf
            zijn nog te wijzigen.
          </Paragraph>
        </Alert>
      )}
      <ErrorSummary ref={summaryRef} errors={errors} fields={meetingSummaryFields(PREFIX, values)} />
      <form noValidate onSubmit={submit} className="spoorboek-form spoorboek-meeting-form" aria-label="Bijeenkomst bewerken">
        <MeetingFields
          prefix={PREFIX}
          values={values}
          set={set}
          errors={errors.fields}
          editing
          statusChoice={meeting.status === 'gepland' || meeting.status === 'open'}
        />
        {moving && (
          <Alert type="warning" className="spoorboek-moved-notice">
            <Paragraph>
              U wijzigt de tijd of de plaats. {MOVED_NOTICE}
            </Paragraph>
          </Alert>
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={save.isPending} disabled={save.isPending}>
            Wijzigingen opslaan
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
      {open && <CancelSection meeting={meeting} onStale={reportStale} />}
    </>
  );
}

/** /bijeenkomsten/:id/bewerken: every field of a meeting, and cancelling it. */
export default function EditMeetingPage() {
  return <MeetingLoader>{(meeting) => <EditForm meeting={meeting} />}</MeetingLoader>;
}
