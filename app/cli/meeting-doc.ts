/**
 * `npm run meeting-doc -- --meeting KEY --kind dagordning|minnesanteckningar [--format docx|html|md] [--out FILE] [--lang sv|en]`
 *
 * Writes one meeting's agenda (dagordning) or minutes (minnesanteckningar) from the configured
 * lists (the local store, or SharePoint through the one Graph pipeline), the same documents the
 * tab downloads. The meeting is named by its key (Mötesnyckel, e.g. `2017-extra-april`).
 *
 * Where it goes: `--out FILE` (its extension picks the format when `--format` is not given);
 * without it Markdown and HTML go to stdout and the Word file to `<kind>-<key>.docx` in the
 * working directory. `--out -` sends the Word file to stdout, unless stdout is a terminal.
 *
 * Exit codes: 0 written; 1 the lists could not be read, the meeting is unknown or the file not
 * written; 2 bad arguments or configuration.
 */
import { SourceError } from '../../src/errors';
import { mapForumData } from '../../src/lists/forum-year-mapping';
import { mapListData } from '../../src/lists/mapping';
import {
  MEETING_DOCUMENT_KINDS,
  meetingDocumentData,
  meetingDocumentFileName,
  renderMeetingDocument,
  type MeetingDocumentData,
  type MeetingDocumentKind,
} from '../../src/report';
import { clockFor } from '../clock';
import {
  goesToStdout,
  outputFlagsUsage,
  parseDocumentArgs,
  startDocumentCli,
  runAsProgram,
  usage,
  writeDocumentFile,
  type DocumentCliIo,
  type DocumentOptions,
} from './document-cli';
import { seedNote } from './follow-up';
import { createListSource } from '../sources';

export const USAGE = `Användning (usage): npm run meeting-doc -- --meeting NYCKEL --kind dagordning|minnesanteckningar [flaggor]

  --meeting NYCKEL        Mötets nyckel (Mötesnyckel), t.ex. 2017-extra-april (the meeting's key)
  --kind KIND             dagordning eller minnesanteckningar (agenda or minutes)
${outputFlagsUsage('<kind>-<nyckel>.docx')}

Exempel (example): npm run meeting-doc -- --meeting 2017-extra-april --kind dagordning --format docx --out dagordning.docx`;

export type MeetingDocCliIo = DocumentCliIo;

interface Args extends DocumentOptions {
  meeting: string;
  kind: MeetingDocumentKind;
}

/** The parsed arguments, or 'help'. Throws `AppError('usage')` with a message naming the problem. */
function parse(argv: string[]): Args | 'help' {
  const parsed = parseDocumentArgs(argv, { meeting: { type: 'string' }, kind: { type: 'string' } });
  if (parsed === 'help') return 'help';
  const meeting = parsed.values.meeting?.trim() ?? '';
  if (meeting === '') throw usage('--meeting saknas: ange mötets nyckel, t.ex. --meeting 2017-extra-april (--meeting is required)');
  const kind = parsed.values.kind?.toLowerCase();
  if (!(MEETING_DOCUMENT_KINDS as readonly string[]).includes(kind ?? ''))
    throw usage(`--kind ska vara dagordning eller minnesanteckningar, inte "${parsed.values.kind ?? ''}" (--kind must be dagordning or minnesanteckningar)`);
  return { meeting, kind: kind as MeetingDocumentKind, ...parsed.options };
}

/** Runs the command; returns the exit code. */
export async function runMeetingDocCli(argv: string[], io: MeetingDocCliIo): Promise<number> {
  const start = startDocumentCli(argv, io, { parse, usage: USAGE, exampleFile: 'dagordning.docx', module: 'meeting-doc-cli' });
  if (typeof start === 'number') return start;
  const { args, config, logger, log } = start;

  let data: MeetingDocumentData | null;
  let known: string[];
  try {
    const source = io.source ?? createListSource(config, { logger, clock: clockFor(config) });
    const read = (await source.read()).data;
    const list = mapListData(read);
    const forum = mapForumData(read, list);
    data = meetingDocumentData(forum, list.meetings, args.meeting);
    known = forum.meetings.map((meeting) => meeting.key).filter((key) => key !== '');
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    io.err(`Listorna kunde inte läsas (the lists could not be read): ${error.message}\nInget dokument skrevs (nothing was written).\n`);
    return 1;
  }
  if (data === null) {
    const hint = known.length > 0 ? ` Mötesnycklar i listan (keys in the list): ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}.` : '';
    // The store may have been made from another seed than the SEED_FILE given now.
    const note = io.source ? null : seedNote(config);
    io.err(`Det finns inget möte med nyckeln "${args.meeting}" (no meeting has that key).${hint}\n${note ?? ''}`);
    return 1;
  }

  const body = await renderMeetingDocument(data, args.kind, args.format, args.language);
  const counts = `${data.errands.length} ${data.errands.length === 1 ? 'ärende' : 'ärenden'}`;
  if (goesToStdout(args)) {
    io.write(body);
    log.info({ meeting: args.meeting, kind: args.kind, format: args.format }, 'meeting document written to stdout');
    io.err(`${args.kind} ${args.meeting} (${args.format}): ${counts}.\n`);
    return 0;
  }
  const file = args.out ?? meetingDocumentFileName(args.kind, args.meeting, args.format);
  if (!(await writeDocumentFile(io, file, body))) return 1;
  log.info({ meeting: args.meeting, kind: args.kind, format: args.format, file }, 'meeting document written');
  io.out(`Skrev (wrote) ${file}: ${args.kind} för ${args.meeting}, ${counts}.\n`);
  return 0;
}

if (require.main === module) runAsProgram(runMeetingDocCli);
