import { randomUUID } from 'node:crypto';
import { readBodyWithLimit } from "./http-io.js";
/**
 * One request on its way through a service handler: the raw wire data
 * (never normalised, because signatures cover it), the shared state, and
 * fields the handler adds to the request's log entry.
 */
export class RequestContext {
    service;
    request;
    state;
    unavailableError;
    requestId = randomUUID();
    receivedAt;
    rawPath;
    rawQuery;
    logFields = {};
    /** Set when the body was refused for size, so the connection is closed after answering. */
    bodyRefused = false;
    body;
    constructor(service, request, state, unavailableError) {
        this.service = service;
        this.request = request;
        this.state = state;
        this.unavailableError = unavailableError;
        this.receivedAt = Date.now();
        const url = request.url ?? '/';
        const queryStart = url.indexOf('?');
        this.rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
        this.rawQuery = queryStart === -1 ? '' : url.slice(queryStart + 1);
    }
    /**
     * Names the operation once it is known: counts it as `service:Action` and
     * fails with the service's 503 while a test has the service switched off.
     */
    beginAction(action) {
        this.logFields['action'] = `${this.service}:${action}`;
        this.state.counter.increment(`${this.service}:${action}`);
        if (!this.state.isAvailable(this.service))
            throw this.unavailableError();
    }
    /** Reads the body once (later calls get the same result); undefined when over `limitBytes`. */
    async readBody(limitBytes) {
        this.body ??= readBodyWithLimit(this.request, limitBytes);
        const body = await this.body;
        if (body === undefined)
            this.bodyRefused = true;
        return body;
    }
    /** The request as signature verification needs it. */
    wire(body) {
        return {
            method: this.request.method ?? 'GET',
            rawPath: this.rawPath,
            rawQuery: this.rawQuery,
            headers: this.request.headers,
            body,
        };
    }
    /** Query parameters, decoded. */
    query() {
        return new URLSearchParams(this.rawQuery);
    }
}
