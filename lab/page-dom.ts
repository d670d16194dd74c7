/**
 * In the browser, src/figures draws in the page's own document: the lab's Vite configuration
 * aliases linkedom (the headless DOM src/figures uses under Node) to this module.
 */
export function parseHTML(_html: string): { document: Document } {
  return { document };
}
