"use client";

import { createContext, useContext } from "react";

/** Opens the console's search dialog (⌘K) from anywhere in the shell. */
export const SearchContext = createContext<() => void>(() => {});

export function useOpenSearch(): () => void {
  return useContext(SearchContext);
}
