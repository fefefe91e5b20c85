import { nodeRuntime } from '../support/runtimes.ts';
import { describeSampleEventScenarios } from './sample-events-scenarios.ts';

// The AWS sample events through the real Node server (raw header lines kept).
describeSampleEventScenarios(nodeRuntime);
