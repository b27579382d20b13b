import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Rule for every call site: log ids, routes, statuses and durations — never a
 * report's content, contact details, IP addresses or user agents. `redact` is a second line of defence.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'meldpunt-config-service' },
      redact: {
        paths: ['*.headers', '*.body', '*.email', '*.phone', '*.name', '*.description', '*.contact', '*.ip'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
