import type { Context, Handler } from 'hono';
import type { BackendDescriptor, BackendDescriptorInput } from '../descriptor/index.ts';
import { bindBackend } from './bound-backend.ts';
import { sharedDefaultPlatform } from './default-platform.ts';
import { handleLambdaRequest } from './handle-lambda-request.ts';
import type { Platform } from './platform.ts';

export interface LambdaHandlerOptions {
  /** Name for logs; defaults to the function name. */
  name?: string;
  /** Environment, transport, credentials, logs. Default: createDefaultPlatform() (process env, `fetch`, environment keys). */
  platform?: Platform;
}

/**
 * A Hono handler bound to a Lambda backend, for any Hono app:
 * `app.post('/echo', lambda({ functionName: 'echo', accountId: '…', region: '…' }))`.
 * The descriptor is validated now (same schema and messages as config files);
 * path parameters come from Hono's route (`/items/:id`).
 */
export function lambda(descriptor: BackendDescriptorInput | BackendDescriptor, options: LambdaHandlerOptions = {}): Handler {
  const platform = options.platform ?? sharedDefaultPlatform();
  const name = options.name ?? descriptor.functionName ?? descriptor.functionURL ?? 'lambda';
  const backend = bindBackend(name, descriptor, platform, 'lambda()');
  return (c: Context) => {
    const params = c.req.param() as Record<string, string>;
    const resource = c.req.routePath.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{proxy+}');
    const request = c.req.raw;
    return handleLambdaRequest(
      request,
      platform.requestContext(request, c.env),
      backend,
      {
        routeName: `${c.req.method} ${c.req.routePath}`,
        pathParameters: Object.keys(params).length > 0 ? params : undefined,
        routeKey: `${c.req.method} ${resource}`,
        resource,
      },
      platform,
    );
  };
}
