import type { DragEvent } from 'react';
import { useState } from 'react';

/** A zone files are dropped on: lit while they are dragged over it; `take` gets what was dropped. */
export function useDropZone(take: (data: DataTransfer) => void) {
  const [over, setOver] = useState(false);
  const handlers = {
    onDragOver(e: DragEvent) {
      e.preventDefault();
      setOver(true);
    },
    onDragLeave() {
      setOver(false);
    },
    onDrop(e: DragEvent) {
      e.preventDefault();
      setOver(false);
      take(e.dataTransfer);
    },
  };
  return { over, handlers };
}
