/** A feed request failed; `transient` failures are retried later, others need an operator. */
export class FeedRequestError extends Error {
  constructor(
    message: string,
    readonly options: { transient: boolean; status?: number; retryAfterMs?: number },
  ) {
    super(message);
    this.name = "FeedRequestError";
  }
  get transient() {
    return this.options.transient;
  }
}
