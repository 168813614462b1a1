import type { components } from '../api/schema';

/** A municipality's own progress month by month, with today as the last point. */
export type MunicipalitySeries = components['schemas']['MunicipalityTrend'];
/** One month end (or today, the last point) of a municipality's own progress. */
export type SeriesPoint = components['schemas']['MunicipalityTrendPoint'];
