import { expect } from '@open-wc/testing';
import i18next from 'i18next';
import { loadLaterTexts } from '@meldpunt/texts';
import { months } from './months.ts';

describe('privacy periods in words', () => {
  it('use each language’s own plural forms, with Latin digits in Arabic', () => {
    expect(months({ locale: 'nl' }, 1)).to.equal('1 maand');
    expect(months({ locale: 'nl' }, 24)).to.equal('24 maanden');
    expect(months({ locale: 'pl' }, 6)).to.equal('6 miesięcy');
    expect(months({ locale: 'pl' }, 24)).to.equal('24 miesiące');
    expect(months({ locale: 'uk' }, 6)).to.equal('6 місяців');
    expect(months({ locale: 'uk' }, 24)).to.equal('24 місяці');
    expect(months({ locale: 'ar' }, 12)).to.equal('12 شهرًا');
    expect(months({ locale: 'ar' }, 6)).to.equal('6 أشهر');
    expect(months({ locale: 'tr' }, 24)).to.equal('24 ay');
  });

  it('read as a sentence in the retention texts', async () => {
    const t = i18next.createInstance();
    await t.init({ lng: 'pl', resources: { pl: { translation: await loadLaterTexts.pl() } } });
    expect(t.t('steps.review.retention', { duration: months({ locale: 'pl' }, 24) })).to.match(
      /^Przechowujemy twoje zgłoszenie przez 24 miesiące\./,
    );
  });
});
