import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { fileUpload } from '../api/multipart';
import { lightCauses } from './labels';
import type {
  Application,
  ApplicationChange,
  ApplicationCreate,
  ApplicationPage,
  Domain,
  ImportReport,
  MeasureWaiters,
  MunicipalApplications,
  MunicipalIct,
  PublicFigures,
  Readiness,
  ReadinessHistory,
  ReadinessList,
  ReadinessReport,
  SoftwareMeasure,
  Supplier,
  SupplierListItem,
  SupplierOverview,
  UsageHistory,
} from './types';

// Readiness, who waits on whom and a municipality's software are the team's and the
// municipality's: every key of a signed-in view starts with 'prive' (dropped at login and
// logout). The public figures are the same for everyone.
export const ictKeys = {
  all: ['prive', 'ict'] as const,
  suppliers: ['prive', 'ict', 'leveranciers'] as const,
  overview: (code: string) => ['prive', 'ict', 'leveranciers', code, 'overzicht'] as const,
  applications: (supplier?: string) => ['prive', 'ict', 'applicaties', supplier ?? 'alle'] as const,
  application: (id: number) => ['prive', 'ict', 'applicatie', id] as const,
  readiness: (id: number) => ['prive', 'ict', 'applicatie', id, 'gereedheid'] as const,
  history: (id: number, measure: string) => ['prive', 'ict', 'applicatie', id, 'historie', measure] as const,
  measures: ['prive', 'ict', 'maatregelen'] as const,
  waiters: (measure: string) => ['prive', 'ict', 'maatregelen', measure, 'wachtenden'] as const,
  municipality: (code: string) => ['prive', 'ict', 'gemeente', code] as const,
  usageHistory: (code: string, filters: UsageHistoryFilters) => ['prive', 'ict', 'gemeente', code, 'historie', filters] as const,
  publicFigures: ['ict', 'cijfers'] as const,
};

/** The ETag of a version (`"v3"`); a change sends it back in If-Match. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

export async function fetchSuppliers(signal?: AbortSignal): Promise<SupplierListItem[]> {
  return (await unwrap(apiClient.GET('/ict/leveranciers', { signal }))).resultaten;
}

/** A supplier as stored now, with the ETag to send back: the list carries no versions. */
export async function fetchSupplierWithTag(code: string): Promise<{ supplier: Supplier; etag: string }> {
  const result = await apiClient.GET('/ict/leveranciers/{code}', { params: { path: { code } } });
  return { supplier: await unwrap(Promise.resolve(result)), etag: result.response.headers.get('ETag') ?? etagOf(0) };
}

/** Records the supplier's consent to public figures under its own name: 412 when stale. */
export function setFiguresPublic(code: string, etag: string, cijfersOpenbaar: boolean): Promise<Supplier> {
  return unwrap(
    apiClient.PATCH('/ict/leveranciers/{code}', {
      params: { path: { code }, header: { 'If-Match': etag } },
      body: { cijfersOpenbaar },
    }),
  );
}

export function fetchSupplierOverview(code: string, signal?: AbortSignal): Promise<SupplierOverview> {
  return unwrap(apiClient.GET('/ict/leveranciers/{code}/overzicht', { params: { path: { code } }, signal }));
}

/** One page of at most 100 applications: a catalogue holds a few dozen packages at most. */
export function fetchApplications(supplier: string | undefined, signal?: AbortSignal): Promise<ApplicationPage> {
  const query = { paginaGrootte: 100, ...(supplier ? { leverancier: supplier } : {}) };
  return unwrap(apiClient.GET('/ict/applicaties', { params: { query }, signal }));
}


/** An application as stored now, with the ETag a change sends back in If-Match. */
export async function fetchApplicationWithTag(id: number, signal?: AbortSignal): Promise<{ application: Application; etag: string }> {
  const result = await apiClient.GET('/ict/applicaties/{id}', { params: { path: { id } }, signal });
  return { application: await unwrap(Promise.resolve(result)), etag: result.response.headers.get('ETag') ?? etagOf(0) };
}

/** A new application of a supplier: 400 at its fields, 409 when the supplier has one by that name. */
export function createApplication(body: ApplicationCreate): Promise<Application> {
  return unwrap(apiClient.POST('/ict/applicaties', { body }));
}

/** A new name or domains, if the application is still as `etag` says: 409 on a taken name, 412 when stale. */
export function changeApplication(id: number, etag: string, body: ApplicationChange): Promise<Application> {
  return unwrap(apiClient.PATCH('/ict/applicaties/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }));
}

export function fetchReadiness(id: number, signal?: AbortSignal): Promise<ReadinessList> {
  return unwrap(apiClient.GET('/ict/applicaties/{id}/gereedheid', { params: { path: { id } }, signal }));
}

/** Reports the readiness if it is still at `version` (0: nothing reported yet): 400, 412 when stale. */
export function reportReadiness(id: number, maatregel: string, version: number, body: ReadinessReport): Promise<Readiness> {
  return unwrap(
    apiClient.PUT('/ict/applicaties/{id}/gereedheid/{maatregel}', {
      params: { path: { id, maatregel }, header: { 'If-Match': etagOf(version) } },
      body,
    }),
  );
}

export function fetchReadinessHistory(id: number, maatregel: string, signal?: AbortSignal): Promise<ReadinessHistory> {
  return unwrap(apiClient.GET('/ict/applicaties/{id}/gereedheid/{maatregel}/historie', { params: { path: { id, maatregel } }, signal }));
}

export async function fetchSoftwareMeasures(signal?: AbortSignal): Promise<SoftwareMeasure[]> {
  return (await unwrap(apiClient.GET('/ict/maatregelen', { signal }))).resultaten;
}

/** Whether a measure needs software, if it is still at `version`: 412 when stale. */
export function setSoftwareNeeded(maatregel: string, version: number, softwareNodig: boolean): Promise<SoftwareMeasure> {
  return unwrap(
    apiClient.PUT('/ict/maatregelen/{maatregel}', {
      params: { path: { maatregel }, header: { 'If-Match': etagOf(version) } },
      body: { softwareNodig },
    }),
  );
}

export function fetchMeasureWaiters(maatregel: string, signal?: AbortSignal): Promise<MeasureWaiters> {
  return unwrap(apiClient.GET('/ict/maatregelen/{maatregel}/wachtenden', { params: { path: { maatregel } }, signal }));
}

/** The catalogue import: all rows or none; 400 with rijFouten names each wrong row. */
export function importCatalogue(file: File, checkOnly: boolean): Promise<ImportReport> {
  return unwrap(
    apiClient.POST('/ict/applicaties/import', {
      params: { query: { controleren: checkOnly } },
      ...fileUpload(file),
    }),
  );
}

export function fetchMunicipalIct(code: string, signal?: AbortSignal): Promise<MunicipalIct> {
  return unwrap(apiClient.GET('/gemeenten/{code}/ict', { params: { path: { code } }, signal }));
}

/** The application for one domain (null: none), if the domain is still at `version`: 412 when stale. */
export function chooseApplication(code: string, domein: Domain, version: number, applicatie: number | null): Promise<MunicipalApplications> {
  return unwrap(
    apiClient.PUT('/gemeenten/{code}/applicaties/{domein}', {
      params: { path: { code, domein }, header: { 'If-Match': etagOf(version) } },
      body: { applicatie },
    }),
  );
}

/** A page of a municipality's usage history, newest first. */
export interface UsageHistoryFilters {
  pagina: number;
  paginaGrootte: number;
}

export function fetchUsageHistory(code: string, filters: UsageHistoryFilters, signal?: AbortSignal): Promise<UsageHistory> {
  return unwrap(apiClient.GET('/gemeenten/{code}/applicaties/historie', { params: { path: { code }, query: filters }, signal }));
}

export function fetchPublicFigures(signal?: AbortSignal): Promise<PublicFigures> {
  return unwrap(apiClient.GET('/ict/cijfers', { signal }));
}

export function useSuppliers() {
  return useQuery({ queryKey: ictKeys.suppliers, queryFn: ({ signal }) => fetchSuppliers(signal), staleTime: 0 });
}

export function useSupplierOverview(code: string) {
  return useQuery({ queryKey: ictKeys.overview(code), queryFn: ({ signal }) => fetchSupplierOverview(code, signal), staleTime: 0 });
}

export function applicationsQuery(supplier?: string) {
  return queryOptions({
    queryKey: ictKeys.applications(supplier),
    queryFn: ({ signal }) => fetchApplications(supplier, signal),
    staleTime: 30 * 1000,
  });
}

/** One application with its ETag (kept for the change form's If-Match). */
export function useApplication(id: number, enabled = true) {
  return useQuery({ queryKey: ictKeys.application(id), queryFn: ({ signal }) => fetchApplicationWithTag(id, signal), enabled, staleTime: 0 });
}

export function useReadiness(id: number, enabled = true) {
  return useQuery({ queryKey: ictKeys.readiness(id), queryFn: ({ signal }) => fetchReadiness(id, signal), enabled, staleTime: 0 });
}

export function useReadinessHistory(id: number, measure: string, enabled: boolean) {
  return useQuery({
    queryKey: ictKeys.history(id, measure),
    queryFn: ({ signal }) => fetchReadinessHistory(id, measure, signal),
    enabled,
    staleTime: 0,
  });
}

export function useSoftwareMeasures() {
  return useQuery({ queryKey: ictKeys.measures, queryFn: ({ signal }) => fetchSoftwareMeasures(signal), staleTime: 0 });
}

export function useMeasureWaiters(measure: string) {
  return useQuery({ queryKey: ictKeys.waiters(measure), queryFn: ({ signal }) => fetchMeasureWaiters(measure, signal), staleTime: 0 });
}

export function useMunicipalIct(code: string) {
  return useQuery({ queryKey: ictKeys.municipality(code), queryFn: ({ signal }) => fetchMunicipalIct(code, signal), staleTime: 30 * 1000 });
}

/** Per measure the ICT cause of a municipality's traffic light ("te laat door ICT"), for its status table. */
export function useIctLightCauses(code: string): Record<string, string> {
  const ict = useMunicipalIct(code);
  return useMemo(() => lightCauses(ict.data), [ict.data]);
}

export function usageHistoryQuery(code: string, filters: UsageHistoryFilters) {
  return queryOptions({
    queryKey: ictKeys.usageHistory(code, filters),
    queryFn: ({ signal }) => fetchUsageHistory(code, filters, signal),
    staleTime: 0,
  });
}

export function usePublicFigures() {
  return useQuery({ queryKey: ictKeys.publicFigures, queryFn: ({ signal }) => fetchPublicFigures(signal), staleTime: 60 * 1000 });
}
