import { describe, expect, it } from 'vitest';

import { makeUser } from '../test/session';
import { landingPath } from './returnPath';

describe('landingPath', () => {
  it('sends a municipal contact to their municipality', () => {
    expect(landingPath(makeUser({ rollen: ['gemeente'] }))).toBe('/mijn-gemeente');
  });

  it('sends advisors (editors and admins) to the questions inbox, also when they are a contact too', () => {
    expect(landingPath(makeUser({ rollen: ['redacteur'] }))).toBe('/vragen');
    expect(landingPath(makeUser({ rollen: ['beheerder'] }))).toBe('/vragen');
    expect(landingPath(makeUser({ rollen: ['gemeente', 'redacteur'] }))).toBe('/vragen');
  });

  it('sends an expert of a partner organisation to the questions put to it', () => {
    expect(landingPath(makeUser({ rollen: ['expert'] }))).toBe('/expertvragen');
  });

  it('sends anyone else to the front page', () => {
    expect(landingPath(makeUser({ rollen: [] }))).toBe('/');
  });
});
