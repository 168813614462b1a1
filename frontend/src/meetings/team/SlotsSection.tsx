import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { AppLink } from '../../app/AppLink';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { DataTable } from '../../shared/DataTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { formatSlotTime } from '../logic';
import { makeSlots, useSlotList } from './api';
import { plural } from './labels';
import { questionPath } from './paths';
import type { MeetingDetail } from './types';
import { useMeetingAction } from './useMeetingAction';

const LENGTH_ID = 'tijdsloten-lengte';

/** A consultation hour's slots: make them from its time, see who booked which and their question. */
export function SlotsSection({ meeting }: { meeting: MeetingDetail }) {
  const slots = useSlotList(meeting.id, true);
  const [length, setLength] = useState(String(meeting.tijdslotMinuten ?? 20));
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const make = useMeetingAction(meeting.id, (minutes: number) => makeSlots(meeting.id, { tijdslotMinuten: minutes }), {
    onDone: (made) => {
      clear();
      setMessage(`${plural(made.tijdsloten.length, 'tijdslot', 'tijdsloten')} gemaakt van elk ${made.tijdslotMinuten ?? length} minuten.`);
    },
    onFailed: (error) => {
      setMessage('');
      show(mapErrorToForm(error, ['tijdslotMinuten'], { statusFields: {} }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = /^\d+$/.test(length.trim()) ? Number(length.trim()) : NaN;
    const problems = clientErrors({
      tijdslotMinuten: minutes >= 5 && minutes <= 240 ? null : 'Een tijdslot duurt 5 tot en met 240 minuten.',
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    make.mutate(minutes);
  };
  const list = slots.data?.tijdsloten ?? [];
  const booked = list.filter((slot) => !slot.vrij).length;
  return (
    <section aria-labelledby="tijdsloten-kop" className="spoorboek-section">
      <Heading level={2} id="tijdsloten-kop">
        Tijdsloten
      </Heading>
      <StatusMessage>{slots.isPending ? 'Tijdsloten laden…' : ''}</StatusMessage>
      {slots.isError && <ErrorAlert error={slots.error} onRetry={() => void slots.refetch()} />}
      {slots.data && list.length === 0 && <Paragraph>Dit spreekuur heeft nog geen tijdsloten.</Paragraph>}
      {list.length > 0 && (
        <>
          <Paragraph>
            {plural(list.length, 'tijdslot', 'tijdsloten')}, waarvan {booked} geboekt.
          </Paragraph>
          <DataTable id="tijdsloten-tabel" caption="Tijdsloten en wie ze boekte" columns={['Tijd', 'Geboekt door', 'Vraag']}>
            {list.map((slot) => (
              <TableRow key={slot.id}>
                <TableCell>{formatSlotTime(slot.begin, slot.einde)}</TableCell>
                <TableCell>{slot.vrij ? 'Vrij' : (slot.gemeente?.naam ?? 'Geboekt')}</TableCell>
                <TableCell>{slot.vraag ? <AppLink to={questionPath(slot.vraag)}>Vraag {slot.vraag}</AppLink> : '–'}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        </>
      )}
      {booked === 0 && meeting.status !== 'geannuleerd' && meeting.status !== 'afgelopen' && (
        <>
          <ErrorSummary ref={summaryRef} errors={errors} fields={{ tijdslotMinuten: { label: 'Lengte van een tijdslot', id: LENGTH_ID } }} />
          <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="tijdsloten-maken-kop">
            <Heading level={3} id="tijdsloten-maken-kop">
              Tijdsloten maken
            </Heading>
            <TextField
              id={LENGTH_ID}
              label="Lengte van een tijdslot (minuten)"
              description="Van het begin tot het einde van het spreekuur; een kortere rest aan het eind vervalt. Tijdsloten maken vervangt de vrije tijdsloten, zolang er geen is geboekt."
              inputMode="numeric"
              value={length}
              onChange={(event) => setLength(event.target.value)}
              errors={errors.fields.tijdslotMinuten}
            />
            <ButtonGroup>
              <PrimaryActionButton type="submit" busy={make.isPending} disabled={make.isPending}>
                Tijdsloten maken
              </PrimaryActionButton>
            </ButtonGroup>
          </form>
        </>
      )}
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}
