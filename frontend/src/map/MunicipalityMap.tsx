import { Paragraph } from '@utrecht/component-library-react';
import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { publicMunicipalityPath } from '../municipalities/paths';
import { regionPath } from '../regions/paths';
import { classOf, indicatorLabel, valueText } from './classes';
import { neighbour, projectMunicipalities, type Area } from './projection';
import type { Indicator, Level, MunicipalityFeature } from './types';

const MAP_WIDTH = 600;

/** What the map is of, and what one of its areas is called, per level. */
const WORDS: Record<Level, { map: string; one: string }> = {
  gemeente: { map: 'de gemeenten', one: 'een gemeente' },
  provincie: { map: 'de provincies', one: 'een provincie' },
  arbeidsmarktregio: { map: "de arbeidsmarktregio's", one: 'een arbeidsmarktregio' },
};

interface MunicipalityMapProps {
  features: MunicipalityFeature[];
  indicator: Indicator;
  values: Map<string, number | null>;
  /** Municipalities (the default), or provinces or regions: then `areas` says which municipalities make each. */
  level?: Level;
  areas?: Area[];
}

/** Where an area of the map links to: a municipality's or region's public page. */
export function areaPath(level: Level, code: string): string {
  return level === 'gemeente' ? publicMunicipalityPath(code) : regionPath(level, code);
}

/**
 * The municipalities (or provinces or regions) as SVG, coloured by class. One tab stop (a
 * roving focus): Tab enters the map, the arrow keys move to the neighbour in that direction,
 * Enter opens its page. Hovering or focusing one shows its name and value in the panel above
 * the map.
 */
export function MunicipalityMap({ features, indicator, values, level = 'gemeente', areas }: MunicipalityMapProps) {
  const navigate = useNavigate();
  // Projecting is the only heavy step: once per set of shapes, never on hover.
  const map = useMemo(() => projectMunicipalities(features, MAP_WIDTH, level === 'gemeente' ? undefined : areas), [features, level, areas]);
  const byName = useMemo(() => [...map.shapes].sort((a, b) => a.name.localeCompare(b.name, 'nl')), [map]);
  const [active, setActive] = useState<string | undefined>(undefined);
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  // React types <a> as HTML; inside the SVG it is an SVG link, which can be focused all the same.
  const links = useRef(new Map<string, { focus: () => void }>());

  const activeCode = active && map.shapes.some((shape) => shape.code === active) ? active : byName[0]?.code;
  const shown = map.shapes.find((shape) => shape.code === (hovered ?? (focused ? activeCode : null)));
  const highlighted = map.shapes.find((shape) => shape.code === (focused ? activeCode : hovered));

  const open = (code: string) => void navigate(areaPath(level, code));

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const current = map.shapes.find((shape) => shape.code === activeCode);
    if (!current) return;
    let next = null;
    if (event.key === 'Home') next = byName[0];
    else if (event.key === 'End') next = byName[byName.length - 1];
    else next = neighbour(map.shapes, current, event.key);
    if (event.key.startsWith('Arrow') || event.key === 'Home' || event.key === 'End') event.preventDefault();
    if (next) {
      setActive(next.code);
      links.current.get(next.code)?.focus();
    }
  };

  const onClick = (event: MouseEvent<HTMLAnchorElement>, code: string) => {
    event.preventDefault();
    open(code);
  };

  return (
    <div className="spoorboek-map">
      <Paragraph className="spoorboek-map__panel" aria-hidden="true">
        {shown ? (
          <>
            <strong>{shown.name}</strong>:{' '}
            <span className="spoorboek-map__value">{valueText(indicator, values.get(shown.code) ?? null, level)}</span>
          </>
        ) : (
          `Wijs ${WORDS[level].one} aan, of ga met Tab naar de kaart en kies met de pijltjestoetsen.`
        )}
      </Paragraph>
      <svg
        className="spoorboek-map__svg"
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="group"
        aria-label={`Kaart van ${WORDS[level].map}: ${indicatorLabel(indicator, level).toLowerCase()}. Pijltjestoetsen gaan naar ${
          level === 'gemeente' ? 'een buurgemeente' : 'een buur'
        }, Enter opent de pagina.`}
        onKeyDown={onKeyDown}
        onMouseLeave={() => setHovered(null)}
      >
        <defs>
          <pattern id="kaart-geen-waarde" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="spoorboek-map__no-value" />
            <line x1="0" y1="0" x2="0" y2="6" className="spoorboek-map__hatch" />
          </pattern>
        </defs>
        {map.shapes.map((shape) => {
          const value = values.get(shape.code) ?? null;
          const valueClass = classOf(indicator, value, level);
          return (
            <a
              key={shape.code}
              href={areaPath(level, shape.code)}
              ref={(element) => {
                if (element) links.current.set(shape.code, element);
                else links.current.delete(shape.code);
              }}
              tabIndex={shape.code === activeCode ? 0 : -1}
              aria-label={`${shape.name}: ${valueText(indicator, value, level)}`}
              className="spoorboek-map__area"
              onClick={(event) => onClick(event, shape.code)}
              onMouseEnter={() => setHovered(shape.code)}
              onFocus={() => {
                setActive(shape.code);
                setFocused(true);
              }}
              onBlur={() => setFocused(false)}
            >
              <path
                d={shape.d}
                className={`${valueClass < 0 ? 'spoorboek-map__shape--none' : `spoorboek-map__shape--${valueClass}`}${
                  shape.outline === undefined ? '' : ' spoorboek-map__fill'
                }`}
              />
              {shape.outline !== undefined && <path d={shape.outline} className="spoorboek-map__outline" />}
            </a>
          );
        })}
        {highlighted && <path d={highlighted.outline ?? highlighted.d} className="spoorboek-map__highlight" aria-hidden="true" />}
      </svg>
    </div>
  );
}
