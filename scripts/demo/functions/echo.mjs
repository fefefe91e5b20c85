// The Gloo guide's test function: echoes the event it was invoked with.
export const handler = async (event) => ({
  statusCode: 200,
  body: "Response from AWS Lambda. Here's the request you just sent me: " + JSON.stringify(event),
});
