export {
  createPersonalToken,
  revokePersonalToken,
  listPersonalTokens,
  authenticatePersonalToken,
  PERSONAL_TOKEN_PREFIX,
} from "./personal-tokens";
export { createTokenInput, type PersonalTokenView } from "./schemas";
