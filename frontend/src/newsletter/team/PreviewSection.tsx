import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';

import { RadioGroup } from '../../forms/fields';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { usePreview } from './api';
import type { PreviewForm } from './types';

const FORMS = [
  { value: 'web', label: 'Als webpagina (het archief)' },
  { value: 'mail', label: 'Als mail' },
  { value: 'tekst', label: 'Als platte tekst (het tekstdeel van de mail)' },
];

/**
 * The saved version as the API renders it. The HTML comes from the server, sanitised there, and
 * is shown in a frame that may run nothing and reach nothing (an empty sandbox), not in this page.
 */
export function PreviewSection({ id, version }: { id: number; version: number }) {
  const [form, setForm] = useState<PreviewForm>('web');
  const preview = usePreview(id, version, form, true);
  return (
    <section aria-labelledby="voorbeeld-kop" className="spoorboek-section">
      <Heading level={2} id="voorbeeld-kop">
        Voorbeeld
      </Heading>
      <Paragraph>Het voorbeeld toont de laatst opgeslagen versie, met alle secties (zoals een abonnee op alles die krijgt).</Paragraph>
      <RadioGroup
        id="voorbeeld-vorm"
        name="voorbeeld-vorm"
        legend="Bekijk"
        value={form}
        onChange={(value) => setForm(value as PreviewForm)}
        choices={FORMS}
      />
      <StatusMessage>{preview.isFetching ? 'Voorbeeld laden…' : ''}</StatusMessage>
      {preview.isError && <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.data && (
        <>
          <Paragraph>
            Onderwerp: <strong>{preview.data.onderwerp}</strong>
          </Paragraph>
          {preview.data.vorm === 'tekst' ? (
            <pre className="spoorboek-edition-text" aria-label="Voorbeeld als platte tekst">
              {preview.data.tekst ?? ''}
            </pre>
          ) : (
            <iframe
              className="spoorboek-edition-frame"
              title={preview.data.vorm === 'mail' ? 'Voorbeeld van de mail' : 'Voorbeeld als webpagina'}
              // No scripts, forms, navigation or same origin: never loosen this.
              sandbox=""
              srcDoc={preview.data.html ?? ''}
            />
          )}
        </>
      )}
    </section>
  );
}
