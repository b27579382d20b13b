import { core } from './core.ts';
import { location } from './location.ts';

export const texts = { ...core, location };
