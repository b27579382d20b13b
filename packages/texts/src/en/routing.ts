import type { TextTree } from '../text-tree.ts';
import type { routing as nl } from '../nl/routing.ts';

/** English answers about where a report went. */
export const routing: TextTree<typeof nl> = {
  nonParticipating: {
    title: 'Thank you for your report',
    body:
      'It is good that you reported this. What happened is not okay, and it is never your fault. ' +
      'The place you chose is in the municipality of {{municipality}}. That municipality is not connected to this reporting point. ' +
      'We keep your report, but we cannot pass it on to that municipality, and we will not contact you about it. ' +
      'If you want something to be done, or you would like help, please contact the municipality of {{municipality}} directly. ' +
      'In an emergency, call 112.',
  },
  // Issue 13: the hosted reporting page (`/m/:slug`) at an address without a reporting point.
  hostedPageNotFound: {
    title: 'This reporting point does not exist',
    body: 'There is no reporting point at this address. Check the address, or look for the reporting point on your municipality’s website. In an emergency, call 112.',
  },
};
