export * from './limits.ts';
export * from './text.ts';
export * from './problem.ts';
export * from './tenant-config.ts';
export * from './tenant-settings.ts';
export * from './tenant-import.ts';
// Issue 13: the console's private settings.
export * from './private-settings.ts';
export * from './report.ts';
export * from './staff.ts';
export * from './audit.ts';
export * from './logo.ts';
export * from './config-draft.ts';
export * from './config-preview.ts';
export * from './contrast.ts';
export * from './completeness.ts';
// Issue 14: the back office.
export * from './backoffice.ts';
// Issue 15: anonymous follow-up by receipt code.
export * from './receipt-code.ts';
export * from './follow-up.ts';
