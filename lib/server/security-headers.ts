// Security headers on every response, pure. The Content-Security-Policy carries a fresh nonce per
// request; the server also hands it to Next (as the request's CSP header), which then stamps it on
// the scripts it renders, so no inline script runs without it.

export type SecurityHeaderOptions = {
  nonce: string;
  /** The request arrived over https (directly, or as a trusted proxy says): add HSTS. */
  https: boolean;
  /** Next's development server needs eval and a websocket for hot reload. */
  dev?: boolean;
};

export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and recharts set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(o: SecurityHeaderOptions): Record<string, string> {
  const h: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(o.nonce, o.dev),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    // For browsers that predate frame-ancestors.
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  if (o.https) h["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return h;
}
