export { cachedGlobalSwitch, getKillSwitches, GLOBAL_KILL_SWITCH, type AgentSwitches } from "./get-kill-switches";
