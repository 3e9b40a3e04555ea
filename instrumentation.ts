// Runs once when a server instance starts (not at build time).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startJobs } = await import("./lib/jobs/start-jobs");
    startJobs();
  }
}
