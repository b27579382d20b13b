export * from './limits.ts';
export * from './text.ts';
export * from './problem.ts';
export * from './tenant-config.ts';
export * from './report.ts';
