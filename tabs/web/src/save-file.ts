/**
 * Saves a file fetched with the sign-in token. A plain link cannot send the token, so the file is
 * fetched as a blob and handed to the browser as a download. Only called from event handlers.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download from the click; the address can go on the next turn.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
