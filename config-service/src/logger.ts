import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Rule for every call site: log ids, routes, statuses and durations — never a
 * report's content, contact details, IP addresses or user agents (tests check the output).
 * Writes to stdout asynchronously, so a busy service does not make a system call per line.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, base: { service: 'meldpunt-config-service' } },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
