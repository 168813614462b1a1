import { Paragraph } from '@utrecht/component-library-react';

import { acceptInvitation } from './api';
import { SetPasswordForm } from './SetPasswordForm';

export default function AcceptInvitationPage() {
  return (
    <SetPasswordForm
      title="Uitnodiging aanvaarden"
      intro="Welkom bij Spoorboek. Kies een wachtwoord voor uw account; daarna kunt u inloggen met uw e-mailadres en dit wachtwoord."
      submitLabel="Wachtwoord instellen"
      successMessage="Uw account is klaar. Log in met uw e-mailadres en uw nieuwe wachtwoord."
      missingToken={
        <Paragraph>
          Open de link uit de uitnodigingsmail opnieuw. Werkt de link niet meer? Vraag de beheerder
          die u uitnodigde om een nieuwe uitnodiging.
        </Paragraph>
      }
      save={acceptInvitation}
    />
  );
}
