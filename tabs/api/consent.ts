/**
 * The consent popup's first page: sends the user to Entra ID to consent to the app's delegated
 * Graph permissions (AADSTS65001 otherwise). Entra sends the user back to `/auth/end`, which
 * reports the outcome to Teams. The code Entra returns is not redeemed: the consent is what counts.
 */
import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import type { Config } from '../../src/config';

export function consentRoutes(config: Config): Router {
  const router = express.Router();
  router.get('/auth/start', (req, res) => {
    if (!config.graph || !config.tabAuth) {
      res.status(404).type('text/plain; charset=utf-8').send('Inloggning behövs inte i lokalt läge. / No sign-in in local mode.\n');
      return;
    }
    const origin = config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const hint = typeof req.query.loginHint === 'string' ? req.query.loginHint.slice(0, 200) : null;
    const params = new URLSearchParams({
      client_id: config.graph.clientId,
      response_type: 'code',
      redirect_uri: `${origin}/auth/end`,
      response_mode: 'query',
      scope: `${new URL(config.graph.baseUrl).origin}/.default openid profile`,
      prompt: 'consent',
      state: randomUUID(),
    });
    if (hint) params.set('login_hint', hint);
    res.set('Cache-Control', 'no-store');
    res.redirect(302, `${config.graph.authorityHost}/${config.graph.tenantId}/oauth2/v2.0/authorize?${params.toString()}`);
  });
  return router;
}
