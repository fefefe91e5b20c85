import { describe, expect, it } from 'vitest';
import { imageSettings } from '../../scripts/bench/image-settings.ts';

// The bench's gateway contenders run as the image runs the gateway: the settings are read from
// deploy/Dockerfile, so a change there changes what the bench measures (README "Benchmark").
describe("the bench's copy of the image's memory settings", () => {
  it("takes NODE_OPTIONS and the ENTRYPOINT's flags before the script, in that order", () => {
    expect(imageSettings().nodeOptions).toEqual(['--max-semi-space-size=4', '--heap-growing-percent=50', '--no-maglev']);
  });

  it('takes the glibc malloc settings of the ENV lines, and nothing else from them', () => {
    expect(imageSettings().env).toEqual({ MALLOC_TRIM_THRESHOLD_: '131072' });
  });
});
