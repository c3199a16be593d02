import { IncidentsSkeleton } from '@/components/incidents/incidents-skeleton';

export default function IncidentsLoading() {
  return <IncidentsSkeleton />;
}
