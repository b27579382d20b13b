/**
 * How long a service test waits for something (a delivery, a mail, a process) before it fails. It only
 * bounds a hang: a condition that holds ends the wait at once. Generous, for a loaded CI machine.
 */
export const patience = 30_000;
