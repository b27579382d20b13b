/**
 * The preview's two requests: the tenant's municipality outline (from its published config, for the map),
 * and sending a report from the preview (`POST …/config/preview-report`, contracts' `config-preview.ts`):
 * the service checks the report against the draft, answers what the widget shows after sending and the
 * e-mail the municipality would receive, and stores nothing.
 */
import type { AreaOutline, PreviewReport, ReportInputBody, TenantConfigInput } from '@meldpunt/contracts';
import { isRecord, isText, NotFoundError, request } from '../../../data/http.ts';

/** The public config's answer, as far as the preview uses it: the outline when the service knows it. */
const isPublicConfig = (value: unknown): value is { area?: AreaOutline } =>
  isRecord(value) &&
  (value['area'] === undefined || (isRecord(value['area']) && Array.isArray(value['area']['outline'])));

/** The tenant's municipality, or undefined (not published yet, a national tenant, or no outline known). */
export async function tenantArea(slug: string, signal?: AbortSignal): Promise<AreaOutline | undefined> {
  try {
    const answer = await request(`/tenants/${encodeURIComponent(slug)}/config`, isPublicConfig, { signal });
    return answer.area;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

const isPreviewReport = (value: unknown): value is PreviewReport => {
  if (!isRecord(value) || !isRecord(value['result']) || !isRecord(value['mail'])) return false;
  const { result, mail } = value;
  const response = result['response'];
  return (
    isText(result['reference']) &&
    isText(result['tenant']) &&
    isRecord(result['routedTo']) &&
    (result['followUp'] === 'active' || result['followUp'] === 'none') &&
    isRecord(response) &&
    isText(response['title']) &&
    isText(response['body']) &&
    isText(mail['subject']) &&
    isText(mail['text'])
  );
};

/** Sends `report` as if to the tenant with the draft `config`: nothing is stored or sent. */
export function previewReport(
  slug: string,
  config: TenantConfigInput,
  report: ReportInputBody,
): Promise<PreviewReport> {
  return request(`/console/tenants/${encodeURIComponent(slug)}/config/preview-report`, isPreviewReport, {
    method: 'POST',
    body: { config, report },
  });
}
