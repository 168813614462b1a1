/** Checks made before sending, with the same Dutch wording the server uses where it can. */

const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}$/;

export function requiredText(value: string, message: string): string | null {
  return value.trim() ? null : message;
}

export function emailProblem(value: string): string | null {
  if (!value.trim()) return 'Vul een e-mailadres in.';
  return EMAIL.test(value.trim()) ? null : 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.';
}

export function totpCodeProblem(value: string): string | null {
  const code = value.replace(/\s/g, '');
  if (!code) return 'Vul de code uit uw authenticator-app in.';
  return /^\d{6}$/.test(code) ? null : 'De code bestaat uit 6 cijfers.';
}

export function normaliseTotpCode(value: string): string {
  return value.replace(/\s/g, '');
}

/** The server checks the real rules; here only what it cannot: that both entries match. */
export function newPasswordProblems(password: string, repeated: string) {
  return {
    wachtwoord: password ? null : 'Kies een nieuw wachtwoord.',
    herhaling: !repeated
      ? 'Vul het nieuwe wachtwoord nog een keer in.'
      : password && repeated !== password
        ? 'De twee wachtwoorden zijn niet gelijk.'
        : null,
  };
}

export const PASSWORD_RULES =
  'Gebruik minstens 12 tekens. Kies iets dat niet te voorspelbaar is en waar uw naam en e-mailadres niet in staan. Een zin van een paar woorden werkt goed.';
