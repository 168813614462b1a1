import type { components, operations } from '../api/schema';

export type Phase = components['schemas']['Phase'];
export type TrafficLight = components['schemas']['TrafficLight'];
export type Source = components['schemas']['Source'];
/** The kind of a blocker (`knelpuntSoort`), beside its text. */
export type BlockerKind = components['schemas']['BlockerKind'];
export type Cell = components['schemas']['ProgressRead'];
export type CellWrite = components['schemas']['ProgressWrite'];
export type CellHistoryEntry = components['schemas']['CellHistoryEntry'];
export type Roadmap = components['schemas']['Roadmap'];
export type BulkReport = components['schemas']['BulkReport'];
export type Matrix = components['schemas']['Matrix'];
export type MatrixRow = components['schemas']['MatrixRow'];
export type HelpList = components['schemas']['HelpList'];
export type HelpNeeded = components['schemas']['HelpNeeded'];
export type Comparison = components['schemas']['Comparison'];
/** The forecast of one cell: the chance it is not implemented by its legal date, and why. */
export type CellForecastData = components['schemas']['CellForecastRead'];
export type GroupFigures = components['schemas']['GroupFigures'];
export type Region = components['schemas']['RegionRead'];
export type Theme = components['schemas']['ThemeRead'];

export type MatrixFilters = NonNullable<operations['voortgangMatrixOpvragen']['parameters']['query']>;
export type HelpFilters = NonNullable<operations['hulpNodigOpvragen']['parameters']['query']>;
