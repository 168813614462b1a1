import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { fileUpload } from '../api/multipart';
import type {
  BulkReport,
  Cell,
  CellHistoryEntry,
  CellWrite,
  Comparison,
  Matrix,
  MatrixFilters,
  Region,
  Roadmap,
  Theme,
} from './types';

// A municipality's progress is private (notes, blockers): every key starts with 'prive'.
export const progressKeys = {
  all: ['prive', 'voortgang'] as const,
  municipality: (code: string) => ['prive', 'voortgang', 'gemeente', code] as const,
  cell: (code: string, measure: string) => ['prive', 'voortgang', 'gemeente', code, measure] as const,
  history: (code: string, measure: string) => ['prive', 'voortgang', 'gemeente', code, measure, 'geschiedenis'] as const,
  matrix: (filters: MatrixFilters) => ['prive', 'voortgang', 'matrix', filters] as const,
};

/** The ETag of a cell is its version (`"v3"`); a change sends it back in If-Match. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

export async function fetchMunicipalityProgress(code: string, signal?: AbortSignal): Promise<Cell[]> {
  const list = await unwrap(apiClient.GET('/gemeenten/{code}/voortgang', { params: { path: { code } }, signal }));
  return list.resultaten;
}

export function fetchCell(code: string, maatregel: string, signal?: AbortSignal): Promise<Cell> {
  return unwrap(apiClient.GET('/gemeenten/{code}/voortgang/{maatregel}', { params: { path: { code, maatregel } }, signal }));
}

/** Replaces the cell if it is still at `version`; a 412 ApiError when someone changed it since. */
export function saveCell(code: string, maatregel: string, version: number, body: CellWrite): Promise<Cell> {
  return unwrap(
    apiClient.PUT('/gemeenten/{code}/voortgang/{maatregel}', {
      params: { path: { code, maatregel }, header: { 'If-Match': etagOf(version) } },
      body,
    }),
  );
}

export async function fetchCellHistory(code: string, maatregel: string, signal?: AbortSignal): Promise<CellHistoryEntry[]> {
  const list = await unwrap(
    apiClient.GET('/gemeenten/{code}/voortgang/{maatregel}/geschiedenis', { params: { path: { code, maatregel } }, signal }),
  );
  return list.resultaten;
}

export function fetchRoadmap(code: string, signal?: AbortSignal): Promise<Roadmap> {
  return unwrap(apiClient.GET('/maatregelen/{code}/routekaart', { params: { path: { code } }, signal }));
}

/** Sends a CSV or XLSX file; with `checkOnly` the server only checks it and stores nothing. */
export function uploadProgressFile(file: File, checkOnly: boolean): Promise<BulkReport> {
  return unwrap(
    apiClient.POST('/voortgang/bestanden', {
      params: { query: { controleren: checkOnly } },
      ...fileUpload(file),
    }),
  );
}

/** The download address of the export (a plain link: the session cookie goes along). */
export function exportHref(format: 'csv' | 'xlsx'): string {
  return `/api/v1/voortgang/export?formaat=${format}`;
}

export function fetchMatrix(query: MatrixFilters, signal?: AbortSignal): Promise<Matrix> {
  return unwrap(apiClient.GET('/voortgang/matrix', { params: { query }, signal }));
}

/** The municipality beside its peers, province, region and country; with `fase`, over that wave's measures only. */
export function fetchComparison(code: string, fase?: number, signal?: AbortSignal): Promise<Comparison> {
  const query = fase === undefined ? undefined : { fase };
  // Without `formaat=csv` the answer is JSON; the contract also lists the CSV form.
  return unwrap(
    apiClient.GET('/gemeenten/{code}/vergelijking', { params: { path: { code }, query }, signal }),
  ) as Promise<Comparison>;
}

export function useMunicipalityProgress(code: string) {
  return useQuery({
    queryKey: progressKeys.municipality(code),
    queryFn: ({ signal }) => fetchMunicipalityProgress(code, signal),
    staleTime: 0,
  });
}

export function useCell(code: string, measure: string) {
  return useQuery({
    queryKey: progressKeys.cell(code, measure),
    queryFn: ({ signal }) => fetchCell(code, measure, signal),
    staleTime: 0,
  });
}

export function useCellHistory(code: string, measure: string) {
  return useQuery({
    queryKey: progressKeys.history(code, measure),
    queryFn: ({ signal }) => fetchCellHistory(code, measure, signal),
    staleTime: 0,
  });
}

export function useRoadmap(measure: string) {
  return useQuery({ queryKey: ['routekaart', measure], queryFn: ({ signal }) => fetchRoadmap(measure, signal) });
}

export function useMatrix(filters: MatrixFilters) {
  return useQuery({
    queryKey: progressKeys.matrix(filters),
    queryFn: ({ signal }) => fetchMatrix(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 30 * 1000,
  });
}

function comparisonQuery(code: string, fase?: number) {
  return {
    queryKey: fase === undefined ? ['vergelijking', code] : ['vergelijking', code, { fase }],
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchComparison(code, fase, signal),
  };
}

export function useComparison(code: string) {
  return useQuery(comparisonQuery(code));
}

/** The same comparison once per wave (one request each), each cached on its own. */
export function useWaveComparisons(code: string, waves: number[]) {
  return useQueries({ queries: waves.map((wave) => comparisonQuery(code, wave)) });
}

async function fetchRegions(path: '/provincies' | '/arbeidsmarktregios', signal?: AbortSignal): Promise<Region[]> {
  const list = await unwrap(apiClient.GET(path, { signal }));
  return list.resultaten;
}

export function useProvinces() {
  return useQuery({ queryKey: ['provincies'], queryFn: ({ signal }) => fetchRegions('/provincies', signal) });
}

export function useLabourMarketRegions() {
  return useQuery({ queryKey: ['arbeidsmarktregios'], queryFn: ({ signal }) => fetchRegions('/arbeidsmarktregios', signal) });
}

export function useThemes() {
  return useQuery({
    queryKey: ['themas'],
    queryFn: async ({ signal }): Promise<Theme[]> => (await unwrap(apiClient.GET('/themas', { signal }))).resultaten,
  });
}
