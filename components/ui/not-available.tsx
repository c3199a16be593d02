import { EmptyState } from '@/components/ui/empty-state';
import { ClockIcon } from '@/components/ui/icons';

/**
 * The honest placeholder for a section that is planned but not built: it says so, and shows no
 * sample data or numbers in its place.
 */
export function NotAvailable({ feature }: { feature: string }) {
  return (
    <EmptyState icon={<ClockIcon size={20} />} title="Not available in this build yet">
      <p>
        {feature} is planned but not part of this build. Nothing here is stored or computed yet, and no sample data
        is shown in its place.
      </p>
    </EmptyState>
  );
}
