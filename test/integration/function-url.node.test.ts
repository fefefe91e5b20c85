import { nodeRuntime } from '../support/runtimes.ts';
import { describeFunctionUrlScenarios } from './function-url-scenarios.ts';

// Function URL backends through the Node server.
describeFunctionUrlScenarios(nodeRuntime);
