import { describe, expect, it } from 'vitest';
import { mapLambdaApiError, parseLambdaApiError } from './lambda-errors.ts';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('parseLambdaApiError', () => {
  it('reads the type from x-amzn-ErrorType (suffix stripped) and the message from message or Message', () => {
    const headers = new Headers({
      'x-amzn-errortype': 'InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/',
      'x-amzn-requestid': 'r-1',
    });
    expect(parseLambdaApiError(403, headers, encode({ message: 'bad sig' }))).toEqual({
      status: 403,
      type: 'InvalidSignatureException',
      message: 'bad sig',
      lambdaRequestId: 'r-1',
    });
    expect(parseLambdaApiError(403, new Headers({ 'x-amzn-errortype': 'AccessDeniedException' }), encode({ Message: 'denied' })).message).toBe('denied');
  });

  it('survives a non-JSON body and a missing type header', () => {
    expect(parseLambdaApiError(502, new Headers(), new TextEncoder().encode('<html>'))).toMatchObject({ type: 'HTTP502', message: '' });
  });
});

describe('mapLambdaApiError (the README error policy)', () => {
  const error = (status: number, type: string) => ({ status, type, message: `Lambda says ${type}`, lambdaRequestId: undefined });

  it('keeps 429 with Retry-After (Lambda value, else 1)', () => {
    const mapped = mapLambdaApiError(error(429, 'TooManyRequestsException'), '7');
    expect([mapped.status, mapped.code, mapped.headers['retry-after']]).toEqual([429, 'TooManyRequests', '7']);
    expect(mapLambdaApiError(error(429, 'TooManyRequestsException'), null).headers['retry-after']).toBe('1');
  });

  it('keeps 413', () => {
    expect(mapLambdaApiError(error(413, 'RequestTooLargeException'), null)).toMatchObject({ status: 413, code: 'PayloadTooLarge' });
  });

  it('maps InvalidRequestContentException to 400', () => {
    expect(mapLambdaApiError(error(400, 'InvalidRequestContentException'), null)).toMatchObject({ status: 400, code: 'InvalidRequestContent' });
  });

  it.each([
    [403, 'AccessDeniedException'],
    [403, 'InvalidSignatureException'],
    [403, 'UnrecognizedClientException'],
    [403, 'ExpiredTokenException'],
    [404, 'ResourceNotFoundException'],
    [400, 'InvalidParameterValueException'],
  ])('maps %i %s to 502 BackendMisconfigured and keeps Lambda message for the log only', (status, type) => {
    const mapped = mapLambdaApiError(error(status, type), null);
    expect([mapped.status, mapped.code]).toEqual([502, 'BackendMisconfigured']);
    expect(mapped.logMessage).toContain(`Lambda says ${type}`);
    expect(mapped.message).not.toContain('Lambda says');
  });

  it.each([
    [500, 'ServiceException'],
    [502, 'ENILimitReachedException'],
    [503, 'HTTP503'],
  ])('maps %i %s to 502 BackendError', (status, type) => {
    expect(mapLambdaApiError(error(status, type), null)).toMatchObject({ status: 502, code: 'BackendError' });
  });
});
