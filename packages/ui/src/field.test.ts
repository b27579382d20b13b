import { expect, html } from '@open-wc/testing';
import { render as renderInto } from 'lit';
import { describedBy, field, fieldError } from './field.ts';

const mounted: Element[] = [];
afterEach(() => mounted.splice(0).forEach((element) => element.remove()));

/** Renders a template into a fresh form in the document (removed after the test). */
function render(content: unknown): HTMLFormElement {
  const form = document.body.appendChild(document.createElement('form'));
  mounted.push(form);
  renderInto(content, form);
  return form;
}

describe('field()', () => {
  it('labels the control and names its hint, further ids and error in aria-describedby, in that order', async () => {
    const form = render(html`
      <p id="shared-hint">Give one of the two.</p>
      ${field(
        {
          id: 'email',
          label: 'E-mail',
          hint: 'We only use it to answer.',
          describedBy: ['shared-hint'],
          error: 'Not an e-mail address',
        },
        (aria) =>
          html`<input id="email" type="email" aria-invalid=${aria.invalid} aria-describedby=${aria.describedBy} />`,
      )}
    `);
    await expect(form).to.be.accessible();
    const control = form.querySelector('input')!;
    expect(control.labels?.[0]?.textContent).to.equal('E-mail');
    expect(control.getAttribute('aria-invalid')).to.equal('true');
    expect(control.getAttribute('aria-describedby')).to.equal('email-hint shared-hint email-error');
    const described = control
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => form.querySelector(`#${id}`)?.textContent);
    expect(described).to.deep.equal(['We only use it to answer.', 'Give one of the two.', 'Not an e-mail address']);
    expect(form.querySelector('#email-error')!.getAttribute('part')).to.equal('field-error');
  });

  it('leaves out what is not there: no hint, no error, no aria-describedby at all', async () => {
    const form = render(
      field(
        { id: 'name', label: 'Name' },
        (aria) => html`<input id="name" aria-invalid=${aria.invalid} aria-describedby=${aria.describedBy} />`,
      ),
    );
    await expect(form).to.be.accessible();
    const control = form.querySelector('input')!;
    expect(control.hasAttribute('aria-describedby')).to.equal(false);
    expect(control.getAttribute('aria-invalid')).to.equal('false');
    expect(form.querySelector('.hint, .field-error')).to.equal(null);
  });

  it('marks a control invalid whose error is shown elsewhere, and shows content before and after the control', async () => {
    const form = render(html`
      <p id="place-error">Say where it happened.</p>
      ${field(
        {
          id: 'place',
          label: 'Place',
          invalid: true,
          describedBy: ['place-error'],
          before: html`<p id="why">Why we ask</p>`,
          after: html`<p id="count">500 characters left</p>`,
        },
        (aria) =>
          html`<textarea id="place" aria-invalid=${aria.invalid} aria-describedby=${aria.describedBy}></textarea>`,
      )}
    `);
    await expect(form).to.be.accessible();
    const control = form.querySelector('textarea')!;
    expect(control.getAttribute('aria-invalid')).to.equal('true');
    expect(control.getAttribute('aria-describedby')).to.equal('place-error');
    const order = [...form.querySelectorAll('.field > *')].map((node) => node.id || node.localName);
    expect(order).to.deep.equal(['label', 'why', 'place', 'count']);
  });
});

describe('fieldError() and describedBy() for a group', () => {
  it('link a fieldset to its error line', async () => {
    const error = 'Choose one';
    const form = render(html`
      <fieldset aria-describedby=${describedBy(error && 'role-error')}>
        <legend>Who?</legend>
        <label><input type="radio" name="role" id="role" /> Me</label>
      </fieldset>
      ${fieldError('role', error)}
    `);
    await expect(form).to.be.accessible();
    expect(form.querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal('role-error');
    expect(form.querySelector('#role-error')!.textContent).to.equal('Choose one');
  });

  it('render nothing without an error', async () => {
    const form = render(
      html`<fieldset aria-describedby=${describedBy(undefined, '')}></fieldset>
        ${fieldError('role', undefined)}`,
    );
    expect(form.querySelector('fieldset')!.hasAttribute('aria-describedby')).to.equal(false);
    expect(form.querySelector('#role-error')).to.equal(null);
  });
});
