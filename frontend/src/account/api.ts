import { apiClient } from '../api/client';
import { unwrap } from '../api/call';
import type { components } from '../api/schema';
import type { User } from '../auth/session';

export type SessionRead = components['schemas']['SessionRead'];
export type LoginRequest = components['schemas']['LoginRequest'];
export type SecondFactorStarted = components['schemas']['SecondFactorStarted'];

export const MY_ACCOUNT_QUERY_KEY = ['prive', 'mijn-account'] as const;

export function login(body: LoginRequest): Promise<SessionRead> {
  return unwrap(apiClient.POST('/sessies', { body }));
}

export async function requestPasswordReset(email: string): Promise<void> {
  await unwrap(apiClient.POST('/wachtwoord-herstel', { body: { email } }));
}

export function resetPassword(token: string, wachtwoord: string): Promise<void> {
  return unwrap(apiClient.POST('/wachtwoord-herstel/bevestiging', { body: { token, wachtwoord } }));
}

export function acceptInvitation(token: string, wachtwoord: string): Promise<void> {
  return unwrap(apiClient.POST('/uitnodigingen/aanvaarding', { body: { token, wachtwoord } }));
}

export function fetchMyAccount(signal?: AbortSignal): Promise<User> {
  return unwrap(apiClient.GET('/mijn-account', { signal }));
}

export function renameMe(naam: string): Promise<User> {
  return unwrap(apiClient.PATCH('/mijn-account', { body: { naam } }));
}

export function changeMyPassword(huidigWachtwoord: string, nieuwWachtwoord: string): Promise<void> {
  return unwrap(
    apiClient.PUT('/mijn-account/wachtwoord', { body: { huidigWachtwoord, nieuwWachtwoord } }),
  );
}

export function startSecondFactor(): Promise<SecondFactorStarted> {
  return unwrap(apiClient.POST('/mijn-account/tweede-factor'));
}

export function setSecondFactor(actief: boolean, code: string): Promise<User> {
  return unwrap(apiClient.PUT('/mijn-account/tweede-factor', { body: { actief, code } }));
}
