/**
 * The operations spec's security headers on every API response (nginx `add_header …
 * always` there), in the form OWASP's REST Security Cheat Sheet gives for an API: the
 * strictest Content-Security-Policy (`default-src 'none'`; a JSON answer loads nothing)
 * and no framing at all. The spec's document-oriented values (SAMEORIGIN, script and style
 * sources) belong to the app's pages and are set by Pages (frontend/public/_headers).
 * `X-XSS-Protection: 0` because the old auditor it switched on is gone from browsers and
 * could be abused where it remained. Routes that serve HTML set their own CSP first; this
 * middleware does not overwrite it.
 */
import { secureHeaders } from 'hono/secure-headers';

export const API_CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

export function securityHeaders() {
  return secureHeaders({
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    xXssProtection: '0',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: 'max-age=63072000; includeSubDomains; preload',
    contentSecurityPolicy: API_CONTENT_SECURITY_POLICY,
    // Keeps other sites from loading API responses as no-cors subresources.
    crossOriginResourcePolicy: 'same-site',
    // Document-only headers: meaningless on JSON, and every byte is paid on every response.
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    overwrite: false,
  });
}
