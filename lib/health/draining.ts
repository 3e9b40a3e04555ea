// Set when the process begins a graceful shutdown: readiness answers 503 so load balancers stop
// sending new work here while in-flight requests finish. On globalThis: the server sets it, the
// readiness route (possibly another copy of this module) reads it.
const g = globalThis as unknown as { __wardenDraining?: boolean };

export function markDraining(): void {
  g.__wardenDraining = true;
}

export function isDraining(): boolean {
  return g.__wardenDraining === true;
}
