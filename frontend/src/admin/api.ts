import { apiClient } from '../api/client';
import { unwrap } from '../api/call';
import type { components, operations } from '../api/schema';
import type { User } from '../auth/session';

export type UserPage = components['schemas']['UserPage'];
export type UserCreate = components['schemas']['UserCreate'];
export type UserUpdate = components['schemas']['UserUpdate'];
export type Client = components['schemas']['ClientRead'];
export type ClientPage = components['schemas']['ClientPage'];
export type ClientCreate = components['schemas']['ClientCreate'];
export type ClientWithSecret = components['schemas']['ClientWithSecret'];
export type AuditEvent = components['schemas']['AuditEventRead'];
export type AuditPage = components['schemas']['AuditPage'];

export type UserFilters = NonNullable<operations['gebruikersOpvragen']['parameters']['query']>;
export type AuditFilters = NonNullable<operations['auditGebeurtenissenOpvragen']['parameters']['query']>;

export const PAGE_SIZE = 20;

// Admin data is private: every key starts with 'prive' (dropped at logout).
export const adminKeys = {
  users: (filters: UserFilters) => ['prive', 'gebruikers', 'lijst', filters] as const,
  user: (id: number) => ['prive', 'gebruikers', id] as const,
  allUsers: ['prive', 'gebruikers'] as const,
  clients: (page: number) => ['prive', 'koppelingen', 'lijst', page] as const,
  client: (clientId: string) => ['prive', 'koppelingen', clientId] as const,
  allClients: ['prive', 'koppelingen'] as const,
  audit: (filters: AuditFilters) => ['prive', 'audit', filters] as const,
};

export function fetchUsers(query: UserFilters, signal?: AbortSignal): Promise<UserPage> {
  return unwrap(apiClient.GET('/gebruikers', { params: { query }, signal }));
}

export function fetchUser(id: number, signal?: AbortSignal): Promise<User> {
  return unwrap(apiClient.GET('/gebruikers/{id}', { params: { path: { id } }, signal }));
}

export function inviteUser(body: UserCreate): Promise<User> {
  return unwrap(apiClient.POST('/gebruikers', { body }));
}

export function updateUser(id: number, body: UserUpdate): Promise<User> {
  return unwrap(apiClient.PATCH('/gebruikers/{id}', { params: { path: { id } }, body }));
}

export async function resendInvitation(id: number): Promise<void> {
  await unwrap(apiClient.POST('/gebruikers/{id}/uitnodigingen', { params: { path: { id } } }));
}

export function fetchClients(pagina: number, signal?: AbortSignal): Promise<ClientPage> {
  return unwrap(
    apiClient.GET('/koppelingen', { params: { query: { pagina, paginaGrootte: PAGE_SIZE } }, signal }),
  );
}

export function fetchClient(clientId: string, signal?: AbortSignal): Promise<Client> {
  return unwrap(apiClient.GET('/koppelingen/{clientId}', { params: { path: { clientId } }, signal }));
}

export function createClient(body: ClientCreate): Promise<ClientWithSecret> {
  return unwrap(apiClient.POST('/koppelingen', { body }));
}

export function setClientActive(clientId: string, actief: boolean): Promise<Client> {
  return unwrap(apiClient.PATCH('/koppelingen/{clientId}', { params: { path: { clientId } }, body: { actief } }));
}

export function rotateClientSecret(clientId: string, overlapUren: number): Promise<ClientWithSecret> {
  return unwrap(
    apiClient.POST('/koppelingen/{clientId}/geheimen', { params: { path: { clientId } }, body: { overlapUren } }),
  );
}

export function fetchAuditEvents(query: AuditFilters, signal?: AbortSignal): Promise<AuditPage> {
  return unwrap(apiClient.GET('/audit-gebeurtenissen', { params: { query }, signal }));
}
