/** Status shown by text and colour together, never colour alone. */
import { Badge, makeStyles } from '@fluentui/react-components';
import type { AgreementState, EntryStatus } from '../../../../src/domain/types';
import { useApp } from './app-context';

type BadgeColor = 'brand' | 'danger' | 'important' | 'informative' | 'severe' | 'subtle' | 'success' | 'warning';

const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap', flexShrink: 0 } });

const ENTRY_COLORS: Record<EntryStatus, BadgeColor> = {
  active: 'brand',
  'not-started': 'informative',
  monitoring: 'warning',
  paused: 'subtle',
  done: 'success',
};

const AGREEMENT_COLORS: Record<AgreementState, BadgeColor> = {
  active: 'success',
  expiring: 'warning',
  expired: 'danger',
  unknown: 'informative',
};

export function EntryStatusBadge({ status }: { status: EntryStatus | null }) {
  const { strings } = useApp();
  const styles = useStyles();
  if (status === null) return null;
  return (
    <Badge className={styles.badge} appearance="tint" shape="rounded" color={ENTRY_COLORS[status]} data-status={status}>
      {strings.entryStatus[status]}
    </Badge>
  );
}

export function AgreementStateBadge({ state }: { state: AgreementState }) {
  const { strings } = useApp();
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="tint" shape="rounded" color={AGREEMENT_COLORS[state]} data-state={state}>
      {strings.agreementState[state]}
    </Badge>
  );
}
