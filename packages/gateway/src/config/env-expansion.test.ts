import { describe, expect, it } from 'vitest';
import { ConfigError } from '../validation/index.ts';
import { expandEnvironment } from './env-expansion.ts';

const env = (values: Record<string, string>) => (name: string) => values[name];

describe('${NAME} expansion in config files', () => {
  it("expands the guides' placeholders and leaves $LATEST, $NAME and escaped $${NAME} alone", () => {
    const text = 'region: ${AWS_LAMBDA_REGION}\naccountId: "${LAMBDA_ACCOUNT_ID}"\nqualifier: $LATEST\nother: $HOME\nliteral: $${KEEP}\n';
    expect(expandEnvironment(text, 'f.yaml', env({ AWS_LAMBDA_REGION: 'us-east-1', LAMBDA_ACCOUNT_ID: '222222222222' }))).toBe(
      'region: us-east-1\naccountId: "222222222222"\nqualifier: $LATEST\nother: $HOME\nliteral: ${KEEP}\n',
    );
  });

  it('expands a variable set to the empty string to nothing, as a shell does', () => {
    expect(expandEnvironment('token: "${AWS_SESSION_TOKEN}"', 'f.yaml', env({ AWS_SESSION_TOKEN: '' }))).toBe('token: ""');
  });

  it('names every unset variable with its line and the file', () => {
    let error: unknown;
    try {
      expandEnvironment('a: 1\nregion: ${AWS_LAMBDA_REGION}\nid: ${LAMBDA_ACCOUNT_ID}\n', 'routes/lambda.yaml', env({}));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      'routes/lambda.yaml: \n  line 2: environment variable AWS_LAMBDA_REGION is not set (used as ${AWS_LAMBDA_REGION})\n  line 3: environment variable LAMBDA_ACCOUNT_ID is not set (used as ${LAMBDA_ACCOUNT_ID})',
    );
    expect(() => expandEnvironment('x: ${A}', 'f.yaml', env({}))).toThrow('f.yaml: line 1: environment variable A is not set (used as ${A})');
  });
});
