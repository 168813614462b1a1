import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { clientErrors, hasErrors, mapErrorToForm, UNREACHABLE } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextAreaField, TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { ErrorAlert } from '../shared/ErrorAlert';
import { MunicipalitySelect } from '../shared/MunicipalitySelect';
import { StatusMessage } from '../shared/StatusMessage';
import { bookSlot, cancelBooking, meetingKeys, useSlots } from './api';
import { bookingProblems, formatSlotTime } from './logic';
import { useOwnMunicipalities } from './RegistrationForm';
import type { Slot, SlotBooking } from './types';

/** The topic and its explanation for one slot; the topic becomes a question to the team. */
function BookingForm({ meetingId, slot, onBooked }: { meetingId: number; slot: Slot; onBooked: (text: string) => void }) {
  const queryClient = useQueryClient();
  const municipalities = useOwnMunicipalities();
  const chooseMunicipality = municipalities.length > 1;
  const prefix = `tijdslot-${slot.id}`;
  const fields = {
    onderwerp: { id: `${prefix}-onderwerp`, label: 'Onderwerp' },
    toelichting: { id: `${prefix}-toelichting`, label: 'Toelichting' },
    gemeente: { id: `${prefix}-gemeente`, label: 'Gemeente' },
  };
  const [values, setValues] = useState({ onderwerp: '', toelichting: '', gemeente: '' });
  const { errors, show, clear, summaryRef } = useFormErrors();
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const mutation = useMutation({
    mutationFn: (body: SlotBooking) => bookSlot(meetingId, slot.id, body),
    onSuccess: async (booking) => {
      clear();
      onBooked(
        `Geboekt: ${formatSlotTime(slot.begin, slot.einde)}. Uw onderwerp staat als vraag ${booking.vraag} onder Mijn vragen; de bevestiging volgt per e-mail.`,
      );
      await queryClient.invalidateQueries({ queryKey: meetingKeys.private });
    },
    // 409: another municipality was just before, or hers already has a slot in this hour.
    onError: async (error) => {
      show(mapErrorToForm(error, Object.keys(fields)));
      if (error instanceof ApiError && error.status === 409) await queryClient.invalidateQueries({ queryKey: meetingKeys.slots(meetingId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors(bookingProblems({ ...values, chooseMunicipality }));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    const body: SlotBooking = { onderwerp: values.onderwerp.trim(), toelichting: values.toelichting.trim() };
    if (chooseMunicipality) body.gemeente = values.gemeente;
    mutation.mutate(body);
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-form" aria-label={`Tijdslot ${formatSlotTime(slot.begin, slot.einde)} boeken`}>
      <ErrorSummary ref={summaryRef} errors={errors} fields={fields} />
      <Paragraph>
        Uw onderwerp wordt een vraag aan het programmateam (kanaal spreekuur), gekoppeld aan dit tijdslot. Zo kan de
        adviseur zich voorbereiden; het antwoord volgt zoals bij elke vraag, onder Mijn vragen.
      </Paragraph>
      <TextField
        id={fields.onderwerp.id}
        label={fields.onderwerp.label}
        value={values.onderwerp}
        maxLength={200}
        onChange={set('onderwerp')}
        errors={errors.fields.onderwerp}
      />
      <TextAreaField
        id={fields.toelichting.id}
        label={fields.toelichting.label}
        description="Wat wilt u bespreken? Noem geen gegevens van inwoners."
        rows={4}
        maxLength={10_000}
        value={values.toelichting}
        onChange={set('toelichting')}
        errors={errors.fields.toelichting}
      />
      {chooseMunicipality && (
        <MunicipalitySelect
          id={fields.gemeente.id}
          label={fields.gemeente.label}
          value={values.gemeente}
          onChange={set('gemeente')}
          errors={errors.fields.gemeente}
          municipalities={municipalities}
        />
      )}
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
          Tijdslot boeken
        </PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

function SlotItem({ meetingId, slot, bookable, onMessage }: { meetingId: number; slot: Slot; bookable: boolean; onMessage: (text: string) => void }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const own = !slot.vrij && slot.gemeente !== null;
  const cancel = useMutation({
    mutationFn: () => cancelBooking(meetingId, slot.id),
    onSuccess: async () => {
      onMessage(`De boeking van ${formatSlotTime(slot.begin, slot.einde)} is geannuleerd. Uw vraag blijft staan.`);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.private });
    },
    onError: (error) => onMessage(`Annuleren lukte niet: ${error instanceof ApiError ? (error.detail ?? error.title) : UNREACHABLE}`),
  });
  const time = formatSlotTime(slot.begin, slot.einde);
  return (
    <li>
      <Heading level={3}>{time}</Heading>
      <Paragraph>{slot.vrij ? 'Vrij' : own ? `Geboekt door ${slot.gemeente?.naam ?? 'uw gemeente'}` : 'Bezet'}</Paragraph>
      {own && slot.vraag !== null && (
        <Paragraph>
          <AppLink to={`/mijn-vragen/${slot.vraag}`}>Uw vraag bij dit tijdslot</AppLink>
        </Paragraph>
      )}
      {own && bookable && (
        <ButtonGroup>
          <SecondaryActionButton
            type="button"
            busy={cancel.isPending}
            disabled={cancel.isPending}
            onClick={() => cancel.mutate()}
            aria-label={`Boeking annuleren (${time})`}
          >
            Boeking annuleren
          </SecondaryActionButton>
        </ButtonGroup>
      )}
      {slot.vrij && bookable && !open && (
        <ButtonGroup>
          <PrimaryActionButton type="button" onClick={() => setOpen(true)} aria-label={`Boeken (${time})`}>
            Boeken
          </PrimaryActionButton>
        </ButtonGroup>
      )}
      {slot.vrij && bookable && open && (
        <BookingForm
          meetingId={meetingId}
          slot={slot}
          onBooked={(text) => {
            setOpen(false);
            onMessage(text);
          }}
        />
      )}
    </li>
  );
}

/** A consultation hour's slots: one municipality per slot, booked with a topic in advance. */
export function SlotsSection({ meetingId, bookable }: { meetingId: number; bookable: boolean }) {
  const slots = useSlots(meetingId, true);
  const [message, setMessage] = useState('');
  return (
    <section aria-labelledby="tijdsloten-kop" className="spoorboek-section">
      <Heading level={2} id="tijdsloten-kop">
        Tijdsloten
      </Heading>
      <StatusMessage>{slots.isPending ? 'Tijdsloten laden…' : message}</StatusMessage>
      {slots.isError && <ErrorAlert error={slots.error} onRetry={() => void slots.refetch()} />}
      {slots.data && slots.data.length === 0 && <Paragraph>Er zijn nog geen tijdsloten voor dit spreekuur.</Paragraph>}
      {slots.data && slots.data.length > 0 && (
        <ul className="spoorboek-slots" aria-labelledby="tijdsloten-kop">
          {slots.data.map((slot) => (
            <SlotItem key={slot.id} meetingId={meetingId} slot={slot} bookable={bookable} onMessage={setMessage} />
          ))}
        </ul>
      )}
    </section>
  );
}
