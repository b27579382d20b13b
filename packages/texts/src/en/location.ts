/** English texts of the location picker (step "Where"). */
export const location = {
  intro: 'Choose the place in one of these ways. You do not have to use the map.',
  search: {
    label: 'Search for an address or street',
    hint: 'Type at least 3 characters. Then choose an address from the list with the arrow keys and Enter, or by tapping it.',
    suggestions: 'Addresses found',
    searching: 'Searching…',
    results_one: 'Addresses found: {{count}}.',
    results_other: 'Addresses found: {{count}}.',
    noResults: 'No address found. Try writing it differently, or choose the place another way.',
    error: 'Searching does not work right now. Choose the place on the map, use your location or describe the place.',
    lookupError:
      'The location of this address cannot be fetched right now. We have added the address to the description of the place.',
  },
  device: {
    button: 'Use my location',
    hint: 'Useful if you are at the place where it happened right now.',
    busy: 'Finding your location…',
    accuracy_one: 'Accurate to about {{count}} metre',
    accuracy_other: 'Accurate to about {{count}} metres',
    denied:
      'Your location cannot be used because permission was not given. You can also search for the place, choose it on the map or describe it.',
    unavailable:
      'Your location cannot be found right now. You can also search for the place, choose it on the map or describe it.',
    timeout: 'Finding your location took too long. Try again, or choose the place another way.',
    unsupported:
      'This browser cannot share your location. You can search for the place, choose it on the map or describe it.',
  },
  map: {
    label: 'Map to choose the place',
    instructions:
      'Click or tap the map to choose the place. With the keyboard: move the map with the arrow keys and press Enter to choose the place at the cross. Use + and - to zoom in and out.',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    loading: 'Loading the map…',
    loadError:
      'The map cannot be loaded right now. You can search for the place, use your location or describe the place.',
    outside: 'This place is outside the area of this reporting point. Choose a place within the map.',
    attribution: 'Map source',
  },
  describe: {
    label: 'Describe the place',
    hint: 'For example: at the bus stop on Station Square, or on the train to Rotterdam. This may also be your only answer.',
  },
  chosen: {
    place: 'Chosen place: {{place}}',
    clear: 'Clear choice',
    cleared: 'The chosen place has been cleared.',
  },
  route: {
    elsewhere: 'This place is in the municipality of {{municipality}}. Your report goes to {{name}}.',
    notParticipating:
      'This place is in the municipality of {{municipality}}. That municipality is not connected to this reporting point. Your report is kept, but it is not passed on to that municipality. For help or follow-up, please contact the municipality of {{municipality}} directly.',
    noFollowUp: '{{name}} does not contact people about reports.',
    contactCleared:
      'Because no one will contact you about this report, we have deleted the contact details you entered.',
    outside:
      'This place is not in the Netherlands. Choose a place in the Netherlands. Or clear the chosen place and describe in words where it happened.',
    forwarded: 'Your report has been forwarded to {{name}}.',
  },
} as const;
