/**
 * The connection to a tenant's OpenID provider, through `openid-client` (v6): discovery of the
 * issuer's metadata (which also checks that the issuer says it is that issuer), with the tenant's
 * client id and secret. Production talks to https providers only; in test and demo mode
 * (`allowLoopbackHttp`) an `http://` issuer on this machine (127.0.0.1, ::1, localhost) is allowed
 * too, so the tests can run a real provider on loopback.
 */
import * as client from 'openid-client';

/** How long discovery may take before the provider counts as not answering (seconds). */
const discoveryTimeoutSeconds = 5;

/** What a provider connection needs to know of the service's mode. */
export interface ProviderOptions {
  /** Test and demo mode only: allow `http://` issuers on loopback. */
  allowLoopbackHttp: boolean;
}

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Why an issuer address is not allowed here, or undefined when it is: https, or http to loopback in
 * test and demo mode; no credentials, query or fragment (an issuer identifier has none).
 */
export function issuerProblem(issuer: string, options: ProviderOptions): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'Use the address of the sign-in system, like https://login.gemeente.nl';
  }
  if (url.username || url.password || url.search || url.hash) {
    return 'An issuer address has no user name, query or fragment';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && options.allowLoopbackHttp && loopbackHosts.has(url.hostname)) return undefined;
  return 'The sign-in system must be reached over https';
}

/**
 * Discovers the provider and returns the client configuration; throws (openid-client's errors) when
 * the issuer does not answer, does not answer as an OpenID provider, or names another issuer.
 */
export async function connectProvider(
  settings: { issuer: string; clientId: string; clientSecret: string },
  options: ProviderOptions,
): Promise<client.Configuration> {
  const problem = issuerProblem(settings.issuer, options);
  if (problem) throw new Error(problem);
  const insecure = new URL(settings.issuer).protocol === 'http:';
  return client.discovery(
    new URL(settings.issuer),
    settings.clientId,
    { client_secret: settings.clientSecret },
    client.ClientSecretBasic(settings.clientSecret),
    {
      timeout: discoveryTimeoutSeconds,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    },
  );
}
