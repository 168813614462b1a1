/** On a cell's page: the forecast chance that the measure will not be implemented by its legal date, and why. */
export function CellForecast(props: { code: string; measure: string }) {
  void props;
  return null;
}
