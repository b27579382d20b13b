import { html } from '../../html.ts';
import type { MailContent } from './mail-content.ts';

/**
 * The HTML part: every value escaped by the `html` template, inline styles only (mail clients drop
 * style sheets). Right-to-left languages get `dir="rtl"`, and the gap between label and value on
 * the side where the value is; each value finds its own direction (`dir="auto"`), so a Dutch place name
 * reads well in an Arabic mail and the other way round; a link is a web address, left to right.
 */
export function renderHtml(content: MailContent): string {
  const gap = content.dir === 'rtl' ? '4px 0 4px 12px' : '4px 12px 4px 0';
  const cell = `padding:${gap};vertical-align:top;text-align:start`;
  const body = content.sections.map(
    (section) => html`
      ${section.title ? html`<h2 style="font-size:16px;margin:20px 0 6px">${section.title}</h2>` : ''}
      ${
        section.rows.length
          ? html`<table role="presentation" style="border-collapse:collapse">
              ${section.rows.map((row) => {
                // No whitespace around the value: multi-line cells keep their line breaks (pre-wrap).
                const value = row.href ? html`<a href="${row.href}">${row.value}</a>` : row.value;
                const style = `${cell}${row.multiline ? ';white-space:pre-wrap' : ''}`;
                return html`<tr>
                  <th scope="row" style="${cell};font-weight:600">${row.label}</th>
                  <td dir="auto" style="${style}">${value}</td>
                </tr>`;
              })}
            </table>`
          : ''
      }
      ${section.note ? html`<p>${section.note}</p>` : ''}
      ${section.link ? html`<p><a href="${section.link}" dir="ltr">${section.link}</a></p>` : ''}
    `,
  );
  return html`<!doctype html>
    <html lang="${content.locale}" dir="${content.dir}">
      <head>
        <meta charset="utf-8" />
        <title>${content.heading}</title>
      </head>
      <body dir="${content.dir}" style="font-family:Arial,sans-serif;font-size:14px;line-height:1.4;color:#1b1b1b">
        <h1 style="font-size:20px;margin:0 0 8px">${content.heading}</h1>
        <p>${content.intro}</p>
        ${body}
        <p style="color:#555;font-size:12px;margin-top:24px">${content.footer}</p>
      </body>
    </html>`.value;
}
