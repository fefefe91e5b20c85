import { UsageError } from './args.ts';

/**
 * Loads `@lambda-gateway/local-aws` for the commands that need it (`local-aws`,
 * `demo`). It is a development dependency: a production install of the gateway
 * does not have it, and says which package to add instead of a stack trace.
 */
export async function importLocalAws<T>(specifier: string): Promise<T> {
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes('@lambda-gateway/local-aws')) {
      throw new UsageError('this command needs the local AWS: npm install --save-dev @lambda-gateway/local-aws');
    }
    throw error;
  }
}
