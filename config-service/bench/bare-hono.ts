/**
 * Reference for the API benchmark: a bare Hono route answering the same JSON bytes as the config
 * endpoint, with nothing else (no tenant lookup, ETag, CORS or logging). Started by bench/api.ts.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const body = process.env.BARE_BODY ?? '{}';
const app = new Hono().get('/config', (c) => c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => {
  process.send?.('ready');
});
