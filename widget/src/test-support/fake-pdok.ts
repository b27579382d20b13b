/**
 * Test support: a fake PDOK Locatieserver. Replaces `window.fetch` for `/pdok/…` URLs (a tenant's
 * `geocoding.baseUrl` of `/pdok` points there), so no test ever asks the real PDOK; other URLs pass.
 */

/** How the fake answers one request. */
export type PdokAnswer = (url: URL) => Response | Promise<Response>;

/** Installs the fake; `calls` collects every URL asked, `restore` puts the real `fetch` back. */
export function installFakePdok(answer: PdokAnswer): { calls: URL[]; restore(): void } {
  const original = window.fetch;
  const calls: URL[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    if (!url.pathname.startsWith('/pdok/')) return original(input, init);
    calls.push(url);
    init?.signal?.throwIfAborted();
    return answer(url);
  };
  return {
    calls,
    restore: () => {
      window.fetch = original;
    },
  };
}

/** A Locatieserver answer holding `list` as its documents. */
export function pdokDocs(list: unknown[]): Response {
  return Response.json({ response: { numFound: list.length, start: 0, docs: list } });
}
