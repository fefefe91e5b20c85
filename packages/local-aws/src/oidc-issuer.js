import { randomUUID } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
/** Why a token was refused; STS maps these to InvalidIdentityToken / ExpiredTokenException. */
export class TokenRejected extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.reason = reason;
        this.name = 'TokenRejected';
    }
}
/**
 * The local stand-in for every OIDC issuer in the scenario (the EKS cluster's
 * service-account issuer): one RS256 key, generated on first use, to mint
 * tokens for tests and the demo and to verify what AssumeRoleWithWebIdentity
 * receives. Real STS fetches the issuer's JWKS; here the key is simply shared.
 */
export class OidcIssuer {
    keys;
    keyId = randomUUID();
    /**
     * The RSA-2048 key pair (as EKS uses), generated on first use: most local
     * AWS instances never see a web identity token, and generation takes a while.
     */
    keyPair() {
        this.keys ??= generateKeyPair('RS256');
        return this.keys;
    }
    /** Mints a signed ID token the way the kubelet's projected service-account token looks. */
    async mint(options, nowMs) {
        const issuedAt = Math.floor(nowMs / 1000);
        return new SignJWT({ 'kubernetes.io': { namespace: options.sub.split(':')[2] ?? 'default' } })
            .setProtectedHeader({ alg: 'RS256', kid: this.keyId, typ: 'JWT' })
            .setIssuer(options.issuer)
            .setSubject(options.sub)
            .setAudience(options.audience ?? 'sts.amazonaws.com')
            .setIssuedAt(issuedAt)
            .setNotBefore(issuedAt)
            .setExpirationTime(issuedAt + (options.expiresInSeconds ?? 3600))
            .setJti(randomUUID())
            .sign((await this.keyPair()).privateKey);
    }
    /**
     * Reads the claims without trusting them (STS needs `iss` to find the
     * provider before it can verify anything). Throws TokenRejected('malformed').
     */
    static peekClaims(token) {
        const parts = token.split('.');
        if (parts.length !== 3)
            throw new TokenRejected('malformed', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
        let payload;
        try {
            decodeProtectedHeader(token);
            payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        }
        catch {
            throw new TokenRejected('malformed', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
        }
        const { iss, sub, aud, exp, nbf, jti } = payload;
        const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((item) => typeof item === 'string') : [];
        if (typeof iss !== 'string' || typeof sub !== 'string' || typeof exp !== 'number' || audiences.length === 0) {
            throw new TokenRejected('malformed', 'The ID Token provided is missing required claims (iss, sub, aud, exp).');
        }
        return { iss, sub, aud: audiences, exp, nbf: typeof nbf === 'number' ? nbf : undefined, jti: typeof jti === 'string' ? jti : undefined };
    }
    /** Checks the RS256 signature against the local key. Throws TokenRejected('bad-signature'). */
    async verifySignature(token) {
        try {
            await compactVerify(token, (await this.keyPair()).publicKey, { algorithms: ['RS256'] });
        }
        catch {
            throw new TokenRejected('bad-signature', 'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.');
        }
    }
}
