/**
 * A tenant's logo (`POST /api/v1/console/tenants/:slug/logo`): the image file itself is the body, with its
 * own type as `Content-Type` — not JSON, so this is the one call that does not go through `request`; it
 * answers and fails as `request` does (typed errors from problem+json, `NetworkError` without an answer).
 * The service checks the content, refuses SVG and files over 2 MB, and answers where the re-encoded logo
 * is served; the draft refers to it by that `url` (`branding.logoUrl`).
 */
import type { Logo } from '@meldpunt/contracts';
import { apiBase, errorOf, isRecord, isText, NetworkError } from './http.ts';

const isLogo = (value: unknown): value is Logo =>
  isRecord(value) &&
  isText(value['id']) &&
  isText(value['url']) &&
  /^\/api\/v1\/logos\/[0-9a-f]{64}\.webp$/.test(value['url']) &&
  typeof value['width'] === 'number' &&
  typeof value['height'] === 'number';

/** Uploads `file` as the tenant's logo; answers the stored logo. */
export async function uploadLogo(slug: string, file: Blob, signal?: AbortSignal): Promise<Logo> {
  let res: Response;
  try {
    res = await fetch(`${apiBase}/console/tenants/${encodeURIComponent(slug)}/logo`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', 'Content-Type': file.type },
      body: file,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError('No answer from the API', { cause: error });
  }
  if (!res.ok) throw await errorOf(res);
  const body: unknown = await res.json().catch(() => undefined);
  if (!isLogo(body)) throw new NetworkError('Unexpected answer from the logo upload');
  return body;
}
