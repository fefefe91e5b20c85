#!/usr/bin/env node
// The compiled CLI (dist/, built by `npm run build`, which `npm ci` and `npm pack` run).
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
