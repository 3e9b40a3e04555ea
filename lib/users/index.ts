export { listUsers } from "./list-users";
export { listReviewers, type ReviewerOption } from "./list-reviewers";
export { createUser } from "./create-user";
export { updateUser } from "./update-user";
export { resetUserPassword, resetUserPasswordFromShell } from "./reset-user-password";
export { changeOwnPassword } from "./change-own-password";
export { toUserView } from "./user-view";
export * from "./schemas";
