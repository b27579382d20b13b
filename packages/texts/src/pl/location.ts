/** Polish texts of the location picker (step "Where"). */
export const location = {
  intro: 'Wybierz miejsce w jeden z tych sposobów. Nie musisz używać mapy.',
  search: {
    label: 'Wyszukaj adres lub ulicę',
    hint: 'Wpisz co najmniej 3 znaki. Potem wybierz adres z listy strzałkami i klawiszem Enter albo go dotknij.',
    suggestions: 'Znalezione adresy',
    searching: 'Wyszukiwanie…',
    results: 'Znalezione adresy: {{number}}.',
    noResults: 'Nie znaleziono adresu. Spróbuj zapisać go inaczej albo wybierz miejsce w inny sposób.',
    error: 'Wyszukiwanie teraz nie działa. Wybierz miejsce na mapie, użyj swojej lokalizacji albo opisz miejsce.',
    lookupError: 'Nie można teraz pobrać położenia tego adresu. Dodaliśmy adres do opisu miejsca.',
  },
  device: {
    button: 'Użyj mojej lokalizacji',
    hint: 'Przydatne, jeśli jesteś teraz w miejscu, w którym to się stało.',
    busy: 'Szukamy twojej lokalizacji…',
    accuracy: 'Dokładność około {{meters}} m',
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
} as const;
