import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { forwardRef } from 'react';

interface Props {
  /** What was changed, as the heading names it: "deze vraag", "dit signaal". */
  thing: string;
  /** What the other person may have changed, said in passing: "de vraag", "het signaal (de status, ...)". */
  changed: string;
}

/** Someone else changed the thing after this page loaded it (a 412): nothing was overwritten. */
export const StaleNotice = forwardRef<HTMLDivElement, Props>(function StaleNotice({ thing, changed }, ref) {
  return (
    <Alert type="warning" ref={ref} tabIndex={-1} className="spoorboek-error-summary spoorboek-conflict">
      <Heading level={2}>Iemand anders heeft {thing} al gewijzigd</Heading>
      <Paragraph>
        Terwijl u bezig was, heeft iemand anders {changed} gewijzigd. Uw wijziging is <strong>niet</strong> opgeslagen,
        zodat die van de ander niet ongemerkt verloren gaat. De pagina toont nu de nieuwste stand; wat u typte staat
        nog in het formulier. Controleer de stand en probeer het zo nodig opnieuw.
      </Paragraph>
    </Alert>
  );
});
