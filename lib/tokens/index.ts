export {
  createPersonalToken,
  revokePersonalToken,
  listPersonalTokens,
  authenticatePersonalToken,
  createTokenInput,
  PERSONAL_TOKEN_PREFIX,
  type PersonalTokenView,
} from "./personal-tokens";
