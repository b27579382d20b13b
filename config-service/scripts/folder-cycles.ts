/**
 * `pnpm lint` (through `lint:folders`): refuses two folders of `src/` that import each other, directly
 * or round a longer loop (reports → delivery → reports). Folders that only import one way read
 * straight through; folders that import each other are one module split in two, and a newcomer has to
 * read both to understand either.
 *
 * A folder is a top-level folder of the given root (`src/delivery/worker.ts` belongs to `delivery`).
 * Counted: every relative import, export-from and `import()` of a source file, type-only ones too.
 * Not counted: tests (`*.test.ts`, which may bring several folders together on purpose) and files at
 * the root itself (`app.ts`, `server.ts`, `deps.ts`: they put everything together).
 *
 * Usage: `node scripts/folder-cycles.ts [root]` (default `src`); exits 1 and names every import on
 * the loop when it finds one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One import from a file in one folder of a file in another. */
export interface FolderImport {
  from: string;
  to: string;
  /** The importing file, relative to the root. */
  file: string;
  specifier: string;
}

/** Every import between two different top-level folders of `root`, tests and root files left out. */
export function folderImports(root: string): FolderImport[] {
  const imports: FolderImport[] = [];
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !/\.test\.ts$/.test(f) && !f.includes('node_modules'))
    .sort();
  for (const file of files) {
    const from = folderOf(file);
    if (!from) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
      const target = relative(resolve(root), resolve(root, dirname(file), specifier));
      const to = target.startsWith('..') ? undefined : folderOf(target);
      if (to && to !== from) imports.push({ from, to, file: file.split(sep).join('/'), specifier });
    }
  }
  return imports;
}

/** The top-level folder a path relative to the root lies in; undefined for a file at the root. */
function folderOf(path: string): string | undefined {
  const parts = path.split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/**
 * The groups of folders that reach each other through imports (strongly connected components of more
 * than one folder, Tarjan's algorithm), each sorted, in a stable order.
 */
export function folderCycles(imports: readonly FolderImport[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    edges.set(from, (edges.get(from) ?? new Set()).add(to));
    if (!edges.has(to)) edges.set(to, new Set());
  }
  /** Per folder: the order it was reached in, and the earliest folder still on the stack it reaches. */
  const state = new Map<string, { index: number; low: number }>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (folder: string): { index: number; low: number } => {
    const own = { index: state.size, low: state.size };
    state.set(folder, own);
    stack.push(folder);
    onStack.add(folder);
    for (const next of edges.get(folder) ?? []) {
      const reached = state.get(next);
      if (!reached) own.low = Math.min(own.low, visit(next).low);
      else if (onStack.has(next)) own.low = Math.min(own.low, reached.index);
    }
    if (own.low === own.index) {
      const group: string[] = [];
      // Everything above it on the stack reaches it and is reached from it: one group.
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        group.push(member);
      } while (member !== folder);
      if (group.length > 1) groups.push(group.sort());
    }
    return own;
  };
  for (const folder of [...edges.keys()].sort()) if (!state.has(folder)) visit(folder);
  return groups.sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

/** What to tell the person whose change made folders import each other; empty when none do. */
export function describeCycles(imports: readonly FolderImport[]): string {
  const groups = folderCycles(imports);
  return groups
    .map((group) => {
      const inside = imports.filter((i) => group.includes(i.from) && group.includes(i.to));
      const lines = inside.map((i) => `    ${i.file} imports ${i.specifier} (${i.from} → ${i.to})`);
      return `  ${group.join(' ⇄ ')}\n${lines.join('\n')}`;
    })
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'src';
  const message = describeCycles(folderImports(root));
  if (message) {
    console.error(
      `Folders of ${root} import each other; let one of them import the other only ` +
        `(move what both need to a folder both may import):\n${message}`,
    );
    process.exit(1);
  }
  console.log(`${root}: no two folders import each other`);
}
