import { workerRuntime } from '../support/runtimes.ts';
import { describeStreamingScenarios } from './streaming-scenarios.ts';

// The same streaming scenarios in the worker bundle (miniflare, Web streams).
describeStreamingScenarios(workerRuntime);
