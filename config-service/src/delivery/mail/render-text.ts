import type { MailContent } from './mail-content.ts';

/** The text part: a heading, then each section as `Label: value` lines (continued lines indented). */
export function renderText(content: MailContent): string {
  const lines = [content.heading, '', content.intro, ''];
  for (const section of content.sections) {
    if (section.title) lines.push(section.title, '-'.repeat(section.title.length));
    for (const row of section.rows) {
      const value = row.multiline ? row.value.replace(/\r?\n/g, '\n    ') : row.value;
      lines.push(`${row.label}: ${value}${row.href ? `\n    ${row.href}` : ''}`);
    }
    if (section.note) lines.push(section.note);
    if (section.link) lines.push(section.link);
    lines.push('');
  }
  lines.push('--', content.footer, '');
  return lines.join('\n');
}
