import { core } from './core.ts';

/** The first steps' texts: not the Where step's (`./location.ts`) nor the later steps' (`./later.ts`), which load apart. */
export const texts = core;
