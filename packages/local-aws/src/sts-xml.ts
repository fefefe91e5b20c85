/** STS query-protocol XML, element order as the service model lists it. */

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** An element tree: text leaves, nested objects, and `undefined` for omitted elements. */
export interface XmlTree {
  [element: string]: string | XmlTree | undefined;
}

/** Escapes text for XML element content (quotes need no escaping there, and STS leaves them as is). */
export function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp' }[char]};`);
}

function renderTree(tree: XmlTree): string {
  let xml = '';
  for (const [name, value] of Object.entries(tree)) {
    if (value === undefined) continue;
    xml += `<${name}>${typeof value === 'string' ? escapeXml(value) : renderTree(value)}</${name}>`;
  }
  return xml;
}

/** `<{Action}Response><{Action}Result>…</…><ResponseMetadata><RequestId/>…` */
export function stsSuccessXml(action: string, result: XmlTree, requestId: string): string {
  return (
    `<${action}Response xmlns="${STS_NAMESPACE}">` +
    `<${action}Result>${renderTree(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
    `</${action}Response>\n`
  );
}

/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` */
export function stsErrorXml(type: 'Sender' | 'Receiver', code: string, message: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_NAMESPACE}">` +
    `<Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId>` +
    `</ErrorResponse>\n`
  );
}
