import type { components, operations } from '../api/schema';

export type MapValues = components['schemas']['MapValues'];
export type MapValue = components['schemas']['MapValue'];
/** The level the map is drawn at: each municipality, or the provinces or labour-market regions. */
export type Level = MapValues['niveau'];
export type MapQuery = NonNullable<operations['kaartWaardenOpvragen']['parameters']['query']>;
export type Indicator = NonNullable<MapQuery['indicator']>;

/** A municipality's boundary as /kaart/gemeenten sends it (GeoJSON, WGS84, RFC 7946 winding). */
export interface MunicipalityFeature {
  type: 'Feature';
  properties: {
    code: string;
    name: string;
    waarde: number | null;
    /** The province (PV26) and labour-market region (AM20) the municipality belongs to. */
    provincie: string | null;
    arbeidsmarktregio: string | null;
  };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface MunicipalityBoundaries {
  type: 'FeatureCollection';
  /** The attribution of the boundaries (CBS / PDOK, CC BY 4.0). */
  bron: string;
  features: MunicipalityFeature[];
}
