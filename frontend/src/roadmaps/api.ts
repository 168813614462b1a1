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

export function previewWave(nummer: number, body: WaveDateChange): Promise<WhatIf> {
  return call(
    client.POST('/fasen/{nummer}/voorvertoning', { params: { path: { nummer }, query: { maxCellen: CELLS_SHOWN } }, body }),
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

/** With the wave's version, where the API gives one, in If-Match. */
export function saveWaveDate(nummer: number, body: WaveDateChange, version?: number): Promise<unknown> {
  const header = version === undefined ? undefined : { 'If-Match': `"v${version}"` };
  return call(client.PATCH('/fasen/{nummer}', { params: { path: { nummer }, ...(header && { header }) }, body }));
}

export function saveRoadmap(code: string, stappen: RoadmapStepWrite[]): Promise<Roadmap> {
  return call(client.PUT('/maatregelen/{code}/routekaart', { params: { path: { code } }, body: { stappen } }));
}
