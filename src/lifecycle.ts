/** Anything the composition root starts and must stop on SIGTERM, in reverse order. */
export interface Service {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}
