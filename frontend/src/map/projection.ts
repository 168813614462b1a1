import { geoMercator, geoPath } from 'd3-geo';

import type { MunicipalityFeature } from './types';

export interface MunicipalityShape {
  code: string;
  name: string;
  /** SVG path data in the map's coordinates. */
  d: string;
  /** The centre of the shape, for moving between neighbours with the arrow keys. */
  centre: [number, number];
}

export interface ProjectedMap {
  width: number;
  height: number;
  shapes: MunicipalityShape[];
}

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo works on the sphere and takes
 * such a ring for "everything except this area". Reversing the rings gives d3 what it expects.
 */
function rewind(feature: MunicipalityFeature): MunicipalityFeature {
  const geometry =
    feature.geometry.type === 'Polygon'
      ? { type: 'Polygon' as const, coordinates: feature.geometry.coordinates.map((ring) => [...ring].reverse()) }
      : {
          type: 'MultiPolygon' as const,
          coordinates: feature.geometry.coordinates.map((polygon) => polygon.map((ring) => [...ring].reverse())),
        };
  return { ...feature, geometry };
}

/**
 * Projects the municipalities (Mercator, which at the Netherlands' latitude keeps shapes true
 * enough) to fit `width`; the height follows from the area shown. Done once per data set and
 * area, not per render.
 */
export function projectMunicipalities(features: MunicipalityFeature[], width: number): ProjectedMap {
  const wound = features.map(rewind);
  const collection = { type: 'FeatureCollection' as const, features: wound };
  const projection = geoMercator().fitWidth(width, collection);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(collection);
  const height = Math.ceil(bottom - top);
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);
  return {
    width,
    height,
    shapes: wound.map((feature) => ({
      code: feature.properties.code,
      name: feature.properties.name,
      d: path(feature) ?? '',
      centre: path.centroid(feature),
    })),
  };
}

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

/**
 * The neighbour to move to with an arrow key: the nearest shape whose centre lies in that
 * direction, where straying sideways counts double. Null at the edge of the map.
 */
export function neighbour(shapes: MunicipalityShape[], from: MunicipalityShape, key: string): MunicipalityShape | null {
  const direction = DIRECTIONS[key];
  if (!direction) return null;
  let best: MunicipalityShape | null = null;
  let bestScore = Infinity;
  for (const shape of shapes) {
    if (shape === from) continue;
    const dx = shape.centre[0] - from.centre[0];
    const dy = shape.centre[1] - from.centre[1];
    const along = dx * direction[0] + dy * direction[1];
    // Half a pixel, so a shape straight above is not "to the left" by a rounding error.
    if (along < 0.5) continue;
    const across = Math.abs(dx * direction[1] - dy * direction[0]);
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = shape;
    }
  }
  return best;
}
