import { Paragraph } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { resetPassword } from './api';
import { SetPasswordForm } from './SetPasswordForm';

export default function ResetPasswordPage() {
  return (
    <SetPasswordForm
      title="Nieuw wachtwoord kiezen"
      intro="Kies een nieuw wachtwoord voor uw Spoorboek-account. Daarna logt u in met het nieuwe wachtwoord; op andere apparaten wordt u uitgelogd."
      submitLabel="Wachtwoord opslaan"
      successMessage="Uw nieuwe wachtwoord is opgeslagen. Log in met uw nieuwe wachtwoord."
      missingToken={
        <Paragraph>
          Open de link uit de e-mail opnieuw, of{' '}
          <AppLink to="/wachtwoord-vergeten">vraag een nieuwe herstellink aan</AppLink>.
        </Paragraph>
      }
      save={resetPassword}
    />
  );
}
