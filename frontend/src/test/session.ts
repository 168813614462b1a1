import type { CurrentSession, Role } from '../auth/session';
import { json, setCookie } from './mockApi';

export function makeUser(overrides: Partial<CurrentSession['gebruiker']> = {}): CurrentSession['gebruiker'] {
  return {
    id: 7,
    email: 'ulla@utrecht.example',
    naam: 'Ulla Utrecht',
    rollen: ['gemeente'],
    gemeenten: [{ code: 'GM0344', naam: 'Utrecht' }],
    organisatie: null,
    actief: true,
    tweedeFactor: false,
    wachtwoordIngesteld: true,
    laatstIngelogdOp: '2026-11-28T10:00:00Z',
    aangemaaktOp: '2026-11-01T10:00:00Z',
    demo: false,
    ...overrides,
  };
}

/** A logged-in browser: the CSRF cookie set and /sessies/huidig answering with this user. */
export function loggedInAs(roles: Role[], overrides: Partial<CurrentSession['gebruiker']> = {}) {
  setCookie('spoorboek_csrf', 'token');
  const gebruiker = makeUser({ rollen: roles, ...overrides });
  return {
    gebruiker,
    handler: () => json({ gebruiker, tweedeFactorInstellen: false }),
  };
}
