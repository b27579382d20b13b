/**
 * How reporting was for reporters (issue 15), as the figures page and the council report show it: per
 * moment (just after sending, once the report was closed) the number of answers and their average rating
 * from 1 to 5, this period beside the previous one — one table, since that is what it is. A count below the
 * tenant's minimum shows as the other figures show it ("< 5", "hidden"), and its average as hidden too
 * (the service sends none); no answers at all is a dash. The reporters' comments (officers only) are a
 * table of their own, each with the report it belongs to. Plain functions, not elements.
 */
import type { FeedbackComments, FeedbackFigures } from '@meldpunt/contracts';
import { figuresTimeZone } from '@meldpunt/contracts/backoffice-values';
import { html, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n.ts';
import { href } from '../../router.ts';
import { countText, periodInWords } from './figures-shared.ts';

type Figure = FeedbackFigures['moments'][number]['current'];

/** A comment's day, in the municipality's time zone (as the report pages write dates). */
const dayOf = (locale: string, iso: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: figuresTimeZone }).format(new Date(iso));

/** An average rating as shown: "4,2 van 5", hidden where its count is, a dash where nobody answered. */
export function averageText(t: Translate, locale: string, figure: Figure): string {
  if (figure.average !== null) {
    const value = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      figure.average,
    );
    return t('figures.feedback.averageValue', { value });
  }
  return figure.count.count === null ? t('figures.suppressed.complementary') : t('figures.feedback.noAverage');
}

/** The answers and averages per moment, this period and the previous one. */
export function renderFeedbackTable(t: Translate, locale: string, feedback: FeedbackFigures): TemplateResult {
  const minimum = feedback.minimumCount;
  const column = (what: 'answers' | 'average', when: 'thisPeriod' | 'previousPeriod') =>
    `${t(`figures.feedback.${what}`)} (${t(`figures.feedback.${when}`)})`;
  return html`<div class="table-box">
    <table data-table="feedback">
      <caption>
        ${t('figures.feedback.caption', { previous: periodInWords(t, locale, feedback.previous) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('figures.feedback.moment')}</th>
          <th scope="col" class="number">${column('answers', 'thisPeriod')}</th>
          <th scope="col" class="number">${column('average', 'thisPeriod')}</th>
          <th scope="col" class="number">${column('answers', 'previousPeriod')}</th>
          <th scope="col" class="number">${column('average', 'previousPeriod')}</th>
        </tr>
      </thead>
      <tbody>
        ${feedback.moments.map(
          (row) =>
            html`<tr data-moment=${row.moment}>
              <th scope="row">${t(`figures.feedback.moments.${row.moment}`)}</th>
              <td class="number">${countText(t, locale, row.current.count, minimum)}</td>
              <td class="number">${averageText(t, locale, row.current)}</td>
              <td class="number">${countText(t, locale, row.previous.count, minimum)}</td>
              <td class="number">${averageText(t, locale, row.previous)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The period's comments, newest first, each with a link to its report (officers only). */
export function renderFeedbackComments(
  t: Translate,
  locale: string,
  slug: string,
  data: FeedbackComments,
): TemplateResult {
  if (data.comments.length === 0) return html`<p>${t('figures.feedback.comments.none')}</p>`;
  return html`<div class="table-box">
    <table data-table="feedback-comments">
      <caption>
        ${t('figures.feedback.comments.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('figures.feedback.comments.report')}</th>
          <th scope="col">${t('figures.feedback.comments.date')}</th>
          <th scope="col">${t('figures.feedback.comments.moment')}</th>
          <th scope="col" class="number">${t('figures.feedback.comments.rating')}</th>
          <th scope="col">${t('figures.feedback.comments.comment')}</th>
        </tr>
      </thead>
      <tbody>
        ${data.comments.map(
          (c) =>
            html`<tr>
              <th scope="row"><a href=${href('report', { slug, id: c.reportId })}>${c.reference}</a></th>
              <td><time datetime=${c.at}>${dayOf(locale, c.at)}</time></td>
              <td>${t(`figures.feedback.moments.${c.moment}`)}</td>
              <td class="number">${t('figures.feedback.averageValue', { value: c.rating })}</td>
              <td class="comment" dir="auto">${c.comment}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
