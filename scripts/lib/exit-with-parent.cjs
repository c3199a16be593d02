// Preloaded into the app server the launcher starts: when the launcher dies (even by kill -9),
// the server notices it was re-parented and exits, so it never holds the port of the next start.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 500).unref();
