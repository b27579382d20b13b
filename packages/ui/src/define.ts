/**
 * Registers a custom element once. Loading the script twice (two snippets on one page, or the
 * module and the classic build together) warns instead of throwing.
 */
export function define(name: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (existing) {
    if (existing !== constructor) {
      console.warn(`<${name}> is already defined; this copy of the Meldpunt script is not used.`);
    }
    return;
  }
  customElements.define(name, constructor);
}
