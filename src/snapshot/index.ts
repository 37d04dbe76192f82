export type { Snapshot, SnapshotProvider } from './types';
export { SnapshotService, type SnapshotServiceOptions } from './snapshot-service';
export { buildView, viewEtag, type ViewOptions } from './build-view';
export { buildFollowUpView, followUpDocxFileName, followUpDocxPath, followUpEtag, yearsWithData } from './follow-up-view';
export { ChangeCoalescer, DEFAULT_COALESCE, type CoalesceOptions } from './coalesce';
export { DEFAULT_CADENCE, type Cadence } from './cadence';
