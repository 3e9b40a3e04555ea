export { listUsers } from "./list-users";
export { createUser } from "./create-user";
export { updateUser } from "./update-user";
export { toUserView } from "./user-view";
export * from "./schemas";
