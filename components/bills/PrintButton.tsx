'use client';

import { Button } from '@/components/ui/Button';

export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" className="no-print" onPress={() => window.print()}>
      {label}
    </Button>
  );
}
