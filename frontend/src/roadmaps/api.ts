import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import type { Roadmap } from '../progress/types';
import type { MeasureDateChange, RoadmapStepWrite, WaveDateChange, WhatIf } from './types';

interface Init {
  params?: {
    path?: Record<string, number | string>;
    query?: Record<string, string | number | undefined>;
    header?: Record<string, string>;
  };
  body?: unknown;
}
interface Result {
  data?: unknown;
  error?: unknown;
  response: Response;
}
type Method = (path: string, init?: Init) => Promise<Result>;

// The same client (CSRF token, session refresh), untyped for the preview's paths until the
// client is regenerated from the contract.
const client = apiClient as unknown as { POST: Method; PATCH: Method; PUT: Method };
const call = <T>(result: Promise<Result>) => unwrap(result) as Promise<T>;

/** Changed cells listed in a preview; the answer counts them all. */
const CELLS_SHOWN = 50;

export function previewMeasure(code: string, body: MeasureDateChange): Promise<WhatIf> {
  return call(
    client.POST('/maatregelen/{code}/voorvertoning', { params: { path: { code }, query: { maxCellen: CELLS_SHOWN } }, body }),
  );
}

/** With the wave's version in If-Match, as its change takes it: 412 when someone moved it since. */
export function previewWave(nummer: number, body: WaveDateChange, version?: number): Promise<WhatIf> {
  return call(
    client.POST('/fasen/{nummer}/voorvertoning', {
      params: { path: { nummer }, query: { maxCellen: CELLS_SHOWN }, ...ifMatch(version) },
      body,
    }),
  );
}

export function previewRoadmap(code: string, stappen: RoadmapStepWrite[]): Promise<WhatIf> {
  return call(
    client.POST('/maatregelen/{code}/routekaart/voorvertoning', {
      params: { path: { code }, query: { maxCellen: CELLS_SHOWN } },
      body: { stappen },
    }),
  );
}

export function saveMeasureDate(code: string, body: MeasureDateChange): Promise<unknown> {
  return call(client.PATCH('/maatregelen/{code}', { params: { path: { code } }, body }));
}

const ifMatch = (version?: number) => (version === undefined ? {} : { header: { 'If-Match': `"v${version}"` } });

/** With the wave's version in If-Match: 412 when someone changed the wave since it was read. */
export function saveWaveDate(nummer: number, body: WaveDateChange, version?: number): Promise<unknown> {
  return call(client.PATCH('/fasen/{nummer}', { params: { path: { nummer }, ...ifMatch(version) }, body }));
}

export function saveRoadmap(code: string, stappen: RoadmapStepWrite[]): Promise<Roadmap> {
  return call(client.PUT('/maatregelen/{code}/routekaart', { params: { path: { code } }, body: { stappen } }));
}
