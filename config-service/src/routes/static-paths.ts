import { fileURLToPath } from 'node:url';
import type { DemoSiteDirs } from './static.ts';

/** Where the built widget, the built console and the demo site live in this repository. */
export function defaultStaticDirs(): { widgetDir: string; consoleDir: string; demoSite: DemoSiteDirs } {
  const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
  return {
    widgetDir: repo('widget/dist'),
    consoleDir: repo('console/dist'),
    demoSite: { demoDir: repo('embed-demo'), demoVendorDir: repo('embed-demo/node_modules') },
  };
}
