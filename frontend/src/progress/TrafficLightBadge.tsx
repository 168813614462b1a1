import { isTrafficLight, LIGHT_LABELS, LIGHT_SYMBOLS } from './labels';

/** A traffic light as a shape and a word, coloured too: never colour alone. */
export function TrafficLightBadge({ light }: { light: string }) {
  if (!isTrafficLight(light)) return <>{light}</>;
  return (
    <span className={`spoorboek-light spoorboek-light--${light}`}>
      <span className="spoorboek-light__symbol" aria-hidden="true">
        {LIGHT_SYMBOLS[light]}
      </span>{' '}
      {LIGHT_LABELS[light]}
    </span>
  );
}
