import { Heading, Paragraph } from '@utrecht/component-library-react';

import { AppLink } from './AppLink';

export function NotFoundPage() {
  return (
    <>
      <title>Pagina niet gevonden – Spoorboek</title>
      <Heading level={1}>Pagina niet gevonden</Heading>
      <Paragraph>
        Deze pagina bestaat niet (meer). Ga naar het{' '}
        <AppLink to="/maatregelen">overzicht van de maatregelen</AppLink>.
      </Paragraph>
    </>
  );
}
