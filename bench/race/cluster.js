// bench only: PostGraphile in N processes on one port (node:cluster; the primary hands out the
// connections), as uvicorn --workers N does for our server. `node cluster.js N <postgraphile args>`.
"use strict";
const cluster = require("node:cluster");
const path = require("node:path");

const workers = Number(process.argv[2]);
cluster.setupPrimary({
  exec: path.join(__dirname, "node_modules", "postgraphile", "dist", "cli-run.js"),
  args: process.argv.slice(3),
});
for (let i = 0; i < workers; i++) cluster.fork();
let stopping = false;
cluster.on("exit", (worker, code) => {
  if (!stopping) {
    console.error(`PostGraphile worker ${worker.process.pid} exited (${code})`);
    process.exit(1);
  }
});
process.on("SIGTERM", () => {
  stopping = true;
  for (const worker of Object.values(cluster.workers)) worker.kill();
  process.exit(0);
});
