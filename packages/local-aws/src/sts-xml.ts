import { XMLBuilder } from 'fast-xml-parser';

/**
 * STS query-protocol XML, built with fast-xml-parser's XMLBuilder so every
 * value is escaped the same way (`&`, `<`, `>`, quotes). Element order is the
 * order of the object's keys, which callers write as the service model lists
 * the members (and as real STS answers).
 */

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** An element tree: text leaves, nested objects, and `undefined` for omitted elements. */
export interface XmlTree {
  [element: string]: string | XmlTree | undefined;
}

/** `@_xmlns` is the only attribute STS writes (on the root element); no indentation, as STS sends it. */
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: false, suppressEmptyNode: false });

/** One root element in STS's namespace, followed by the newline real STS ends its body with. */
function stsDocument(rootName: string, content: XmlTree): string {
  return `${builder.build({ [rootName]: { '@_xmlns': STS_NAMESPACE, ...content } })}\n`;
}

/** `<{Action}Response><{Action}Result>…</…><ResponseMetadata><RequestId/>…` */
export function stsSuccessXml(action: string, result: XmlTree, requestId: string): string {
  return stsDocument(`${action}Response`, {
    [`${action}Result`]: result,
    ResponseMetadata: { RequestId: requestId },
  });
}

/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` */
export function stsErrorXml(type: 'Sender' | 'Receiver', code: string, message: string, requestId: string): string {
  return stsDocument('ErrorResponse', {
    Error: { Type: type, Code: code, Message: message },
    RequestId: requestId,
  });
}
