import { Router, type Response } from 'express';
import { consoleAssets } from './console-bundle.js';

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0f5c8c"/>' +
  '<path d="M7 20h14l4-6h-6l-2-5H9z" fill="#fff"/></svg>';

/**
 * The support console: one HTML page, one script, one stylesheet, all same-origin so the content
 * security policy can forbid everything else. The page holds no data; it reads the API with the
 * key the person signs in with.
 */
export function consoleRoutes(): Router {
  const router = Router();
  const send = (res: Response, type: string, body: string) => {
    // The console changes with the server, never under it: revalidate (ETag) instead of caching blindly.
    res.type(type).set('Cache-Control', 'no-cache').send(body);
  };
  router.get('/', async (_req, res) => {
    send(res, 'html', (await consoleAssets()).html);
  });
  router.get('/console/app.js', async (_req, res) => {
    send(res, 'js', (await consoleAssets()).script);
  });
  router.get('/console/app.css', async (_req, res) => {
    send(res, 'css', (await consoleAssets()).styles);
  });
  router.get('/favicon.svg', (_req, res) => {
    send(res, 'image/svg+xml', FAVICON);
  });
  return router;
}
