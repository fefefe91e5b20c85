import type { PayloadCodec, PayloadMode } from './types.ts';
import { PAYLOAD_MODES } from './types.ts';
import { GatewayError } from '../errors/index.ts';
import { apiGatewayV1Codec } from './apigateway-v1.ts';
import { apiGatewayV2Codec } from './apigateway-v2.ts';
import { envoyCodec } from './envoy.ts';
import { passthroughCodec } from './passthrough.ts';

/** The mode used when a backend does not name one: kgateway's `None` (raw passthrough). */
export const DEFAULT_PAYLOAD_MODE: PayloadMode = 'passthrough';

const CODECS: Readonly<Record<PayloadMode, PayloadCodec>> = {
  passthrough: passthroughCodec,
  envoy: envoyCodec,
  'apigateway-v2': apiGatewayV2Codec,
  'apigateway-v1': apiGatewayV1Codec,
};

/**
 * The codec for a payload mode. Codecs are stateless singletons, so callers may cache them.
 * Throws GatewayError(500, 'BackendMisconfigured') for a mode that is not one of PAYLOAD_MODES
 * (only reachable when config validation was bypassed, since the type forbids it).
 */
export function getPayloadCodec(mode: PayloadMode): PayloadCodec {
  if (!(PAYLOAD_MODES as readonly string[]).includes(mode)) {
    throw new GatewayError(500, 'BackendMisconfigured', `Unknown payload mode "${String(mode)}".`);
  }
  return CODECS[mode];
}
