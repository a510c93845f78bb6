/** Hands bytes to the browser as a download: a blob URL, never a request to anywhere. */
export function download(bytes: ArrayBuffer, name: string): void {
  const blob = new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the blob once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "Báo cáo.xlsx" → "Báo cáo.annotated.xlsx", as the README's examples name outputs. */
export function outputName(input: string, suffix: string): string {
  const base = input.replace(/\.[^.]+$/, '');
  return `${base}.${suffix}.xlsx`;
}
