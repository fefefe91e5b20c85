import { workerRuntime } from '../support/runtimes.ts';
import { describeGatewayScenarios } from './gateway-scenarios.ts';

// The same integration scenarios against the worker bundle in miniflare (what `npm run dev` serves).
describeGatewayScenarios(workerRuntime);
