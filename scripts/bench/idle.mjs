// A process that does nothing: the RSS floor of `node` (and, run with --import tsx, of the tsx loader).
// Plain JavaScript on purpose, so that it can run without tsx. Exits when the parent disconnects.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true, url: '' });
setInterval(() => undefined, 60_000);
