import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_ACCOUNT, FUNCTION_NAME, PROXY_PATH, REGION, ROLE_ARN } from './common.ts';

/** The three gateway set-ups the bench compares. */
export type GatewayMode = 'passthrough' | 'apigateway-v2' | 'assume-role';
export const GATEWAY_MODES: readonly GatewayMode[] = ['passthrough', 'apigateway-v2', 'assume-role'];

/**
 * The native config file (`backends:` + `routes:`, as in routes/echo.yaml) for
 * one set-up: a resource-based route, PathPrefix PROXY_PATH → the function by
 * name in another account, with the Lambda endpoint pointed at the bench upstream.
 * Written out as YAML, the format users write, so the gateway's own loader
 * (env expansion, schema validation) is part of what is started.
 */
export function gatewayConfigYaml(mode: GatewayMode, upstream: string): string {
  const auth = mode === 'assume-role' ? ['    auth:', '      type: assumeRole', `      roleArn: ${ROLE_ARN}`] : ['    auth:', '      type: ambient'];
  return [
    `# Written by scripts/bench for the "${mode}" gateway contender.`,
    'backends:',
    '  echo:',
    `    functionName: ${FUNCTION_NAME}`,
    `    accountId: "${FUNCTION_ACCOUNT}"`,
    `    region: ${REGION}`,
    `    endpointURL: ${upstream}`,
    `    payloadMode: ${mode === 'apigateway-v2' ? 'apigateway-v2' : 'passthrough'}`,
    ...auth,
    '',
    'routes:',
    '  - name: echo',
    '    matches:',
    '      - path:',
    '          type: PathPrefix',
    `          value: ${PROXY_PATH}`,
    '    backend: echo',
    '',
  ].join('\n');
}

/** Writes `<dir>/<mode>/bench-routes.yaml` for every mode; returns the paths by mode. */
export function writeGatewayConfigs(dir: string, upstream: string): Record<GatewayMode, string> {
  const files = {} as Record<GatewayMode, string>;
  for (const mode of GATEWAY_MODES) {
    mkdirSync(join(dir, mode), { recursive: true });
    files[mode] = join(dir, mode, 'bench-routes.yaml');
    writeFileSync(files[mode], gatewayConfigYaml(mode, upstream));
  }
  return files;
}
