import { workerRuntime } from '../support/runtimes.ts';
import { describeFunctionUrlScenarios } from './function-url-scenarios.ts';

// The same Function URL scenarios in the worker bundle (miniflare).
describeFunctionUrlScenarios(workerRuntime);
