/**
 * Sending from the configuration console's preview (issue 13): the real widget renders the unpublished
 * draft, and its "send" goes to `POST /api/v1/console/tenants/:slug/config/preview-report` instead of the
 * public reports route. The service checks the report against the draft exactly as it would a real one,
 * answers what the widget shows after sending, and renders the e-mail the municipality would receive —
 * and stores nothing: no report, no delivery, no idempotency key, no figure.
 */
import { z } from 'zod';
import { reportCreatedSchema, reportInputSchema } from './report.ts';
import { tenantConfigObjectSchema } from './tenant-config.ts';
import { text } from './text.ts';

/** The request: the draft as edited now (it need not be saved or publishable) and the report as the widget sends it. */
export const previewReportInputSchema = z.strictObject({
  config: tenantConfigObjectSchema,
  report: reportInputSchema,
});
export type PreviewReportInput = z.input<typeof previewReportInputSchema>;

/**
 * The answer: what the widget shows after sending (a sample reference, never a stored report's; the
 * response from the draft), and the e-mail as the municipality's recipients would receive it.
 */
export const previewReportSchema = z.strictObject({
  result: reportCreatedSchema,
  mail: z.strictObject({ subject: text(), text: text(), html: text() }),
});
export type PreviewReport = z.infer<typeof previewReportSchema>;
