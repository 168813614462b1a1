/** On a municipality's progress page: for the measures where it is behind, similar municipalities that implemented them. */
export function MunicipalityPeers(props: { code: string }) {
  void props;
  return null;
}
