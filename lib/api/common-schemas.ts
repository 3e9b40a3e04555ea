import { z } from "zod";
import { LIMITS } from "./limits";

export const shortString = z.string().min(1).max(LIMITS.shortString);
export const longString = z.string().max(LIMITS.longString);
export const uuid = z.uuid();
/** Any JSON value from the agent, stored as is. */
export const jsonValue = z.json();
export const jsonObject = z.record(z.string(), z.json());
export const isoDateTime = z.iso.datetime({ offset: true });
