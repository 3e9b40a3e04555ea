"use client";

import { useState } from "react";
import type { BoardType } from "@/lib/autonomy";
import { ChangeNotice } from "./board";
import { TypeCard, type BoardPermissions } from "./type-card";

/** The type's card on its own page, with the status line its changes report to. */
export function TypeSummary({ type, permissions }: { type: BoardType; permissions: BoardPermissions }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div>
      <ChangeNotice message={notice} onDismiss={() => setNotice(null)} />
      <TypeCard type={type} permissions={permissions} onChanged={setNotice} detail />
    </div>
  );
}
