export type { InboundRequest, InvokeResult, PayloadCodec, PayloadMode } from './types.ts';
export { PAYLOAD_MODES } from './types.ts';
export { DEFAULT_PAYLOAD_MODE, getPayloadCodec } from './codec.ts';
export { passthroughCodec, encodePassthroughEvent, decodePassthroughResult } from './passthrough.ts';
export type { EnvoyLambdaRequest } from './envoy.ts';
export {
  ENVOY_INVALID_RESPONSE_STATUS,
  buildEnvoyEvent,
  decodeEnvoyResult,
  encodeEnvoyEvent,
  envoyCodec,
  isEnvoyTextual,
} from './envoy.ts';
export type { ApiGatewayV2Event } from './apigateway-v2.ts';
export {
  apiGatewayV2Codec,
  buildApiGatewayV2Event,
  decodeApiGatewayV2Result,
  encodeApiGatewayV2Event,
} from './apigateway-v2.ts';
export type { ApiGatewayV1Event, ApiGatewayV1Identity } from './apigateway-v1.ts';
export {
  apiGatewayV1Codec,
  buildApiGatewayV1Event,
  decodeApiGatewayV1Result,
  encodeApiGatewayV1Event,
} from './apigateway-v1.ts';
export { GATEWAY_API_ID } from './apigateway-common.ts';
export { isTextualContentType } from './body.ts';
export { decodeBase64, encodeBase64 } from './base64.ts';
export type { PayloadBytes } from './payload-bytes.ts';
export { webPayloadBytes } from './payload-bytes.ts';
export { FunctionHeaders, HOP_BY_HOP_HEADERS, stripHopByHop } from './headers.ts';
export type { HeaderPair } from './header-pairs.ts';
export { pairsFromHeaders, reconcileRawHeaders, requestHeaderPairs, unfilteredRawPairs } from './header-pairs.ts';
export type { HeaderLines } from './response-lines.ts';
export { headerLinesOf, headerLinesStillValid, recordHeaderLines } from './response-lines.ts';
