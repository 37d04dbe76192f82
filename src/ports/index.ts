export type { ListItem, ListData, ListName, ListSource, SourceKind, SourceRead } from './list-source';
export type { Clock } from './clock';
export { FixedClock, systemClock } from './clock';
