export type { ListItem, ListData, ListName, ListSource, SourceKind, SourceRead } from './list-source';
export type { StateStore, StoredValue } from './state-store';
export type { Clock, Timers } from './clock';
export { FixedClock, demoClock, systemClock, systemTimers } from './clock';
