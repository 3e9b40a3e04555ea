import { BoardSkeleton } from "@/components/autonomy/skeleton";

export default function AutonomyTypeLoading() {
  return <BoardSkeleton label="the action type's history" />;
}
