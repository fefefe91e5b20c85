import { XMLParser } from 'fast-xml-parser';

/**
 * Reading STS query-protocol XML: the `<Credentials>` of a successful
 * AssumeRole / AssumeRoleWithWebIdentity and the `<Error>` of a failure,
 * with fast-xml-parser. Only text is read: tag values stay strings (a
 * session token or key id must never become a number) and attributes (the
 * namespace) are ignored.
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

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five named entities and numeric character references; anything else is left as written. */
function decodeXmlEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, entity: string) => {
    if (!entity.startsWith('#')) return NAMED_ENTITIES[entity]!;
    const codePoint = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

/**
 * fast-xml-parser decodes only the five named entities by default, not
 * numeric references. This decoder does both, and ignores entities a
 * `<!DOCTYPE>` declares: STS never declares any, so a document that does is
 * not STS's, and its entities are not expanded.
 */
const xmlEntityDecoder = {
  decode: decodeXmlEntities,
  addInputEntities: () => undefined,
  setExternalEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
};

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  entityDecoder: xmlEntityDecoder,
});

type XmlElement = { readonly [name: string]: XmlNode };
type XmlNode = string | XmlElement | XmlNode[];

/** The document's root element (the one that is not `<?xml …?>`), or undefined when `xml` does not parse. */
function rootElement(xml: string): XmlElement | undefined {
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    return undefined;
  }
  if (!isElement(document)) return undefined;
  const name = Object.keys(document).find((key) => !key.startsWith('?'));
  const root = name === undefined ? undefined : document[name];
  return isElement(root) ? root : undefined;
}

function isElement(node: unknown): node is XmlElement {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** The first `<name>` child element (repeated elements parse as an array). */
function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  const node = parent?.[name];
  const first = Array.isArray(node) ? node[0] : node;
  return isElement(first) ? first : undefined;
}

/** The text of the first `<name>` child: an empty element reads as ''; an element with children as undefined. */
function text(parent: XmlElement | undefined, name: string): string | undefined {
  const node = parent?.[name];
  const first = Array.isArray(node) ? node[0] : node;
  return typeof first === 'string' ? first : undefined;
}

/** `<{Action}Result>`: whichever child of the root is named `…Result` (the parser needs no action name). */
function resultElement(root: XmlElement | undefined): XmlElement | undefined {
  const name = root && Object.keys(root).find((key) => key.endsWith('Result'));
  return name === undefined ? undefined : child(root, name);
}

/** Parses a 200 answer; undefined when it holds no complete `<Credentials>`. */
export function parseStsSession(xml: string): StsSession | undefined {
  const result = resultElement(rootElement(xml));
  const credentials = child(result, 'Credentials');
  const accessKeyId = text(credentials, 'AccessKeyId');
  const secretAccessKey = text(credentials, 'SecretAccessKey');
  const sessionToken = text(credentials, 'SessionToken');
  const expiration = new Date(text(credentials, 'Expiration') ?? Number.NaN);
  if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(expiration.getTime())) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken, expiration, assumedRoleArn: text(child(result, 'AssumedRoleUser'), 'Arn') };
}

/** Parses an error answer; undefined when the body is not STS's error XML (a proxy's HTML page, say). */
export function parseStsError(xml: string): StsErrorBody | undefined {
  const root = rootElement(xml);
  const error = child(root, 'Error');
  const code = text(error, 'Code');
  if (!code) return undefined;
  // STS puts the request id beside `<Error>`; other query-protocol answers in `<ResponseMetadata>`.
  const requestId = text(root, 'RequestId') ?? text(child(root, 'ResponseMetadata'), 'RequestId');
  return { code, message: text(error, 'Message') ?? '', requestId };
}
