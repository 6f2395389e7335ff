import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Security headers for API and console alike. The console loads only its own script and stylesheet
 * and talks only to this origin, so the policy allows nothing else: no inline script or style, no
 * frames, no plugins. Plain-HTTP self-hosting behind a proxy is common, so requests are not
 * upgraded to HTTPS here; the proxy terminating TLS decides that.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        manifestSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
