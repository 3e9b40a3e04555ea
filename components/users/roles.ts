import type { Role } from "@/lib/auth/roles";

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  reviewer: "Reviewer",
  manager: "Manager",
  admin: "Admin",
};

/** Listed lowest to highest, as the roles include each other. */
export const ROLE_OPTIONS: Role[] = ["viewer", "reviewer", "manager", "admin"];
