/**
 * Reading STS query-protocol XML: the `<Credentials>` of a successful
 * AssumeRole / AssumeRoleWithWebIdentity and the `<Error>` of a failure.
 * The shapes are fixed and flat, so a few anchored matches do the job
 * without an XML parser (which a worker bundle would have to carry).
 */

/** Credentials and session identity from `<{Action}Result>`. */
export interface StsSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  /** `AssumedRoleUser.Arn`, e.g. `arn:aws:sts::222222222222:assumed-role/lambda-invoke-role/lambda-gateway`. */
  assumedRoleArn: string | undefined;
}

/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`. */
export interface StsErrorBody {
  code: string;
  message: string;
  requestId: string | undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return ENTITIES[entity]!;
  });
}

/** Text of the first `<tag>…</tag>` inside `xml` (tags without attributes, as STS writes them). */
function elementText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return match ? unescapeXml(match[1]!.trim()) : undefined;
}

/** The content of the first `<tag>` element, child elements included. */
function elementBody(xml: string, tag: string): string | undefined {
  const start = xml.indexOf(`<${tag}>`);
  const end = xml.indexOf(`</${tag}>`, start);
  return start === -1 || end === -1 ? undefined : xml.slice(start + tag.length + 2, end);
}

/** Parses a 200 answer; undefined when it holds no complete `<Credentials>`. */
export function parseStsSession(xml: string): StsSession | undefined {
  const credentials = elementBody(xml, 'Credentials');
  if (!credentials) return undefined;
  const accessKeyId = elementText(credentials, 'AccessKeyId');
  const secretAccessKey = elementText(credentials, 'SecretAccessKey');
  const sessionToken = elementText(credentials, 'SessionToken');
  const expiration = new Date(elementText(credentials, 'Expiration') ?? Number.NaN);
  if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(expiration.getTime())) return undefined;
  const assumedRoleUser = elementBody(xml, 'AssumedRoleUser');
  return { accessKeyId, secretAccessKey, sessionToken, expiration, assumedRoleArn: assumedRoleUser && elementText(assumedRoleUser, 'Arn') };
}

/** Parses an error answer; undefined when the body is not STS's error XML (a proxy's HTML page, say). */
export function parseStsError(xml: string): StsErrorBody | undefined {
  const error = elementBody(xml, 'Error');
  const code = error && elementText(error, 'Code');
  if (!error || !code) return undefined;
  return { code, message: elementText(error, 'Message') ?? '', requestId: elementText(xml, 'RequestId') };
}
