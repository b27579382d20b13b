import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { mail as nl } from '../nl/mail.ts';

/**
 * Polish texts of the e-mail a municipality receives for a report. The reporter is "osoba
 * zgłaszająca", so no form needs a gender. Numbers: "do 1 metra", "do 2 metrów", "do 1,5 metra".
 */
export const mail: TextTree<typeof nl, PluralCategories['pl']> = {
  subject: 'Nowe zgłoszenie {{reference}} – {{tenant}}',
  heading: 'Nowe zgłoszenie nękania na ulicy',
  intro: 'Przez punkt zgłoszeń {{tenant}} wpłynęło zgłoszenie.',
  labels: {
    reference: 'Numer zgłoszenia',
    received: 'Otrzymano',
    categories: 'Co się stało',
    role: 'Kto zgłasza',
    when: 'Kiedy',
    where: 'Gdzie',
    coordinates: 'Współrzędne',
    place: 'Miejsce opisane słowami',
    map: 'Mapa',
    description: 'Opis',
    intervened: 'Ktoś zareagował lub pomógł',
    extra: 'Dodatkowe pytania',
    contact: 'Dane kontaktowe',
    name: 'Imię i nazwisko',
    email: 'Adres e-mail',
    phone: 'Numer telefonu',
    wantsFollowUp: 'Prosi o kontakt',
    language: 'Język zgłoszenia',
    reportedVia: 'Zgłoszono przez',
  },
  openMap: 'Pokaż na mapie',
  notGiven: 'Nie podano',
  anonymous: 'Brak danych kontaktowych: osoba zgłaszająca pozostaje anonimowa.',
  answers: { yes: 'Tak', no: 'Nie', unknown: 'Osoba zgłaszająca nie wie' },
  roles: { victim: 'Spotkało to osobę zgłaszającą', bystander: 'Świadek zdarzenia', other: 'Inne' },
  partsOfDay: {
    night: 'noc (godz. 0–6)',
    morning: 'rano (godz. 6–12)',
    afternoon: 'popołudnie (godz. 12–18)',
    evening: 'wieczór (godz. 18–24)',
  },
  approximately: 'mniej więcej {{date}} (osoba zgłaszająca nie zna dokładnej daty)',
  sources: {
    map: 'wybrane na mapie',
    search: 'znalezione przez wyszukiwanie adresu',
    device: 'lokalizacja urządzenia',
    text: 'opisane słowami',
  },
  accuracy_one: 'z dokładnością do około {{count}} metra',
  accuracy_few: 'z dokładnością do około {{count}} metrów',
  accuracy_many: 'z dokładnością do około {{count}} metrów',
  accuracy_other: 'z dokładnością do około {{count}} metra',
  footer:
    'Ta wiadomość została wysłana automatycznie przez Meldpunt. Osoba zgłaszająca nie zobaczy odpowiedzi na tę wiadomość. Traktuj te dane jako poufne.',
  reporterNotice: {
    subject: 'Nowa wiadomość w sprawie Twojego zgłoszenia',
    heading: 'Jest nowa wiadomość w sprawie Twojego zgłoszenia',
    body: 'Masz nową wiadomość w sprawie swojego zgłoszenia (nadawca: {{tenant}}). Tej wiadomości nie ma w tym e-mailu: przeczytasz ją, używając swojego kodu potwierdzenia.',
    action: 'Otwórz tę stronę i wpisz swój kod potwierdzenia, aby przeczytać wiadomość:',
    codeNever: 'Nigdy nie wysyłamy Twojego kodu potwierdzenia e-mailem i nigdy nie prosimy o niego e-mailem.',
    emergency: 'Grozi Ci teraz niebezpieczeństwo? Zadzwoń pod numer 112.',
    footer: 'Ten e-mail został wysłany automatycznie. Odpowiedzi na ten e-mail nie są czytane.',
  },
  replyNotice: {
    subject: 'Osoba zgłaszająca odpowiedziała w sprawie {{reference}} – {{tenant}}',
    heading: 'Osoba zgłaszająca odpowiedziała',
    body: 'Osoba zgłaszająca odpowiedziała w sprawie zgłoszenia {{reference}}, używając kodu potwierdzenia.',
    action: 'Przeczytaj odpowiedź w systemie obsługi zgłoszeń:',
    privacy: 'Samej odpowiedzi nie ma w tym e-mailu.',
    footer: 'Ta wiadomość została wysłana automatycznie przez Meldpunt.',
  },
};
