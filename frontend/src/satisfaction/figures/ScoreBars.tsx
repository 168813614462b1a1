import '../../shared/charts.css';
import './figures.css';

export interface Bar {
  code: string;
  label: string;
  /** The bar's length, 0 to 1; null draws none (a withheld group). */
  share: number | null;
  /** What the bar shows, in words: the value, or "te weinig antwoorden". */
  text: string;
}

/**
 * One horizontal bar per group, as the dashboard draws its bars: plain HTML and CSS. The value
 * stands next to each bar, so the bar itself is decoration for screen readers.
 */
export function ScoreBars({ bars, label }: { bars: Bar[]; label: string }) {
  return (
    <ul className="spoorboek-bars" aria-label={label}>
      {bars.map((bar) => (
        <li key={bar.code} className="spoorboek-bars__row">
          <span className="spoorboek-bars__label">{bar.label}</span>
          <span className="spoorboek-bars__bar" aria-hidden="true">
            {bar.share !== null && (
              <span className="spoorboek-bars__segment spoorboek-score-bar" style={{ inlineSize: `${Math.max(0, Math.min(1, bar.share)) * 100}%` }} />
            )}
          </span>
          <span className={bar.share === null ? 'spoorboek-bars__value spoorboek-score-withheld' : 'spoorboek-bars__value'}>{bar.text}</span>
        </li>
      ))}
    </ul>
  );
}
