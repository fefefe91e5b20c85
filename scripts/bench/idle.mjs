// A process that does nothing: the RSS floor of `node` itself.
// Plain JavaScript on purpose, so that it runs without tsx. Exits when the parent disconnects.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true, url: '' });
setInterval(() => undefined, 60_000);
