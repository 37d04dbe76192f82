/** The embedded local store: the file-backed list source and its building blocks. */
export { LocalListSource, LIST_FILE_NAME, type LocalListSourceOptions, type LocalWrites } from './local-list-source';
export { writeFileAtomic, removeStaleTempFiles, removeStaleTempFilesIn, type AtomicContent } from './atomic-write';
export { parseListFile, formatListFile, type StoredItem, type StoredLists } from './list-file';
export { exampleMeetingFields, EXAMPLE_TITLE_PREFIX, EXAMPLE_NOTE, EXAMPLE_DEADLINE_DAYS } from './example-meetings';
export { exampleFollowUpFields, EXAMPLE_ACTION_NOTE } from './example-follow-up';
