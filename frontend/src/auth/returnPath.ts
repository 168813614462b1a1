import { hasRole, isEditor, type User } from './session';

/** Where a page that needs a login may send the user back to: only paths on this site. */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  // Never back to a page of the login flow itself.
  if (/^\/(inloggen|wachtwoord-vergeten|wachtwoord-herstellen|uitnodiging)(\/|\?|#|$)/.test(value)) {
    return null;
  }
  return value;
}

/** The login page, with the page to return to afterwards (if it is worth returning to). */
export function loginPath(returnTo?: string | null): string {
  const safe = safeReturnPath(returnTo);
  return safe && safe !== '/' ? `/inloggen?terug=${encodeURIComponent(safe)}` : '/inloggen';
}

/**
 * Where someone lands after logging in when no page sent them: the page of their work. Advisors
 * (editors and admins) the questions inbox, municipal contacts their municipality's progress,
 * experts of partner organisations the questions put to their organisation; anyone else the
 * front page.
 */
export function landingPath(user: User): string {
  if (isEditor(user)) return '/vragen';
  if (hasRole(user, 'gemeente')) return '/mijn-gemeente';
  if (hasRole(user, 'expert')) return '/expertvragen';
  return '/';
}
