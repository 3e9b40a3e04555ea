export { listUsers } from "./list-users";
export { createUser } from "./create-user";
export { updateUser } from "./update-user";
export { resetUserPassword, resetUserPasswordFromShell } from "./reset-user-password";
export { changeOwnPassword } from "./change-own-password";
export { toUserView } from "./user-view";
export * from "./schemas";
