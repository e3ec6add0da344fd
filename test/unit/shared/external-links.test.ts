import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINK_HOSTS, isAllowedExternalUrl } from '../../../shared/external-links';

describe('external links allowlist', () => {
  it('allows https addresses on the listed hosts, with path, query and fragment', () => {
    expect(isAllowedExternalUrl('https://annuaire-entreprises.data.gouv.fr/entreprise/13002603200016?x=1#a')).toBe(true);
    for (const host of EXTERNAL_LINK_HOSTS) expect(isAllowedExternalUrl(`https://${host}/`), host).toBe(true);
    expect(isAllowedExternalUrl('HTTPS://ANNUAIRE-ENTREPRISES.DATA.GOUV.FR/')).toBe(true);
  });

  it('refuses other schemes, hosts, look-alikes, ports, credentials and non-URLs', () => {
    for (const url of [
      'http://annuaire-entreprises.data.gouv.fr/',
      'https://evil.example/',
      'https://annuaire-entreprises.data.gouv.fr.evil.example/',
      'https://evil.example/?https://annuaire-entreprises.data.gouv.fr/',
      'https://sub.annuaire-entreprises.data.gouv.fr/',
      'https://annuaire-entreprises.data.gouv.fr:8443/',
      'https://user:pass@annuaire-entreprises.data.gouv.fr/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://cnfs/index.html',
      'annuaire-entreprises.data.gouv.fr',
      '',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
