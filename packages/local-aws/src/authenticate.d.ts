import type { CredentialStore } from './credential-store.ts';
import { type SignedServiceName } from './errors.ts';
import type { CallerPrincipal } from './principals.ts';
import { type WireRequest } from './sigv4-verify.ts';
/** A request whose signature checked out. */
export interface AuthenticatedCaller {
    principal: CallerPrincipal;
    accessKeyId: string;
    /** Region from the credential scope (Lambda resolves bare function names in it). */
    signingRegion: string;
    /** True for credentials issued by the local STS. */
    temporary: boolean;
}
/**
 * Authenticates a SigV4 (header-signed) request for `service`, in the order
 * AWS's front end does: header shape, credential scope, key, session token,
 * token expiry, clock skew, then the signature itself. Throws AuthFailure.
 */
export declare function authenticateRequest(request: WireRequest, options: {
    service: SignedServiceName;
    credentials: CredentialStore;
    now: number;
}): Promise<AuthenticatedCaller>;
