import { randomUUID } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

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
export class TokenRejected extends Error {
  constructor(
    readonly reason: 'malformed' | 'bad-signature',
    message: string,
  ) {
    super(message);
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
  private keys: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> | undefined;
  private readonly keyId = randomUUID();

  /**
   * The RSA-2048 key pair (as EKS uses), generated on first use: most local
   * AWS instances never see a web identity token, and generation takes a while.
   */
  private keyPair(): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
    this.keys ??= generateKeyPair('RS256');
    return this.keys;
  }

  /** Mints a signed ID token the way the kubelet's projected service-account token looks. */
  async mint(options: MintTokenOptions, nowMs: number): Promise<string> {
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
  static peekClaims(token: string): WebIdentityClaims {
    const parts = token.split('.');
    if (parts.length !== 3)
      throw new TokenRejected('malformed', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
    let payload: Record<string, unknown>;
    try {
      decodeProtectedHeader(token);
      payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new TokenRejected('malformed', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
    }
    const { iss, sub, aud, exp, nbf, jti } = payload;
    const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((item): item is string => typeof item === 'string') : [];
    if (typeof iss !== 'string' || typeof sub !== 'string' || typeof exp !== 'number' || audiences.length === 0) {
      throw new TokenRejected('malformed', 'The ID Token provided is missing required claims (iss, sub, aud, exp).');
    }
    return { iss, sub, aud: audiences, exp, nbf: typeof nbf === 'number' ? nbf : undefined, jti: typeof jti === 'string' ? jti : undefined };
  }

  /** Checks the RS256 signature against the local key. Throws TokenRejected('bad-signature'). */
  async verifySignature(token: string): Promise<void> {
    try {
      await compactVerify(token, (await this.keyPair()).publicKey, { algorithms: ['RS256'] });
    } catch {
      throw new TokenRejected(
        'bad-signature',
        'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
      );
    }
  }
}
