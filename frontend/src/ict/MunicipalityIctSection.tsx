/** On a municipality's progress page: its applications and what it waits for from its suppliers. */
export function MunicipalityIctSection({ code }: { code: string }) {
  void code;
  return null;
}
