/**
 * Some IAM look-alikes (moto among them) ignore PathPrefix on ListGroups, ListInstanceProfiles
 * and ListServerCertificates and answer with everything. Applying the same prefix test to the
 * answer is a no-op against real IAM and keeps `-p` honest everywhere.
 */
export function underPath<T extends { Path?: string }>(items: T[], pathPrefix: string): T[] {
  return items.filter((item) => item.Path?.startsWith(pathPrefix) ?? true);
}
