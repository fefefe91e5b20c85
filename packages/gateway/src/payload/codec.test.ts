import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/index.ts';
import { DEFAULT_PAYLOAD_MODE, getPayloadCodec } from './codec.ts';
import { PAYLOAD_MODES } from './types.ts';
import type { PayloadMode } from './types.ts';

describe('getPayloadCodec', () => {
  it('returns a codec for every mode, named after it', () => {
    for (const mode of PAYLOAD_MODES) expect(getPayloadCodec(mode).mode).toBe(mode);
  });

  it('defaults to passthrough (kgateway None)', () => {
    expect(DEFAULT_PAYLOAD_MODE).toBe('passthrough');
  });

  it('rejects an unknown mode with BackendMisconfigured', () => {
    expect(() => getPayloadCodec('soap' as PayloadMode)).toThrow(GatewayError);
  });
});
