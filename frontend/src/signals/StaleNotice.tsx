import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { forwardRef } from 'react';

/** Someone else changed the signal after this page loaded it: nothing was overwritten. */
export const StaleNotice = forwardRef<HTMLDivElement>(function StaleNotice(_props, ref) {
  return (
    <Alert type="warning" ref={ref} tabIndex={-1} className="spoorboek-error-summary spoorboek-conflict">
      <Heading level={2}>Iemand anders heeft dit signaal al gewijzigd</Heading>
      <Paragraph>
        Terwijl u bezig was, heeft iemand anders het signaal gewijzigd (de status, de tekst of het bewijs). Uw wijziging
        is <strong>niet</strong> opgeslagen, zodat die van de ander niet ongemerkt verloren gaat. De pagina toont nu de
        nieuwste stand; wat u typte staat nog in het formulier. Controleer de stand en probeer het zo nodig opnieuw.
      </Paragraph>
    </Alert>
  );
});
