/** Polish texts of the location picker (step "Where"). */
export const location = {
  intro: 'Wybierz miejsce w jeden z tych sposobów. Nie musisz używać mapy.',
  search: {
    label: 'Wyszukaj adres lub ulicę',
    hint: 'Wpisz co najmniej 3 znaki. Potem wybierz adres z listy strzałkami i klawiszem Enter albo go dotknij.',
    suggestions: 'Znalezione adresy',
    searching: 'Wyszukiwanie…',
    results_one: 'Znaleziono {{count}} adres.',
    results_few: 'Znaleziono {{count}} adresy.',
    results_many: 'Znaleziono {{count}} adresów.',
    results_other: 'Znaleziono {{count}} adresu.',
    noResults: 'Nie znaleziono adresu. Spróbuj zapisać go inaczej albo wybierz miejsce w inny sposób.',
    error: 'Wyszukiwanie teraz nie działa. Wybierz miejsce na mapie, użyj swojej lokalizacji albo opisz miejsce.',
    lookupError: 'Nie można teraz pobrać położenia tego adresu. Dodaliśmy adres do opisu miejsca.',
  },
  device: {
    button: 'Użyj mojej lokalizacji',
    hint: 'Przydatne, jeśli jesteś teraz w miejscu, w którym to się stało.',
    busy: 'Szukamy twojej lokalizacji…',
    accuracy_one: 'Dokładność do około {{count}} metra',
    accuracy_few: 'Dokładność do około {{count}} metrów',
    accuracy_many: 'Dokładność do około {{count}} metrów',
    accuracy_other: 'Dokładność do około {{count}} metra',
    denied:
      'Nie można użyć twojej lokalizacji, bo nie ma na to zgody. Możesz też wyszukać miejsce, wybrać je na mapie albo je opisać.',
    unavailable:
      'Nie można teraz ustalić twojej lokalizacji. Możesz też wyszukać miejsce, wybrać je na mapie albo je opisać.',
    timeout: 'Ustalanie twojej lokalizacji trwało za długo. Spróbuj ponownie albo wybierz miejsce w inny sposób.',
    unsupported:
      'Ta przeglądarka nie może udostępnić twojej lokalizacji. Możesz wyszukać miejsce, wybrać je na mapie albo je opisać.',
  },
  map: {
    label: 'Mapa do wyboru miejsca',
    instructions:
      'Kliknij lub dotknij mapy, aby wybrać miejsce. Klawiaturą: przesuwaj mapę strzałkami i naciśnij Enter, aby wybrać miejsce przy krzyżyku. Klawiszami + i - powiększasz i pomniejszasz.',
    zoomIn: 'Powiększ',
    zoomOut: 'Pomniejsz',
    loading: 'Ładowanie mapy…',
    loadError: 'Nie można teraz załadować mapy. Możesz wyszukać miejsce, użyć swojej lokalizacji albo opisać miejsce.',
    outside: 'To miejsce leży poza obszarem tego punktu zgłoszeń. Wybierz miejsce na mapie.',
    attribution: 'Źródło mapy',
  },
  describe: {
    label: 'Opisz miejsce',
    hint: 'Na przykład: przy przystanku autobusowym na placu przed dworcem albo w pociągu do Rotterdamu. To może być też jedyna odpowiedź.',
  },
  chosen: {
    place: 'Wybrane miejsce: {{place}}',
    clear: 'Wyczyść wybór',
    cleared: 'Wybrane miejsce zostało wyczyszczone.',
  },
  route: {
    elsewhere: 'To miejsce leży w gminie {{municipality}}. Twoje zgłoszenie trafi do: {{name}}.',
    notParticipating:
      'To miejsce leży w gminie {{municipality}}. Ta gmina nie jest podłączona do tego punktu zgłoszeń. Twoje zgłoszenie zostanie zapisane, ale nie zostanie przekazane tej gminie. Jeśli potrzebujesz pomocy albo chcesz, żeby ktoś się tym zajął, skontaktuj się bezpośrednio z gminą {{municipality}}.',
    noFollowUp: '{{name}} nie kontaktuje się w sprawie zgłoszeń.',
    contactCleared:
      'Nikt nie będzie się z tobą kontaktować w sprawie tego zgłoszenia, dlatego usunęliśmy wpisane dane kontaktowe.',
    outside:
      'To miejsce nie leży w Holandii. Wybierz miejsce w Holandii. Możesz też wyczyścić wybrane miejsce i opisać słowami, gdzie to się stało.',
    forwarded: 'Twoje zgłoszenie zostało przekazane do: {{name}}.',
  },
} as const;
