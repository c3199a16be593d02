import { LoadingState } from '@/components/ui/loading-state';

export default function ReviewLoading() {
  return <LoadingState label="Building the review agenda" />;
}
