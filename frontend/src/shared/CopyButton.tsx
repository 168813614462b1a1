import { SecondaryActionButton } from '@utrecht/component-library-react';
import { useState } from 'react';

import { StatusMessage } from './StatusMessage';

/** Copies `value` to the clipboard and says whether that worked. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Gekopieerd naar het klembord.');
    } catch {
      setStatus('Kopiëren lukte niet. Selecteer de tekst en kopieer die zelf.');
    }
  };
  return (
    <div className="spoorboek-copy">
      <SecondaryActionButton type="button" onClick={() => void copy()}>
        {label}
      </SecondaryActionButton>
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}
