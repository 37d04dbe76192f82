/**
 * Where the app saves the documents it makes (a meeting's agenda and minutes, the year's
 * follow-up) for the forum to keep: the SharePoint site's document library, or a folder of the
 * local store. The app's own file is saved again as a new version; a file someone changed after
 * the app wrote it is never overwritten: the new one is saved beside it.
 */
import type { SourceKind } from './list-source';

export interface SavedDocument {
  /** The file's name as saved (another name when it was saved beside someone's edited file). */
  name: string;
  /** Where it is: the folder path in the library (`Balanslistan/2022/…`), or the path on this computer. */
  location: string;
  /** The file's address, which opens it in Word for the web (SharePoint); null in local mode. */
  webUrl: string | null;
  /** A new file, a new version of the app's own file, or a file beside one someone else changed. */
  outcome: 'created' | 'new-version' | 'saved-beside';
  /** When saved beside: who changed the file since the app wrote it, when the store knows. */
  editedBy: string | null;
}

/** A file the store holds under the name asked for. */
export interface FoundDocument {
  name: string;
  /** The file's address, which opens it in Word for the web (SharePoint); null in local mode. */
  webUrl: string | null;
}

/** Where the app saves one of its documents: a folder (a year, `2022`) and the file's name in it. */
export interface DocumentPlace {
  folder: string;
  fileName: string;
}

export interface DocumentStore {
  readonly kind: SourceKind;
  /** Saves `bytes` as `fileName` in `folder` (a year, `2022`) of the forum's documents. */
  save(folder: string, fileName: string, bytes: Uint8Array): Promise<SavedDocument>;
  /**
   * The file saved as `fileName` in `folder`, or null when there is none. Only that name: a file
   * saved beside it (`besideName`) is not looked for, since the file under the app's name is the
   * one the forum keeps (when someone edited it, their edited file is exactly that one).
   */
  find(folder: string, fileName: string): Promise<FoundDocument | null>;
}

/** The name a file is saved under beside another: `dagordning-x (Balanslistan 2022-12-01 10.05).docx`. */
export function besideName(fileName: string, stamp: string, attempt = 0): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const extension = dot > 0 ? fileName.slice(dot) : '';
  return `${base} (Balanslistan ${stamp}${attempt > 0 ? ` ${attempt + 1}` : ''})${extension}`;
}
