"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { PlusIcon } from "../ui/icons";
import { ChannelForm, createChannelRequest, type KindOption } from "./channel-form";

/** "New channel": on success, its page (with the signing secret and the send-test button). */
export function NewChannel({ kinds }: { kinds: KindOption[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <PlusIcon className="size-3.5" />
        New channel
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="New alert channel" description="A webhook that receives incidents as they are raised." width="max-w-2xl">
        {open ? (
          <ChannelForm
            kinds={kinds}
            submitLabel="Create channel"
            onCancel={() => setOpen(false)}
            onSubmit={async (v) => {
              const c = await createChannelRequest(v);
              setOpen(false);
              router.push(`/alerts/${c.id}`);
              return c;
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}
