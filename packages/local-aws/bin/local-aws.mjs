#!/usr/bin/env node
// The compiled local AWS CLI (dist/, built by the workspace root's `npm run build`).
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
