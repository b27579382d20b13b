import { fileURLToPath } from 'node:url';

/** Where the built widget and the demo site live in this repository. */
export function defaultStaticDirs(): { widgetDir: string; demoDir: string; demoVendorDir: string } {
  const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
  return {
    widgetDir: repo('widget/dist'),
    demoDir: repo('embed-demo'),
    demoVendorDir: repo('embed-demo/node_modules'),
  };
}
