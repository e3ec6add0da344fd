/**
 * Reordering table rows by native HTML5 drag and drop: the props each row spreads (draggable,
 * handlers, and `data-dragging` / `data-drop` for the styles), and the move when a row is dropped
 * in the upper or lower half of another.
 */
import { useState, type DragEvent } from 'react';
import { dropIndex } from '../components/Ranking/ranking-order';

interface DropTarget {
  index: number;
  before: boolean;
}

export function useRowDrag(onMove: (from: number, to: number) => void, enabled = true) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  const end = () => {
    setDragging(null);
    setDrop(null);
  };
  return (index: number, id: number) => ({
    draggable: enabled,
    onDragStart: (event: DragEvent<HTMLTableRowElement>) => {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', String(id));
      setDragging(index);
    },
    onDragEnd: end,
    onDragOver: (event: DragEvent<HTMLTableRowElement>) => {
      if (dragging === null) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const box = event.currentTarget.getBoundingClientRect();
      const before = event.clientY < box.top + box.height / 2;
      if (drop?.index !== index || drop.before !== before) setDrop({ index, before });
    },
    onDrop: (event: DragEvent<HTMLTableRowElement>) => {
      event.preventDefault();
      if (dragging !== null && drop) onMove(dragging, dropIndex(dragging, drop.index, drop.before));
      end();
    },
    'data-dragging': dragging === index || undefined,
    'data-drop': drop?.index === index ? (drop.before ? 'before' : 'after') : undefined,
  });
}
