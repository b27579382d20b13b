import { core } from './core.ts';

/** Everything but the Where step's texts (`./location.ts`), which load with that step. */
export const texts = core;
