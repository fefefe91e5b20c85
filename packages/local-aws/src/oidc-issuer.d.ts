/** Claims of an OIDC ID token as STS reads them. `aud` may be one string or a list. */
export interface WebIdentityClaims {
    iss: string;
    sub: string;
    aud: string[];
    /** Epoch seconds. */
    exp: number;
    nbf: number | undefined;
    /** The token's unique id (tests tell rotated tokens apart by it). */
    jti: string | undefined;
}
/** What a test or the demo wants in a minted token. */
export interface MintTokenOptions {
    /** e.g. `system:serviceaccount:gloo-system:http` (what role-1.json's condition matches). */
    sub: string;
    /** Default `sts.amazonaws.com`, the audience EKS projects for IRSA. */
    audience?: string | string[];
    /** Default 3600. Negative values mint an already expired token (for tests). */
    expiresInSeconds?: number;
    /** Issuer URL (`https://host/path`); default: the scenario's only (or first) OIDC provider. */
    issuer: string;
}
/** Why a token was refused; STS maps these to InvalidIdentityToken / ExpiredTokenException. */
export declare class TokenRejected extends Error {
    readonly reason: 'malformed' | 'bad-signature';
    constructor(reason: 'malformed' | 'bad-signature', message: string);
}
/**
 * The local stand-in for every OIDC issuer in the scenario (the EKS cluster's
 * service-account issuer): one RS256 key, generated on first use, to mint
 * tokens for tests and the demo and to verify what AssumeRoleWithWebIdentity
 * receives. Real STS fetches the issuer's JWKS; here the key is simply shared.
 */
export declare class OidcIssuer {
    private keys;
    private readonly keyId;
    /**
     * The RSA-2048 key pair (as EKS uses), generated on first use: most local
     * AWS instances never see a web identity token, and generation takes a while.
     */
    private keyPair;
    /** Mints a signed ID token the way the kubelet's projected service-account token looks. */
    mint(options: MintTokenOptions, nowMs: number): Promise<string>;
    /**
     * Reads the claims without trusting them (STS needs `iss` to find the
     * provider before it can verify anything). Throws TokenRejected('malformed').
     */
    static peekClaims(token: string): WebIdentityClaims;
    /** Checks the RS256 signature against the local key. Throws TokenRejected('bad-signature'). */
    verifySignature(token: string): Promise<void>;
}
