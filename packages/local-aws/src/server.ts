import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalAws, StartLocalAwsOptions } from './api-types.ts';
import { CONTAINER_CREDENTIALS_PATH, containerCredentialsService } from './container-credentials-service.ts';
import { acquireConsoleCapture } from './function-logs.ts';
import { functionUrlService, localFunctionUrl } from './function-url-service.ts';
import { lambdaService } from './lambda-service.ts';
import { LocalAwsState } from './local-aws-state.ts';
import { OidcIssuer } from './oidc-issuer.ts';
import { createRequestListener } from './request-router.ts';
import { resolveScenario } from './scenario.ts';
import type { ServiceDefinition } from './service-definition.ts';
import { resolveStreamingLimits } from './streaming-limits.ts';
import { stsService } from './sts-service.ts';

/** Order matters only if two services could claim the same path; these cannot. */
const SERVICES: readonly ServiceDefinition[] = [functionUrlService, lambdaService, stsService, containerCredentialsService];

/**
 * Starts the local AWS: one HTTP server answering Lambda Invoke, STS and the
 * container-credentials endpoint for every account in the scenario, on one origin.
 */
export async function startLocalAws(options: StartLocalAwsOptions): Promise<LocalAws> {
  const scenario = await resolveScenario(options.scenario);
  const state = new LocalAwsState(scenario, options.clock ?? Date.now, new OidcIssuer(), resolveStreamingLimits(options.streaming));
  const host = options.host ?? '127.0.0.1';
  const server = createServer(createRequestListener(state, SERVICES, options.log));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const releaseConsole = acquireConsoleCapture();
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;

  return {
    url,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        state.close();
        releaseConsole();
        server.close(() => resolve());
        // Idle keep-alive sockets (SDK and undici clients keep them) would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
    calls: (action) => state.counter.count(action),
    resetCalls: () => state.counter.reset(),
    setServiceAvailable: (service, up) => state.setAvailable(service, up),
    invocations: (functionName) => state.recorder.list(functionName),
    containerCredentialsUrl: `${url}${CONTAINER_CREDENTIALS_PATH}`,
    functionUrl(functionName, accountId) {
      const fn = state.directory
        .allFunctions()
        .find((candidate) => candidate.name === functionName && (accountId === undefined || candidate.accountId === accountId));
      if (!fn?.config.functionUrl)
        throw new Error(`functionUrl: no function ${functionName}${accountId ? ` in ${accountId}` : ''} with functionUrl in the scenario`);
      return localFunctionUrl(url, fn);
    },
    issuedCredentials: () =>
      state.credentials
        .listIssued()
        .map(({ accessKeyId, secretAccessKey, sessionToken, principal }) => ({ accessKeyId, secretAccessKey, sessionToken, arn: principal.arn })),
    mintWebIdentityToken(options) {
      const issuers = state.directory.oidcIssuers();
      const issuer = options.issuer ?? issuers[0];
      if (!issuer) return Promise.reject(new Error('mintWebIdentityToken: the scenario has no oidcProviders'));
      return state.oidcIssuer.mint({ ...options, issuer }, state.now());
    },
  };
}
