/**
 * The only addresses the desktop app hands to the system browser (shell.openExternal): parsed
 * `https:` URLs on these hosts, nothing else. Links the UI shows today: a committee session's place
 * when it is a video-conference link (the State's services), the call's site, and the companies
 * directory for a SIRET.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'annuaire-entreprises.data.gouv.fr',
  'conseiller-numerique.gouv.fr',
  'www.conseiller-numerique.gouv.fr',
  'visio.numerique.gouv.fr',
  'webinaire.numerique.gouv.fr',
];

/** True for an `https:` URL on an allowed host, default port, no credentials in it. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.port === '' && parsed.username === '' && parsed.password === '' && EXTERNAL_LINK_HOSTS.includes(parsed.hostname);
}
