/**
 * Dutch texts of following up on a report with the personal (receipt) code: the view a returning reporter
 * opens, the copy and save buttons beside the code on the confirmation, and the feedback question. They
 * load with the follow-up's own chunk (`widget/src/follow-up.ts`), never before the form shows.
 */
export const followUp = {
  followUp: {
    title: 'Je melding bekijken',
    intro:
      'Vul de persoonlijke code in die je kreeg toen je meldde. Dan zie je hoe het met je melding staat, lees je de berichten van de gemeente en kun je antwoorden.',
    codeLabel: 'Je persoonlijke code',
    codeHint: 'Bijvoorbeeld 7KQM-4XTP-9B2C-H0RD. Kleine letters, spaties en streepjes mogen.',
    show: 'Bekijk mijn melding',
    searching: 'Je melding wordt opgezocht…',
    forget:
      'We onthouden je code niet. Sluit je dit scherm of de pagina, dan vul je de code de volgende keer opnieuw in.',
    close: 'Sluiten',
    loading: 'Even geduld…',
    reference: 'Melding {{reference}}',
    receiver: 'Je melding is bij {{name}}.',
    receivedAt: 'Ontvangen op {{date}}.',
    statusLabel: 'Hoe staat het ervoor?',
    status: {
      received: 'Ontvangen: je melding is binnengekomen.',
      looking: 'In behandeling: de gemeente kijkt naar je melding.',
      waiting: 'De gemeente wacht op jouw antwoord: lees het bericht hieronder.',
      referred: 'Doorgestuurd: de gemeente heeft je melding doorgegeven aan een andere organisatie.',
      closed: 'Afgesloten: de gemeente is klaar met je melding.',
    },
    thread: 'Berichten',
    noMessages: 'Er zijn nog geen berichten.',
    fromYou: 'Jij',
    replyLabel: 'Je antwoord',
    replyHint: 'Alleen tekst. Schrijf liever geen namen of contactgegevens van anderen.',
    remaining_one: 'Nog {{count}} teken over',
    remaining_other: 'Nog {{count}} tekens over',
    send: 'Verstuur antwoord',
    sending: 'Je antwoord wordt verstuurd…',
    sent: 'Je antwoord is verstuurd.',
    closedNotice: 'Deze melding is afgesloten. Je kunt niet meer antwoorden. Dank je wel dat je het hebt gemeld.',
    yourData: 'Je gegevens',
    cancel: 'Nee, ga terug',
    erase: {
      button: 'Wis mijn contactgegevens',
      question:
        'Wil je je contactgegevens wissen? Dan kan de gemeente je niet meer mailen of bellen over deze melding. Je melding blijft bestaan, en met je code kun je hem blijven bekijken.',
      confirm: 'Ja, wis mijn contactgegevens',
      done: 'Je contactgegevens zijn gewist.',
    },
    withdraw: {
      button: 'Trek mijn melding in',
      question:
        'Wil je je melding intrekken? Dan verwijderen we je melding, de berichten en je contactgegevens. Dat kan niet meer ongedaan worden gemaakt, en je code werkt daarna niet meer. De gemeente ziet alleen dat er een melding is ingetrokken.',
      confirm: 'Ja, trek mijn melding in',
      done: 'Je melding is ingetrokken en verwijderd. Wil je toch nog iets melden? Dat kan altijd opnieuw.',
    },
    errors: {
      codeRequired: 'Vul je code in.',
      codeFormat:
        'Dit is geen code zoals wij die geven. Een code heeft 16 letters en cijfers, zoals 7KQM-4XTP-9B2C-H0RD.',
      unknown: 'We vinden geen melding bij deze code. Kijk de code na en probeer het opnieuw.',
      tooMany_one: 'Er is te vaak een verkeerde code geprobeerd. Probeer het over {{count}} minuut opnieuw.',
      tooMany_other: 'Er is te vaak een verkeerde code geprobeerd. Probeer het over {{count}} minuten opnieuw.',
      expired:
        'Je melding is weer gesloten omdat het scherm een tijdje openstond. Vul je code opnieuw in om verder te gaan.',
      network: 'Er is geen verbinding. Probeer het opnieuw als je weer verbinding hebt.',
      server: 'Er ging bij ons iets mis. Probeer het later opnieuw.',
      closed: 'Deze melding is inmiddels afgesloten. Je kunt niet meer antwoorden.',
      replyRequired: 'Schrijf eerst je antwoord.',
    },
  },
  receipt: {
    copy: 'Kopieer de code',
    copied: 'De code is gekopieerd.',
    copyFailed: 'Kopiëren lukte hier niet. De code is nu geselecteerd: kopieer hem zelf, of schrijf hem op.',
    save: 'Bewaar als tekstbestand',
    saved: 'Het tekstbestand is gemaakt. Bewaar het op een veilige plek.',
    file: {
      title: 'Je persoonlijke code voor je melding van straatintimidatie',
      code: 'Persoonlijke code: {{code}}',
      reference: 'Meldnummer: {{reference}}',
      receiver: 'Je melding is bij: {{name}}',
      where: 'Je melding bekijken: ga naar {{url}}, kies "Mijn melding bekijken" en vul daar deze code in.',
      keep: 'Bewaar deze code goed en geef hem aan niemand: met de code kan iemand je melding bekijken.',
    },
  },
  feedback: {
    legend: 'Hoe was het om te melden?',
    hint: 'Niet verplicht. Kies een cijfer van 1 (slecht) tot 5 (goed).',
    low: 'slecht',
    high: 'goed',
    comment: 'Wil je nog iets kwijt? (niet verplicht)',
    commentHint: 'Schrijf liever geen namen of contactgegevens.',
    send: 'Verstuur',
    skip: 'Sla over',
    skipped: 'Geen probleem. Je hoeft deze vraag niet te beantwoorden.',
    sending: 'Je antwoord wordt verstuurd…',
    thanks: 'Dank je wel voor je antwoord. Zo kunnen we melden beter maken.',
    ratingRequired: 'Kies een cijfer van 1 tot 5, of sla de vraag over.',
    failed: 'Je antwoord is niet verstuurd. Probeer het opnieuw.',
    expired: 'Deze vraag kan niet meer worden beantwoord. Dank je wel voor het melden.',
  },
} as const;
