import { workerRuntime } from '../support/runtimes.ts';
import { describeSampleEventScenarios } from './sample-events-scenarios.ts';

// The AWS sample events through the worker bundle in miniflare (Headers only: README "Runtimes").
describeSampleEventScenarios(workerRuntime);
