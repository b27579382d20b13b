// Entry of the classic-script build: registers the element and exports nothing (so defines no global).
import './meldpunt-widget.ts';
