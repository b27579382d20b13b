import type { TextTree } from '../text-tree.ts';
import type { routing as nl } from '../nl/routing.ts';

/** Polish answers about where a report went. */
export const routing: TextTree<typeof nl> = {
  nonParticipating: {
    title: 'Dziękujemy za zgłoszenie',
    body:
      'Dobrze, że to zgłaszasz. To, co się stało, jest niedopuszczalne i nigdy nie jest Twoją winą. ' +
      'Wybrane miejsce leży w gminie {{municipality}}. Ta gmina nie jest podłączona do tego punktu zgłoszeń. ' +
      'Przechowujemy Twoje zgłoszenie, ale nie możemy przekazać go tej gminie i nie będziemy się z Tobą w tej sprawie kontaktować. ' +
      'Jeśli chcesz, żeby coś zostało zrobione, albo potrzebujesz pomocy, skontaktuj się bezpośrednio z gminą {{municipality}}. ' +
      'W nagłym wypadku dzwoń pod numer 112.',
  },
  // Issue 13: the hosted reporting page (`/m/:slug`) at an address without a reporting point.
  hostedPageNotFound: {
    title: 'Ten punkt zgłoszeń nie istnieje',
    body: 'Pod tym adresem nie ma punktu zgłoszeń. Sprawdź adres albo poszukaj punktu zgłoszeń na stronie swojej gminy. W nagłym wypadku dzwoń pod numer 112.',
  },
};
