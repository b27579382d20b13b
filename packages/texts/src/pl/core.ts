import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { core as nl } from '../nl/core.ts';

/** Polish. Plain language, "ty"-form without gendered past tense, never victim-blaming. */
export const core: TextTree<typeof nl, PluralCategories['pl']> = {
  intro: {
    title: 'Zgłoś nękanie na ulicy',
    body: 'Czy coś ci się przydarzyło na ulicy, podczas wyjścia na miasto albo w komunikacji publicznej? A może coś takiego działo się na twoich oczach? To nie jest w porządku. Dzięki twojemu zgłoszeniu gmina widzi, gdzie i kiedy to się dzieje.',
  },
  app: {
    loading: 'Ładowanie formularza…',
    loadError:
      'Nie można teraz załadować formularza. Spróbuj ponownie później. Grozi ci teraz niebezpieczeństwo? Zadzwoń pod 112.',
    retry: 'Spróbuj ponownie',
    anonymous: 'Twoje zgłoszenie jest anonimowe, chyba że podasz swoje dane.',
  },
  emergency: {
    text: 'Grozi ci teraz niebezpieczeństwo? Zadzwoń pod 112.',
    call: 'Zadzwoń pod 112',
  },
  quickExit: {
    button: 'Szybkie wyjście',
    label: 'Szybkie wyjście: natychmiast opuść tę stronę',
    hint: 'Wskazówka: naciśnij dwa razy Escape, aby szybko opuścić tę stronę.',
  },
  language: {
    label: 'Język',
  },
  help: {
    toggle: 'Pomoc i informacje',
    title: 'Pomoc i informacje',
    intro:
      'To, co ci się przydarzyło, nie jest twoją winą. Rozmowa często pomaga. Te organizacje wysłuchają cię i pomogą – bezpłatnie.',
    notPolice: 'Zgłoszenie tutaj nie jest zawiadomieniem na policję.',
    police: 'Chcesz złożyć zawiadomienie na policji? Możesz to zrobić przez politie.nl lub pod numerem 0900-8844.',
    punishable: 'Molestowanie seksualne na ulicy jest karalne.',
    call: 'Zadzwoń: {{phone}}',
    website: 'Strona internetowa: {{name}}',
    referrals: {
      slachtofferhulp: {
        name: 'Slachtofferhulp Nederland (holenderska organizacja pomocy ofiarom)',
        description: 'Rozmowa o tym, co się stało, pomoc i porady.',
      },
      csg: {
        name: 'Centrum Seksueel Geweld (pomoc po przemocy seksualnej)',
        description: 'Przy przemocy seksualnej, która wydarzyła się niedawno: dostępne przez całą dobę.',
      },
      veiligThuis: {
        name: 'Veilig Thuis (pomoc przy przemocy domowej)',
        description: 'Porady i pomoc w sprawie przemocy domowej i krzywdzenia dzieci.',
      },
      mma: {
        name: 'Meld Misdaad Anoniem (anonimowe zgłaszanie przestępstw)',
        description: 'Anonimowe przekazanie informacji o przestępstwie.',
      },
    },
  },
  followUp: {
    open: 'Sprawdź moje zgłoszenie',
  },
  progress: 'Krok {{current}} z {{total}}',
  nav: {
    back: 'Wstecz',
    next: 'Dalej',
  },
  errors: {
    summaryTitle: 'Sprawdź, proszę:',
    roleRequired: 'Wybierz, co najlepiej pasuje.',
    categoriesRequired: 'Wybierz co najmniej jeden rodzaj.',
    dateRequired: 'Wpisz datę.',
    dateInvalid: 'Ta data jest nieprawidłowa.',
    dateFuture: 'Ta data jest w przyszłości.',
    timeRequired: 'Wpisz godzinę albo wybierz inną odpowiedź powyżej.',
    partOfDayRequired: 'Wybierz porę dnia.',
    locationRequired: 'Wybierz miejsce albo opisz je słowami.',
  },
  steps: {
    who: {
      title: 'Kto zgłasza?',
      legend: 'Co najlepiej pasuje?',
      victim: 'To spotkało mnie',
      bystander: 'To działo się na moich oczach',
      other: 'Inne',
      otherHint: 'Na przykład: to spotkało kogoś, kogo znam.',
    },
    what: {
      title: 'Co się stało?',
      legend: 'Wybierz, co pasuje. Możesz wybrać więcej niż jedną odpowiedź.',
    },
    when: {
      title: 'Kiedy to się stało?',
      hint: 'Nawet jeśli to było dawno temu, chętnie przyjmiemy twoje zgłoszenie.',
      legend: 'Jak dobrze to pamiętasz?',
      exact: 'Znam datę i godzinę',
      partOfDay: 'Znam datę i porę dnia',
      approximate: 'Nie pamiętam dokładnie',
      date: 'Data',
      approximateDate: 'Jaka to była mniej więcej data?',
      approximateHint: 'Wystarczy przybliżona data.',
      time: 'Godzina',
      partOfDayLabel: 'Pora dnia',
      choose: 'Wybierz…',
      parts: {
        night: 'Noc (od 0 do 6)',
        morning: 'Rano (od 6 do 12)',
        afternoon: 'Popołudnie (od 12 do 18)',
        evening: 'Wieczór (od 18 do 24)',
      },
    },
    where: {
      title: 'Gdzie to się stało?',
      hint: 'Wyszukaj adres, użyj swojej lokalizacji, wybierz miejsce na mapie albo je opisz. Wystarczy jeden sposób.',
    },
    details: {
      title: 'Chcesz coś jeszcze dodać?',
    },
    contact: {
      title: 'Czy chcesz, żebyśmy się z tobą skontaktowali?',
    },
    review: {
      title: 'Sprawdź swoje zgłoszenie',
    },
  },
  categories: {
    verbal: {
      label: 'Uwagi lub zaczepki słowne',
      description: 'Na przykład uwagi o charakterze seksualnym, wyzwiska lub syczenie.',
    },
    sounds: { label: 'Dźwięki lub gwizdanie', description: 'Na przykład gwizdanie, odgłosy całowania lub trąbienie.' },
    gestures: { label: 'Gesty', description: 'Na przykład gesty seksualne lub groźne.' },
    following: { label: 'Śledzenie', description: 'Ktoś szedł, jechał rowerem lub samochodem za tobą.' },
    touching: {
      label: 'Niechciany dotyk',
      description: 'Na przykład obmacywanie, chwytanie lub przyciskanie się do ciebie.',
    },
    exposure: { label: 'Pokazywanie miejsc intymnych lub narządów płciowych', description: 'Ktoś się obnażył.' },
    filming: { label: 'Filmowanie lub fotografowanie', description: 'Bez twojej zgody.' },
    threat: { label: 'Groźby lub przemoc', description: 'Na przykład grożenie, popychanie lub bicie.' },
    discrimination: {
      label: 'Dyskryminacja',
      description:
        'Na przykład z powodu koloru skóry, pochodzenia, religii, płci, orientacji seksualnej lub niepełnosprawności.',
    },
    other: { label: 'Coś innego', description: 'Coś, czego nie ma na liście powyżej.' },
  },
};
