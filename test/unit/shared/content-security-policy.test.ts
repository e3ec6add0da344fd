import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY, injectCspMeta } from '../../../shared/content-security-policy';

describe('Content-Security-Policy', () => {
  it('allows only the app’s own scripts, no plugins, no base rewriting, no framing', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("base-uri 'none'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
  });

  it('the meta policy is the header policy without what browsers ignore in a meta', () => {
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('the build writes it into renderer/index.html', () => {
    const html = injectCspMeta(fs.readFileSync('renderer/index.html', 'utf8'));
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(html).not.toContain(CSP_PLACEHOLDER);
  });

  it('refuses a page that lost its placeholder rather than build it without a policy', () => {
    expect(() => injectCspMeta('<!doctype html><head></head>')).toThrow(CSP_PLACEHOLDER);
  });
});
