import type { TrafficLight } from '../progress/types';

// Written by hand until the client is regenerated from the contract (api/progress/preview.py).

interface CodeName {
  code: string;
  naam: string;
}

export interface WhatIf {
  peildatum: string;
  maatregelen: { maatregel: CodeName; ingangsdatumVoor: string; ingangsdatumNa: string }[];
  verkeerslichten: { verkeerslicht: TrafficLight; voor: number; na: number }[];
  cellen: {
    aantal: number;
    resultaten: {
      gemeente: CodeName;
      maatregel: CodeName;
      voor: TrafficLight;
      na: TrafficLight;
      moetStartenOpVoor: string | null;
      moetStartenOpNa: string | null;
    }[];
  };
  hulpNodig: { voor: number; na: number; erbij: number; eraf: number };
  producten: {
    id: number;
    titel: string;
    uitersteLeverdatumVoor: string | null;
    uitersteLeverdatumNa: string | null;
    teLaatVoor: boolean;
    teLaatNa: boolean;
    actualiteitControleren: boolean;
  }[];
  meldingen: { soort: string; moment: 'direct' | 'volgende-herinnering'; aantal: number; ontvangers: number }[];
}

export interface MeasureDateChange {
  ingangsdatum: string | null;
}

export interface WaveDateChange {
  ingangsdatum: string;
}

export interface RoadmapStepWrite {
  code: string;
  titel: string;
  omschrijving: string;
  startDagen: number;
  eindeDagen: number;
  afhankelijkVan: string[];
  raadsbesluit: boolean;
}
