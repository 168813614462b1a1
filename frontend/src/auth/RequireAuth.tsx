import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { ErrorAlert } from '../shared/ErrorAlert';
import { flashState } from './flash';
import { loginPath } from './returnPath';
import { hasAnyRole, useSession, type Role } from './session';

const ROLE_NAMES: Record<Role, string> = {
  beheerder: 'beheerders',
  redacteur: 'redacteuren',
  gemeente: 'gemeentelijke contactpersonen',
  expert: 'experts van partnerorganisaties',
};

function rolesText(roles: readonly Role[]): string {
  const names = roles.map((role) => ROLE_NAMES[role]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} en ${names.at(-1)}` : (names[0] ?? '');
}

export function NoAccessPage({ requiredRole }: { requiredRole: Role | readonly Role[] }) {
  const roles: readonly Role[] = typeof requiredRole === 'string' ? [requiredRole] : requiredRole;
  return (
    <>
      <title>Geen toegang – Spoorboek</title>
      <Heading level={1}>Geen toegang</Heading>
      <Paragraph>
        Deze pagina is alleen voor {rolesText(roles)}. U bent ingelogd met een account dat deze
        rol niet heeft.
      </Paragraph>
      <Paragraph>
        Denkt u dat u wel toegang hoort te hebben? Vraag het een beheerder van Spoorboek. Of ga
        naar het <AppLink to="/maatregelen">overzicht van de maatregelen</AppLink>.
      </Paragraph>
    </>
  );
}

/**
 * Shows its children only to a logged-in user (with `requiredRole`, or one of several, if given).
 * Visitors who are not logged in go to the login page, which brings them back here afterwards.
 */
export function RequireAuth({
  requiredRole,
  children,
}: {
  requiredRole?: Role | readonly Role[];
  children: ReactNode;
}) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return (
      <Paragraph role="status" className="spoorboek-status">
        Gegevens laden…
      </Paragraph>
    );
  }
  if (session.isError) {
    return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (!session.data) {
    return (
      <Navigate
        to={loginPath(`${location.pathname}${location.search}${location.hash}`)}
        replace
        state={flashState('Log in om deze pagina te bekijken.')}
      />
    );
  }
  if (requiredRole) {
    const roles: readonly Role[] = typeof requiredRole === 'string' ? [requiredRole] : requiredRole;
    if (!hasAnyRole(session.data.gebruiker, roles)) return <NoAccessPage requiredRole={roles} />;
  }
  return children;
}
