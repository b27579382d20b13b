import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scrape, type ScrapeSources } from './metrics.ts';

export interface MetricsServer {
  /** The port it listens on (the one asked for, or the one the system chose for 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * `GET /metrics` on a port of its own (`METRICS_PORT`), by default on loopback only (`METRICS_HOST`):
 * not reachable through the load balancer that serves the public API, so it needs no token; a
 * Prometheus on another machine reaches it over the private network once `METRICS_HOST` says so.
 */
export async function startMetricsServer(
  options: { port: number; host: string } & ScrapeSources,
): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found: GET /metrics\n');
      return;
    }
    scrape(options).then(
      ({ contentType, body }) =>
        res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body),
      () => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('The metrics could not be collected\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
