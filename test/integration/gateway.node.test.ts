import { nodeRuntime } from '../support/runtimes.ts';
import { describeGatewayScenarios } from './gateway-scenarios.ts';

// The integration scenarios against the Node server (what `serve` runs in EKS).
describeGatewayScenarios(nodeRuntime);
