export { cachedGlobalSwitch, getKillSwitches, GLOBAL_KILL_SWITCH, type AgentSwitches } from "./get-kill-switches";
export { setKillSwitch, applyKillSwitch, type SwitchScope, type Flipper } from "./set-kill-switch";
export { getGlobalKillSwitch, getActiveKillSwitches, killSwitchBlastRadius, killSwitchBlastRadiusFor } from "./read-kill-switches";
export * from "./schemas";
