/** The shape of a text tree with any strings at its leaves: every locale must have every key of Dutch. */
export type TextTree<T> = { readonly [K in keyof T]: T[K] extends string ? string : TextTree<T[K]> };
