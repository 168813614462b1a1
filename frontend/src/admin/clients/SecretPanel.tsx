import { Alert, Code, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';

import { CopyButton } from '../../shared/CopyButton';

/**
 * The client secret, shown once: the server keeps only a hash, so it can never be shown again.
 * It lives only in the memory of this page; a reload or another page and it is gone.
 */
export function SecretPanel({ clientId, secret }: { clientId: string; secret: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [secret]);
  return (
    <Alert type="warning" ref={ref} tabIndex={-1} className="spoorboek-secret-panel">
      <Heading level={2}>Kopieer het geheim nu</Heading>
      <Paragraph>
        <strong>Dit geheim wordt maar één keer getoond.</strong> Spoorboek bewaart het niet leesbaar:
        na het verlaten of vernieuwen van deze pagina kunt u het niet meer opvragen. Geef het
        veilig door aan wie de koppeling instelt; kwijt is een nieuw geheim aanmaken.
      </Paragraph>
      <Paragraph>
        Client-id: <Code>{clientId}</Code>
      </Paragraph>
      <Paragraph>
        Geheim:{' '}
        <Code className="spoorboek-secret" data-testid="client-secret">
          {secret}
        </Code>
      </Paragraph>
      <CopyButton value={secret} label="Kopieer het geheim" />
    </Alert>
  );
}
