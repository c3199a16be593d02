import { LoadingState } from '@/components/ui/loading-state';

export default function MetricsLoading() {
  return <LoadingState label="Computing metrics" />;
}
