// The function behind the demo's Function URL (`/url`): it gets the payload 2.0 event the URL builds
// and answers in the payload 2.0 response format.
export const handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'text/plain' },
  body: `hello from a Function URL: ${event.requestContext.http.method} ${event.rawPath}, signed by ${event.requestContext.authorizer?.iam?.userArn ?? 'nobody'}\n`,
});
