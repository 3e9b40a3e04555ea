import { BoardSkeleton } from "@/components/autonomy/skeleton";

export default function AutonomyLoading() {
  return <BoardSkeleton title="Autonomy" label="the autonomy board" />;
}
