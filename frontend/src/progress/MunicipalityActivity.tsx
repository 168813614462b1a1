/** On a municipality's progress page: its contact persons, and its events, questions and signals. */
export function MunicipalityActivity({ code }: { code: string }) {
  void code;
  return null;
}
