import type { Logger } from '../logger.ts';

/**
 * The logger of one request: every line carries its request id. Cheaper than a pino child per request
 * (most requests write no line of their own), with the same output.
 */
export class RequestLog {
  readonly #root: Logger;
  readonly #requestId: string;

  constructor(root: Logger, requestId: string) {
    this.#root = root;
    this.#requestId = requestId;
  }

  info(fields: object, message: string): void {
    if (this.#root.isLevelEnabled('info')) this.#root.info({ requestId: this.#requestId, ...fields }, message);
  }

  warn(fields: object, message: string): void {
    if (this.#root.isLevelEnabled('warn')) this.#root.warn({ requestId: this.#requestId, ...fields }, message);
  }

  error(fields: object, message: string): void {
    this.#root.error({ requestId: this.#requestId, ...fields }, message);
  }
}
