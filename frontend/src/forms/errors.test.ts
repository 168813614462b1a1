import { describe, expect, it } from 'vitest';

import { ApiError, toApiError } from '../api/problem';
import { clientErrors, fieldOf, hasErrors, mapErrorToForm, NO_ERRORS, UNREACHABLE } from './errors';

function invalid(...params: [string, string][]) {
  return new ApiError(400, 'Ongeldige invoer', `${params.length} parameter(s) ongeldig; zie invalidParams.`, {
    invalidParams: params.map(([name, reason]) => ({ name, reason, in: 'body', code: null })),
  });
}

describe('fieldOf', () => {
  it('reduces parameter names to the form field', () => {
    expect(fieldOf('email')).toBe('email');
    expect(fieldOf('body.email')).toBe('email');
    expect(fieldOf('rollen.0')).toBe('rollen');
    expect(fieldOf('gemeenten[2]')).toBe('gemeenten');
  });
});

describe('mapErrorToForm', () => {
  it('puts every broken rule of a field at that field, in order and without duplicates', () => {
    const error = invalid(
      ['wachtwoord', 'Gebruik minstens 12 tekens.'],
      ['wachtwoord', 'Dit wachtwoord is te voorspelbaar.'],
      ['wachtwoord', 'Gebruik minstens 12 tekens.'],
    );
    expect(mapErrorToForm(error, ['wachtwoord', 'herhaling'])).toEqual({
      fields: { wachtwoord: ['Gebruik minstens 12 tekens.', 'Dit wachtwoord is te voorspelbaar.'] },
      general: [],
    });
  });

  it('maps nested names and aliases, and sends parameters the form lacks to the summary', () => {
    const error = invalid(
      ['rollen.0', "Moet een van deze waarden zijn: 'gemeente', 'redacteur' of 'beheerder'."],
      ['body.naam', 'Verplicht veld ontbreekt.'],
      ['token', 'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.'],
      ['nieuwWachtwoord', 'Gebruik minstens 12 tekens.'],
    );
    const errors = mapErrorToForm(error, ['rollen', 'naam', 'wachtwoord'], {
      aliases: { nieuwWachtwoord: 'wachtwoord' },
    });
    expect(errors.fields).toEqual({
      rollen: ["Moet een van deze waarden zijn: 'gemeente', 'redacteur' of 'beheerder'."],
      naam: ['Verplicht veld ontbreekt.'],
      wachtwoord: ['Gebruik minstens 12 tekens.'],
    });
    expect(errors.general).toEqual(['Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.']);
  });

  it("uses the problem's detail when no parameter is named, at a field if the status says so", () => {
    const conflict = new ApiError(409, 'Conflict', 'Er is al een gebruiker met e-mailadres a@b.nl.');
    expect(mapErrorToForm(conflict, ['email'], { statusFields: { 409: 'email' } })).toEqual({
      fields: { email: ['Er is al een gebruiker met e-mailadres a@b.nl.'] },
      general: [],
    });
    const wrong = new ApiError(401, 'Niet geauthenticeerd', 'E-mailadres of wachtwoord onjuist.');
    expect(mapErrorToForm(wrong, ['email', 'wachtwoord'])).toEqual({
      fields: {},
      general: ['E-mailadres of wachtwoord onjuist.'],
    });
  });

  it('says the server is unreachable when there was no answer at all', () => {
    expect(mapErrorToForm(new TypeError('Failed to fetch'), ['email'])).toEqual({ fields: {}, general: [UNREACHABLE] });
  });
});

describe('clientErrors and hasErrors', () => {
  it('keeps only the checks that failed', () => {
    const errors = clientErrors({ email: 'Vul een e-mailadres in.', naam: null, code: false });
    expect(errors).toEqual({ fields: { email: ['Vul een e-mailadres in.'] }, general: [] });
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors(NO_ERRORS)).toBe(false);
    expect(hasErrors(clientErrors({ a: null }))).toBe(false);
  });
});

describe('toApiError', () => {
  it('keeps the code, the invalid parameters and Retry-After of a problem', () => {
    const response = new Response(null, { status: 429, headers: { 'Retry-After': '31' } });
    const error = toApiError(
      {
        status: 429,
        title: 'Te veel pogingen',
        detail: 'Te veel mislukte pogingen. Probeer het over 31 seconden opnieuw.',
        code: 'te_veel',
        invalidParams: [{ name: 'email', reason: 'x' }, { nonsense: true }],
      },
      response,
    );
    expect(error).toMatchObject({ status: 429, code: 'te_veel', retryAfter: 31 });
    expect(error.invalidParams).toEqual([{ name: 'email', reason: 'x' }]);
  });

  it('makes up a Dutch problem for an answer that is not problem+json', () => {
    const error = toApiError(undefined, new Response('<html>', { status: 502 }));
    expect(error.title).toBe('De server gaf een onverwacht antwoord');
    expect(error.invalidParams).toEqual([]);
  });
});
