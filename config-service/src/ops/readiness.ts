/**
 * Where this process is in its life, for the readiness probe: `starting` (connecting, migrating,
 * importing areas, seeding), `serving`, then `stopping` (after SIGTERM: the load balancer stops sending
 * new requests while the ones in flight finish). Liveness does not look at it: a process that answers
 * is alive, also while a long migration runs, so an orchestrator does not kill it for migrating.
 */
export class Readiness {
  #phase: 'starting' | 'serving' | 'stopping' = 'starting';

  get phase(): 'starting' | 'serving' | 'stopping' {
    return this.#phase;
  }

  serving(): void {
    this.#phase = 'serving';
  }

  stopping(): void {
    this.#phase = 'stopping';
  }
}

const problemHeaders = { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', 'Retry-After': '5' };

/**
 * What the port answers before the app exists (the database is being connected and migrated): alive
 * on `/api/v1/health`, not ready on `/api/v1/ready`, and 503 `starting` on everything else — listening
 * this early lets probes tell "migrating" from "down".
 */
export function startingFetch(request: Request): Response {
  const path = new URL(request.url).pathname;
  if (path === '/api/v1/health') {
    return Response.json({ status: 'ok', phase: 'starting' }, { headers: { 'Cache-Control': 'no-store' } });
  }
  return new Response(
    JSON.stringify({
      type: 'https://meldpunt.dev/problems/starting',
      title: 'The service is starting',
      status: 503,
      detail:
        'The service is connecting to and migrating its database. Please try again in a moment. In an emergency, call 112.',
    }),
    { status: 503, headers: problemHeaders },
  );
}
