import { reconcileRawHeaders, stripHopByHop, unfilteredRawPairs, type HeaderPair, type InboundRequest } from '../payload/index.ts';

/** InboundRequest's fields that are known before the event is built. */
type InboundFields = Omit<InboundRequest, 'method' | 'url' | 'headers' | 'headerPairs' | 'body'>;

/**
 * The request as the codecs read it. The header views are built on first use (passthrough never
 * reads the client's headers, envelopes do), on the prototype: no getter closures per request.
 */
export class PipelineInbound implements InboundRequest {
  #headers: Headers | undefined;
  #headerPairs: HeaderPair[] | undefined;
  readonly sourceIp: string | undefined;
  readonly requestId: string;
  readonly receivedAt: number;
  readonly pathParameters: Record<string, string> | undefined;
  readonly routeKey: string;
  readonly resource: string;
  readonly accountId: string;
  readonly payloadBytes: InboundRequest['payloadBytes'];

  constructor(
    readonly method: string,
    readonly url: URL,
    private readonly filteredHeaders: Headers,
    private readonly rawHeaders: readonly string[] | undefined,
    readonly body: Uint8Array,
    fields: InboundFields,
    /** No route filter changed the headers: the runtime's own view of `rawHeaders`. */
    private readonly headersAsReceived = false,
  ) {
    this.sourceIp = fields.sourceIp;
    this.requestId = fields.requestId;
    this.receivedAt = fields.receivedAt;
    this.pathParameters = fields.pathParameters;
    this.routeKey = fields.routeKey;
    this.resource = fields.resource;
    this.accountId = fields.accountId;
    this.payloadBytes = fields.payloadBytes;
  }

  get headers(): Headers {
    return (this.#headers ??= stripHopByHop(this.filteredHeaders));
  }

  /** The client's lines (casing, repeated values) where the adapter kept them (Node). */
  get headerPairs(): HeaderPair[] | undefined {
    if (this.#headerPairs === undefined && this.rawHeaders) {
      // Unfiltered: the pairs as received, without building any Headers (unfilteredRawPairs).
      this.#headerPairs = (this.headersAsReceived ? unfilteredRawPairs(this.rawHeaders) : undefined) ?? reconcileRawHeaders(this.rawHeaders, this.headers);
    }
    return this.#headerPairs;
  }
}
