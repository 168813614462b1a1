import { geoMercator, geoPath } from 'd3-geo';

import type { MunicipalityFeature } from './types';

export interface MunicipalityShape {
  code: string;
  name: string;
  /** SVG path data in the map's coordinates. */
  d: string;
  /** A province's or region's outer boundary (SVG path data), without the borders inside it. */
  outline?: string;
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

function polygonsOf(feature: MunicipalityFeature): number[][][][] {
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

/**
 * The edges of these polygons that no two of them share: the outer boundary of their union. The
 * municipal boundaries are simplified together, so neighbours share their border point for point
 * and an inner border cancels out; the fill needs no union at all (the members, drawn as one
 * path, already cover it). This is the dissolve the province and region maps need, without a
 * geometry library and without a download of their own.
 */
export function outerEdges(polygons: number[][][][]): number[][][] {
  const key = (a: number[], b: number[]) => {
    const [p, q] = [a.join(','), b.join(',')];
    return p < q ? `${p};${q}` : `${q};${p}`;
  };
  const edges = new Map<string, { edge: number[][]; count: number }>();
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let index = 1; index < ring.length; index += 1) {
        const [a, b] = [ring[index - 1], ring[index]];
        if (!a || !b) continue;
        const id = key(a, b);
        const known = edges.get(id);
        if (known) known.count += 1;
        else edges.set(id, { edge: [a, b], count: 1 });
      }
    }
  }
  return [...edges.values()].filter((entry) => entry.count === 1).map((entry) => entry.edge);
}

/** A province or region on the map: its code, name and the municipalities it is made of. */
export interface Area {
  code: string;
  name: string;
  members: MunicipalityFeature[];
}

/** The municipalities grouped by province or region (by the codes each feature carries). */
export function areasOf(
  features: MunicipalityFeature[],
  level: 'provincie' | 'arbeidsmarktregio',
  names: Map<string, string>,
): Area[] {
  const byCode = new Map<string, MunicipalityFeature[]>();
  for (const feature of features) {
    const code = feature.properties[level];
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), feature]);
  }
  return [...byCode].map(([code, members]) => ({ code, name: names.get(code) ?? code, members }));
}

/**
 * Projects the municipalities (Mercator, which at the Netherlands' latitude keeps shapes true
 * enough) to fit `width`; the height follows from the area shown. With `areas`, one shape per
 * province or region instead, each with its outline. Done once per data set and area, not per
 * render.
 */
export function projectMunicipalities(features: MunicipalityFeature[], width: number, areas?: Area[]): ProjectedMap {
  const wound = features.map(rewind);
  const collection = { type: 'FeatureCollection' as const, features: wound };
  const projection = geoMercator().fitWidth(width, collection);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(collection);
  const height = Math.ceil(bottom - top);
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);
  if (areas) {
    return {
      width,
      height,
      shapes: areas.map((area) => {
        const merged = {
          type: 'Feature' as const,
          properties: {},
          geometry: { type: 'MultiPolygon' as const, coordinates: area.members.map(rewind).flatMap(polygonsOf) },
        };
        const edges = outerEdges(area.members.flatMap(polygonsOf));
        return {
          code: area.code,
          name: area.name,
          d: path(merged) ?? '',
          outline: path({ type: 'MultiLineString', coordinates: edges }) ?? '',
          centre: path.centroid(merged),
        };
      }),
    };
  }
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
