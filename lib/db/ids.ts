const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs; anything that is not a UUID cannot name a row (404, not a 500 from the driver). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
