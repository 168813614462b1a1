import { useQuery } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { CellPeers, MunicipalityPeers, PeerContactChoice } from './types';

export type { CellPeers, CodeName, Likeness, MeasurePeer, MunicipalityPeers, Peer, PeerContact, PeerContactChoice } from './types';

// Peers name people: private, so every key starts with 'prive' (dropped at login and logout).
export const peerKeys = {
  cell: (code: string, measure: string) => ['prive', 'collegas', code, measure] as const,
  municipality: (code: string) => ['prive', 'collegas', code] as const,
  mine: ['prive', 'collegiaal-contact'] as const,
};

export function fetchCellPeers(code: string, maatregel: string, signal?: AbortSignal): Promise<CellPeers> {
  return unwrap(
    apiClient.GET('/gemeenten/{code}/voortgang/{maatregel}/collegas', { params: { path: { code, maatregel } }, signal }),
  );
}

export function fetchMunicipalityPeers(code: string, signal?: AbortSignal): Promise<MunicipalityPeers> {
  return unwrap(apiClient.GET('/gemeenten/{code}/collegas', { params: { path: { code } }, signal }));
}

export function fetchMyPeerContact(signal?: AbortSignal): Promise<PeerContactChoice> {
  return unwrap(apiClient.GET('/mijn-account/collegiaal-contact', { signal }));
}

export function setMyPeerContact(akkoord: boolean): Promise<PeerContactChoice> {
  return unwrap(apiClient.PUT('/mijn-account/collegiaal-contact', { body: { akkoord } }));
}

export function useCellPeers(code: string, measure: string) {
  return useQuery({
    queryKey: peerKeys.cell(code, measure),
    queryFn: ({ signal }) => fetchCellPeers(code, measure, signal),
  });
}

export function useMunicipalityPeers(code: string) {
  return useQuery({
    queryKey: peerKeys.municipality(code),
    queryFn: ({ signal }) => fetchMunicipalityPeers(code, signal),
  });
}
