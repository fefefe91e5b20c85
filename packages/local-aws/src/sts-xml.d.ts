/** STS query-protocol XML, element order as the service model lists it. */
export declare const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
/** An element tree: text leaves, nested objects, and `undefined` for omitted elements. */
export interface XmlTree {
    [element: string]: string | XmlTree | undefined;
}
/** Escapes text for XML element content (quotes need no escaping there, and STS leaves them as is). */
export declare function escapeXml(text: string): string;
/** `<{Action}Response><{Action}Result>…</…><ResponseMetadata><RequestId/>…` */
export declare function stsSuccessXml(action: string, result: XmlTree, requestId: string): string;
/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` */
export declare function stsErrorXml(type: 'Sender' | 'Receiver', code: string, message: string, requestId: string): string;
