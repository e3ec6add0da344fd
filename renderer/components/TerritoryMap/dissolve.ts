/**
 * Region outlines from the department polygons, without any other geometry: an edge shared by two
 * departments of the same group is inside it, an edge used once is on its outline. This works
 * because the polygons were simplified with shared arcs (resources/README.md): neighbours have
 * bit-identical vertices, in lon/lat and therefore after any projection.
 */
import type { Position } from './map-layout';

/** Numbers the distinct vertices (exact coordinates), so that edges are compared as integers. */
class VertexIndex {
  private readonly byX = new Map<number, Map<number, number>>();
  readonly points: Position[] = [];

  id(p: Position): number {
    let byY = this.byX.get(p[0]);
    if (!byY) this.byX.set(p[0], (byY = new Map()));
    let id = byY.get(p[1]);
    if (id === undefined) {
      id = this.points.length;
      byY.set(p[1], id);
      this.points.push(p);
    }
    return id;
  }
}

/** The outline of the union of the polygons, as polylines (closed ones end on their first point). */
export function outline(polygons: readonly (readonly Position[][])[]): Position[][] {
  const vertices = new VertexIndex();
  const edges: [number, number][] = [];
  const uses = new Map<number, number>();
  // Edge key: the two vertex ids, smaller first (ids stay far below 2^26).
  const keyOf = (a: number, b: number) => (a < b ? a * 67_108_864 + b : b * 67_108_864 + a);
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = vertices.id(ring[i]!);
        const b = vertices.id(ring[i + 1]!);
        if (a === b) continue;
        const key = keyOf(a, b);
        const seen = uses.get(key) ?? 0;
        if (seen === 0) edges.push([a, b]);
        uses.set(key, seen + 1);
      }
    }
  }
  const boundary = edges.filter(([a, b]) => uses.get(keyOf(a, b)) === 1);

  // Chain the boundary edges into polylines: follow unused edges from vertex to vertex.
  const edgesAt = new Map<number, number[]>();
  boundary.forEach(([a, b], i) => {
    for (const v of [a, b]) {
      const list = edgesAt.get(v);
      if (list) list.push(i);
      else edgesAt.set(v, [i]);
    }
  });
  const used = new Uint8Array(boundary.length);
  const lines: Position[][] = [];
  for (let start = 0; start < boundary.length; start++) {
    if (used[start]) continue;
    used[start] = 1;
    const [a, b] = boundary[start]!;
    const line: Position[] = [vertices.points[a]!, vertices.points[b]!];
    for (let at = b; ; ) {
      const next = (edgesAt.get(at) ?? []).find((i) => !used[i]);
      if (next === undefined) break;
      used[next] = 1;
      const [c, d] = boundary[next]!;
      at = c === at ? d : c;
      line.push(vertices.points[at]!);
    }
    lines.push(line);
  }
  return lines;
}
