/** STS query-protocol XML, element order as the service model lists it. */
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
/** Escapes text for XML element content (quotes need no escaping there, and STS leaves them as is). */
export function escapeXml(text) {
    return text.replace(/[<>&]/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp' }[char]};`);
}
function renderTree(tree) {
    let xml = '';
    for (const [name, value] of Object.entries(tree)) {
        if (value === undefined)
            continue;
        xml += `<${name}>${typeof value === 'string' ? escapeXml(value) : renderTree(value)}</${name}>`;
    }
    return xml;
}
/** `<{Action}Response><{Action}Result>…</…><ResponseMetadata><RequestId/>…` */
export function stsSuccessXml(action, result, requestId) {
    return (`<${action}Response xmlns="${STS_NAMESPACE}">` +
        `<${action}Result>${renderTree(result)}</${action}Result>` +
        `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
        `</${action}Response>\n`);
}
/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` */
export function stsErrorXml(type, code, message, requestId) {
    return (`<ErrorResponse xmlns="${STS_NAMESPACE}">` +
        `<Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
        `<RequestId>${escapeXml(requestId)}</RequestId>` +
        `</ErrorResponse>\n`);
}
