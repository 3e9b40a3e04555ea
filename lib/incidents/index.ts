export { raiseIncident } from "./raise-incident";
