import { expect } from '@open-wc/testing';
import { emitEvent, type Emit } from './emit.ts';

interface TestEventMap {
  'ui-test-change': CustomEvent<{ value: number }>;
  'ui-test-leave': CustomEvent<{ url: string }>;
}
const emit: Emit<TestEventMap> = emitEvent;

const mounted: Element[] = [];
afterEach(() => mounted.splice(0).forEach((element) => element.remove()));

/** A host element with a shadow root and a button inside it, in the document (removed after the test). */
async function shadowHost() {
  const host = document.body.appendChild(document.createElement('div'));
  mounted.push(host);
  const inner = document.createElement('button');
  host.attachShadow({ mode: 'open' }).append(inner);
  return { host, inner };
}

describe('emit()', () => {
  it('fires a CustomEvent with its detail that bubbles out of the shadow root (composed)', async () => {
    const page = await shadowHost();
    const heard: CustomEvent[] = [];
    const listener = (event: Event) => heard.push(event as CustomEvent);
    document.addEventListener('ui-test-change', listener);
    try {
      emit(page.inner, 'ui-test-change', { value: 7 });
    } finally {
      document.removeEventListener('ui-test-change', listener);
    }
    expect(heard).to.have.length(1);
    const [event] = heard;
    expect(event!.detail).to.deep.equal({ value: 7 });
    expect(event!.bubbles).to.equal(true);
    expect(event!.composed).to.equal(true);
    // Outside the shadow root the event seems to come from the host, as the host page sees it.
    expect(event!.target).to.equal(page.host);
  });

  it('is not cancelable unless asked, and reports a cancel when it is', async () => {
    const page = await shadowHost();
    const cancel = (event: Event) => event.preventDefault();
    page.host.addEventListener('ui-test-leave', cancel);
    expect(emit(page.inner, 'ui-test-leave', { url: 'https://example.org/' })).to.equal(true);
    expect(emit(page.inner, 'ui-test-leave', { url: 'https://example.org/' }, { cancelable: true })).to.equal(false);
  });
});
