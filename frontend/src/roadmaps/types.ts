import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** What saving a change would do: moved dates, lights, cells, the help list, products and mail. */
export type WhatIf = Schemas['WhatIf'];
/** A measure's date change, the only field of `MeasureUpdate` this form sends. */
export type MeasureDateChange = Pick<Schemas['MeasureUpdate'], 'ingangsdatum'>;
/** A wave's date change, the only field of `WaveUpdate` this form sends. */
export type WaveDateChange = Pick<Schemas['WaveUpdate'], 'ingangsdatum'>;
export type RoadmapStepWrite = Schemas['RoadmapStepWrite'];
