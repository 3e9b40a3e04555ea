export { initFromEnv, DEFAULT_ADMIN_EMAIL, type InitResult } from "./init-from-env";
export { prepareDatabase } from "./prepare-database";
