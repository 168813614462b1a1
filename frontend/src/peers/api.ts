import { useQuery } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { Phase, TrafficLight } from '../progress/types';

// Written by hand until the contract is generated again with these endpoints (docs/peers.md);
// the shapes are those of api/progress/peers_router.py.

export interface CodeName {
  code: string;
  naam: string;
}

export interface PeerContact {
  naam: string;
  email: string;
}

export type Likeness = 'zelfde-arbeidsmarktregio' | 'zelfde-provincie' | 'zelfde-leverancier';

export interface Peer {
  gemeente: CodeName;
  inwoners: number;
  provincie: CodeName;
  arbeidsmarktregio: CodeName;
  fase: Phase;
  geimplementeerdOp: string | null;
  score: number;
  overeenkomsten: Likeness[];
  contactpersonen: PeerContact[];
}

export interface CellPeers {
  gemeente: CodeName;
  maatregel: CodeName;
  fase: Phase;
  verkeerslicht: TrafficLight;
  peildatum: string;
  collegas: Peer[];
}

export interface MeasurePeer {
  maatregel: CodeName;
  ingangsdatum: string;
  fase: Phase;
  verkeerslicht: TrafficLight;
  collega: Peer | null;
}

export interface MunicipalityPeers {
  gemeente: CodeName;
  peildatum: string;
  maatregelen: MeasurePeer[];
}

export interface PeerContactChoice {
  akkoord: boolean;
}

type Json<T> = { content: { 'application/json': T } };
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };

interface PeerPaths {
  '/gemeenten/{code}/voortgang/{maatregel}/collegas': {
    get: {
      parameters: { query?: never; header?: never; path: { code: string; maatregel: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<CellPeers> };
    };
  };
  '/gemeenten/{code}/collegas': {
    get: {
      parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<MunicipalityPeers> };
    };
  };
  '/mijn-account/collegiaal-contact': {
    get: { parameters: NoParameters; requestBody?: never; responses: { 200: Json<PeerContactChoice> } };
    put: {
      parameters: NoParameters;
      requestBody: Json<PeerContactChoice>;
      responses: { 200: Json<PeerContactChoice> };
    };
  };
}

// The same client (CSRF, session refresh), typed for the paths the generated contract lacks.
const client = apiClient as unknown as Client<PeerPaths>;

// Peers name people: private, so every key starts with 'prive' (dropped at login and logout).
export const peerKeys = {
  cell: (code: string, measure: string) => ['prive', 'collegas', code, measure] as const,
  municipality: (code: string) => ['prive', 'collegas', code] as const,
  mine: ['prive', 'collegiaal-contact'] as const,
};

export function fetchCellPeers(code: string, maatregel: string, signal?: AbortSignal): Promise<CellPeers> {
  return unwrap(
    client.GET('/gemeenten/{code}/voortgang/{maatregel}/collegas', { params: { path: { code, maatregel } }, signal }),
  );
}

export function fetchMunicipalityPeers(code: string, signal?: AbortSignal): Promise<MunicipalityPeers> {
  return unwrap(client.GET('/gemeenten/{code}/collegas', { params: { path: { code } }, signal }));
}

export function fetchMyPeerContact(signal?: AbortSignal): Promise<PeerContactChoice> {
  return unwrap(client.GET('/mijn-account/collegiaal-contact', { signal }));
}

export function setMyPeerContact(akkoord: boolean): Promise<PeerContactChoice> {
  return unwrap(client.PUT('/mijn-account/collegiaal-contact', { body: { akkoord } }));
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
