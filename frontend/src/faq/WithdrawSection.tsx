import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { clientErrors, mapErrorToForm } from '../forms/errors';
import { TextAreaField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { invalidateFaq, withdrawFaq, type FaqEntry } from './api';

/** Withdraws an entry from the public FAQ, with the reason (editors). */
export default function WithdrawSection({ entry }: { entry: FaqEntry }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const { errors, show } = useFormErrors();
  const withdraw = useMutation({
    mutationFn: (text: string) => withdrawFaq(entry.id, text),
    onSuccess: (saved) => invalidateFaq(queryClient, saved),
    onError: (error) => show(mapErrorToForm(error, ['toelichting'], { statusFields: { 409: 'toelichting' } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      show(clientErrors({ toelichting: 'Schrijf waarom u de vraag intrekt.' }));
      document.getElementById('intrekken-toelichting')?.focus();
      return;
    }
    withdraw.mutate(reason.trim());
  };
  const fieldErrors = [...(errors.fields.toelichting ?? []), ...errors.general];
  return (
    <section aria-labelledby="intrekken-kop" className="spoorboek-section">
      <Heading level={2} id="intrekken-kop">
        Intrekken
      </Heading>
      <Paragraph>Een ingetrokken vraag verdwijnt uit de openbare lijst. Dit kunt u niet ongedaan maken.</Paragraph>
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="intrekken-kop">
        <TextAreaField
          id="intrekken-toelichting"
          label="Reden"
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          errors={fieldErrors.length ? fieldErrors : undefined}
        />
        <ButtonGroup>
          <SecondaryActionButton type="submit" busy={withdraw.isPending} disabled={withdraw.isPending}>
            Intrekken
          </SecondaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}
