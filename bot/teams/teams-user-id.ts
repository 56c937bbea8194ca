/**
 * The id em-agent keys a Teams person by: their Entra (AAD) object id, else their Bot Framework id, lower-cased.
 * Object ids are GUIDs, case-insensitive, and reach us in either case (Teams sends lower case; an admin's
 * policy file or a Graph export may not), so every stored handle and every lookup uses this one form.
 */
export function teamsUserIdOf(account: { aadObjectId?: string; id: string }): string {
  return (account.aadObjectId ?? account.id).toLowerCase();
}
