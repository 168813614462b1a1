import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { choiceId, RadioGroup, TextAreaField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { StatusMessage } from '../../shared/StatusMessage';
import { invalidateProducts, storeProduct } from '../api';
import type { Product } from '../types';
import { confirmFreshness } from './api';

const FIELDS = {
  actueel: { id: choiceId('actueel', 'ja'), label: 'Klopt het product nog?' },
  toelichting: { id: 'actueel-toelichting', label: 'Toelichting' },
};

/**
 * A measure of this published product changed: the editor confirms the product is still right
 * (which clears the flag), or records that it is not (the flag stays until a new version).
 */
export function FreshnessSection({ product }: { product: Product }) {
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  // The form disappears once the flag is cleared: keep keyboard focus in the section.
  useEffect(() => {
    if (confirmed) headingRef.current?.focus();
  }, [confirmed]);

  const mutation = useMutation({
    mutationFn: () => confirmFreshness(product.id, answer === 'ja', note.trim() || null),
    onMutate: () => setMessage(''),
    onSuccess: async (changed) => {
      await storeProduct(queryClient, changed);
      void invalidateProducts(queryClient);
      clear();
      setConfirmed(!changed.actualiteitControleren);
      setMessage(
        answer === 'ja'
          ? 'Vastgelegd: het product is nog actueel.'
          : 'Vastgelegd: het product is niet meer actueel. Start een nieuwe versie om het bij te werken.',
      );
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(FIELDS))),
  });

  if (!product.actualiteitControleren) {
    if (!confirmed) return null;
    return (
      <section aria-labelledby="actualiteit-kop" className="spoorboek-section">
        <Heading level={2} id="actualiteit-kop" tabIndex={-1} ref={headingRef}>
          Actualiteit
        </Heading>
        <StatusMessage>{message}</StatusMessage>
      </section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({ actueel: !answer && 'Kies of het product nog klopt.' });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    mutation.mutate();
  };

  return (
    <section aria-labelledby="actualiteit-kop" className="spoorboek-section">
      <Heading level={2} id="actualiteit-kop">
        Actualiteit controleren
      </Heading>
      <Alert type="warning" role="note">
        <Paragraph>
          Na de publicatie is een maatregel van dit product veranderd
          {product.actualiteitReden ? `: ${product.actualiteitReden}` : '.'} Kijk na of het product nog klopt.
        </Paragraph>
      </Alert>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="actualiteit-kop">
        <RadioGroup
          id="actueel"
          name="actueel"
          legend="Klopt het product nog?"
          value={answer}
          onChange={setAnswer}
          errors={errors.fields.actueel}
          choices={[
            { value: 'ja', label: 'Ja, het product klopt nog', description: 'De markering verdwijnt.' },
            {
              value: 'nee',
              label: 'Nee, het moet worden bijgewerkt',
              description: 'De markering blijft tot er een nieuwe versie is gepubliceerd.',
            },
          ]}
        />
        <TextAreaField
          {...FIELDS.toelichting}
          label="Toelichting (niet verplicht)"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          errors={errors.fields.toelichting}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Beoordeling vastleggen
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}
