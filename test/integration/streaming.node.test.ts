import { nodeRuntime } from '../support/runtimes.ts';
import { describeStreamingScenarios } from './streaming-scenarios.ts';

// Response streaming through the Node server.
describeStreamingScenarios(nodeRuntime);
