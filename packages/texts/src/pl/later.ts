import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { later as nl } from '../nl/later.ts';

/** The texts shown only after the Where step (see `../nl/later.ts`). */
export const later: TextTree<typeof nl, PluralCategories['pl']> = {
  nav: {
    send: 'Wyślij zgłoszenie',
    sending: 'Wysyłanie zgłoszenia…',
    change: 'Zmień',
    changeSection: 'Zmień: {{section}}',
  },
  errors: {
    emailInvalid: 'Ten adres e-mail jest nieprawidłowy.',
    phoneInvalid: 'Ten numer telefonu jest nieprawidłowy.',
    contactNeeded: 'Wpisz adres e-mail lub numer telefonu, abyśmy mogli się z tobą skontaktować.',
    tooLong: 'Ten tekst jest za długi.',
    invalid: 'Ta odpowiedź jest nieprawidłowa.',
    network:
      'Twoje zgłoszenie nie zostało jeszcze wysłane: brak połączenia. Twoje odpowiedzi zostaną zachowane, dopóki ta strona jest otwarta.',
    offline: 'Gdy tylko połączenie wróci, automatycznie wyślemy twoje zgłoszenie.',
    server:
      'Twoje zgłoszenie nie zostało jeszcze wysłane: coś poszło nie tak po naszej stronie. Twoje odpowiedzi są zachowane. Spróbuj ponownie.',
    rateLimit_one: 'W krótkim czasie wysłano wiele zgłoszeń. Spróbuj ponownie za {{count}} minutę.',
    rateLimit_few: 'W krótkim czasie wysłano wiele zgłoszeń. Spróbuj ponownie za {{count}} minuty.',
    rateLimit_many: 'W krótkim czasie wysłano wiele zgłoszeń. Spróbuj ponownie za {{count}} minut.',
    rateLimit_other: 'W krótkim czasie wysłano wiele zgłoszeń. Spróbuj ponownie za {{count}} minuty.',
    tryAgain: 'Spróbuj ponownie',
  },
  steps: {
    details: {
      hint: 'Wszystko w tym kroku jest nieobowiązkowe.',
      description: 'Co się stało?',
      descriptionHint:
        'Opisz tyle, ile chcesz. Nie wpisuj, proszę, imion, nazwisk ani danych kontaktowych innych osób.',
      remaining_one: 'Pozostał {{count}} znak',
      remaining_few: 'Pozostały {{count}} znaki',
      remaining_many: 'Pozostało {{count}} znaków',
      remaining_other: 'Pozostało {{count}} znaku',
      intervened: 'Czy ktoś zareagował lub pomógł?',
      yes: 'Tak',
      no: 'Nie',
      unknown: 'Nie wiem',
      optional: 'nieobowiązkowe',
      why: 'Dlaczego o to pytamy?',
      choose: 'Wybierz…',
    },
    contact: {
      intro: 'To nie jest obowiązkowe. Bez podania danych twoje zgłoszenie jest anonimowe.',
      whoSees:
        'Twoje dane widzą tylko pracownicy {{name}}, którzy zajmują się zgłoszeniami. Używają ich wyłącznie po to, aby skontaktować się z tobą w sprawie tego zgłoszenia. Przechowujemy je w formie zaszyfrowanej przez {{duration}}, a potem je usuwamy.',
      legend: 'Kontakt',
      anonymous: 'Nie, zgłaszam anonimowo',
      wantsFollowUp: 'Tak, proszę o kontakt',
      name: 'Imię i nazwisko',
      email: 'Adres e-mail',
      phone: 'Numer telefonu',
      needOne: 'Wpisz adres e-mail lub numer telefonu (albo oba).',
    },
    review: {
      intro: 'Czy wszystko się zgadza? Jeśli tak, możesz wysłać zgłoszenie.',
      who: 'Kto',
      what: 'Co',
      when: 'Kiedy',
      where: 'Gdzie',
      details: 'Szczegóły',
      intervened: 'Reakcja lub pomoc innych',
      contact: 'Kontakt',
      anonymous: 'Anonimowo',
      empty: 'Nie wypełniono',
      privacy: 'Jak postępujemy z twoimi danymi',
      retention: 'Przechowujemy twoje zgłoszenie przez {{duration}}. Nie zapisujemy adresów IP.',
    },
    done: {
      reference: 'Numer twojego zgłoszenia',
      receipt: 'Twój osobisty kod',
      receiptHint:
        'Przechowuj ten kod w bezpiecznym miejscu. Dzięki niemu sprawdzisz swoje zgłoszenie, przeczytasz wiadomości od gminy i odpowiesz na nie, nawet jeśli zgłaszasz anonimowo. Pokazujemy kod tylko raz: później nie możemy go pokazać ponownie.',
      referenceHint: 'Zapisz ten numer, jeśli zechcesz później skontaktować się z nami w sprawie tego zgłoszenia.',
      next: 'Co dalej?',
      nextActive: 'Pracownicy {{name}} przeczytają twoje zgłoszenie. Jeśli prosisz o kontakt, skontaktują się z tobą.',
      noFollowUp:
        'Uwaga: {{name}} nie kontaktuje się w sprawie zgłoszeń. Potrzebujesz pomocy albo chcesz złożyć zawiadomienie na policji? Skontaktuj się wtedy bezpośrednio z organizacjami z części Pomoc i informacje albo z policją (0900-8844).',
      another: 'Zgłoś coś jeszcze',
    },
  },
  roles: {
    victim: 'To spotkało mnie',
    bystander: 'To działo się na moich oczach',
    other: 'Inne',
  },
};
