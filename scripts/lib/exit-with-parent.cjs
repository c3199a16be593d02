// Preloaded into the app server the launcher starts: when the launcher dies (even by kill -9),
// the server notices it was re-parented and exits, so it never holds the port of the next start.
// It asks for a graceful stop first; if that has not finished within 3 s, it exits anyway.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.exit(0), 3000);
}, 500);
watch.unref();
