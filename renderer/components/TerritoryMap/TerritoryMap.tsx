import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { forwardRef, useEffect, useRef } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import { areaFeatures, areaOutlines, insetFrames, mapExtent, outlineFeatures, type AreaProperties } from './map-features';
import type { Level } from './map-view-store';
import classes from './TerritoryMap.module.css';

export interface AreaLabel {
  /** « 13 – Bouches-du-Rhône » */
  title: string;
  /** « Postes accordés par le comité : 512 postes » */
  value: string;
}

export interface TerritoryMapProps {
  level: Level;
  /** Fill colour of every area code of the level. */
  fills: ReadonlyMap<string, string>;
  labelOf: (code: string) => AreaLabel;
  /** Written on the map element once the fills are applied (tests and the bench wait on it). */
  measureKey: string;
  selected: string | null;
  /** Areas outlined for a coherence check. */
  highlighted: readonly string[];
  /** The prefecture profile's own departments, always outlined. */
  home: readonly string[];
  regionOutlines: boolean;
  onSelect: (code: string) => void;
}

const PANES = { frames: 350, areas: 400, outlines: 450, highlight: 460, labels: 500 } as const;

const BASE_STYLE: Record<Level, L.PathOptions> = {
  department: { stroke: true, color: '#ffffff', weight: 0.7, opacity: 1, fillOpacity: 1 },
  // A region is drawn as its departments' polygons: their borders are stroked in the fill colour (no
  // hairline seams between them), the outline layer draws the region's own border on top.
  region: { stroke: true, weight: 1, opacity: 1, fillOpacity: 1 },
};

const styleOf = (level: Level, fillColor: string): L.PathOptions => ({ ...BASE_STYLE[level], fillColor, ...(level === 'region' ? { color: fillColor } : {}) });

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

type AreaLayer = L.Path & { feature: Feature<MultiPolygon, AreaProperties> };

/** Everything Leaflet draws, made once per level and restyled in place when the measure changes. */
function MapLayers(props: TerritoryMapProps) {
  const map = useMap();
  const latest = useRef(props);
  latest.current = props;
  const layers = useRef(new Map<string, AreaLayer[]>());
  const hover = useRef<L.GeoJSON | null>(null);

  // Static parts: panes and the hover outline.
  useEffect(() => {
    for (const [name, z] of Object.entries(PANES)) {
      const pane = map.getPane(name) ?? map.createPane(name);
      pane.style.zIndex = String(z);
      if (name !== 'areas') pane.style.pointerEvents = 'none';
    }
    hover.current = L.geoJSON(undefined, { pane: 'highlight', interactive: false, style: { fill: false, color: '#212529', weight: 2.5 } }).addTo(map);
    map.getContainer().setAttribute('aria-label', 'Carte : chaque zone est un bouton (Entrée ouvre ses chiffres)');
    return () => {
      hover.current?.remove();
    };
  }, [map]);

  // The inset frames and their titles (no Paris zoom at region level).
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    for (const frame of insetFrames(props.level)) {
      const [[x0, y0], [x1, y1]] = frame.box;
      L.rectangle(
        [
          [y0, x0],
          [y1, x1],
        ],
        { pane: 'frames', interactive: false, color: '#9aa5b1', weight: 1, fill: false },
      ).addTo(group);
      L.marker([y1, x0], {
        pane: 'labels',
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: classes.insetTitle, html: escape(frame.label), iconSize: undefined, iconAnchor: [0, 0] }),
      }).addTo(group);
    }
    return () => {
      group.remove();
    };
  }, [map, props.level]);

  // The areas of the level: one path per shape, focusable, with its tooltip.
  useEffect(() => {
    const byCode = new Map<string, AreaLayer[]>();
    const showHover = (code: string | null) => {
      hover.current?.clearLayers();
      if (code) for (const feature of outlineFeatures(props.level, code)) hover.current?.addData(feature);
    };
    const collection: FeatureCollection<MultiPolygon, AreaProperties> = { type: 'FeatureCollection', features: areaFeatures(props.level) };
    const areas = L.geoJSON(collection, {
      pane: 'areas',
      style: (feature) => styleOf(props.level, latest.current.fills.get(feature!.properties.code) ?? '#ffffff'),
      onEachFeature: (feature: Feature<MultiPolygon, AreaProperties>, layer) => {
        const path = layer as AreaLayer;
        const { code, place, focusable } = feature.properties;
        byCode.set(code, [...(byCode.get(code) ?? []), path]);
        path.bindTooltip(
          () => {
            const label = latest.current.labelOf(code);
            return `<strong>${escape(label.title)}</strong><br>${escape(label.value)}`;
          },
          { sticky: true, direction: 'auto', offset: [14, 0], className: classes.tooltip },
        );
        path.on({
          click: () => latest.current.onSelect(code),
          mouseover: () => showHover(code),
          mouseout: () => showHover(null),
          add: () => {
            const element = path.getElement() as SVGPathElement | undefined;
            if (!element) return;
            element.setAttribute('tabindex', focusable ? '0' : '-1');
            element.setAttribute('role', 'button');
            element.setAttribute('data-code', code);
            element.setAttribute('data-place', place);
            element.addEventListener('keydown', (event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              latest.current.onSelect(code);
            });
            element.addEventListener('focus', () => {
              showHover(code);
              path.openTooltip((path as unknown as L.Polygon).getCenter());
            });
            element.addEventListener('blur', () => {
              showHover(null);
              path.closeTooltip();
            });
          },
        });
      },
    });
    areas.addTo(map);
    layers.current = byCode;
    return () => {
      areas.remove();
      hover.current?.clearLayers();
      layers.current = new Map();
    };
  }, [map, props.level]);

  // Switching the measure: restyle the existing paths, never rebuild them.
  const { fills, labelOf, measureKey, level } = props;
  useEffect(() => {
    for (const [code, paths] of layers.current) {
      const fillColor = fills.get(code) ?? '#ffffff';
      const label = labelOf(code);
      for (const path of paths) {
        path.setStyle(styleOf(level, fillColor));
        path.getElement()?.setAttribute('aria-label', `${label.title} : ${label.value}`);
      }
    }
    map.getContainer().setAttribute('data-measure', `${level}:${measureKey}`);
  }, [map, fills, labelOf, measureKey, level]);

  // Region borders over the departments (or as the regions' own borders at region level).
  const { regionOutlines } = props;
  useEffect(() => {
    if (level === 'department' && !regionOutlines) return undefined;
    const lines = areaOutlines().map((line) => line.map(([x, y]) => L.latLng(y, x)));
    const layer = L.polyline(lines, {
      pane: 'outlines',
      interactive: false,
      color: level === 'region' ? '#ffffff' : '#343a40',
      weight: level === 'region' ? 1.6 : 1.3,
      opacity: 0.95,
    }).addTo(map);
    layer.getElement()?.setAttribute('data-outlines', level);
    return () => {
      layer.remove();
    };
  }, [map, level, regionOutlines]);

  // Selection, the check's departments and the prefecture's own ones, outlined above everything.
  const { selected, highlighted, home } = props;
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const outline = (codes: readonly string[], style: L.PathOptions, role: string) => {
      const features = codes.flatMap((code) => outlineFeatures(level, code));
      if (features.length === 0) return;
      const layer = L.geoJSON({ type: 'FeatureCollection', features } as FeatureCollection, { pane: 'highlight', interactive: false, style: { fill: false, ...style } });
      layer.addTo(group);
      layer.eachLayer((path) => (path as L.Path).getElement()?.setAttribute('data-highlight', role));
    };
    outline(level === 'department' ? home : [], { color: '#1864ab', weight: 2.5, dashArray: '5 3' }, 'home');
    outline(highlighted, { color: '#e8590c', weight: 3 }, 'check');
    outline(selected ? [selected] : [], { color: '#000000', weight: 3.2 }, 'selected');
    return () => {
      group.remove();
    };
  }, [map, level, selected, highlighted, home]);

  // Keep the whole map in view when the window or the layout resizes.
  useEffect(() => {
    const container = map.getContainer();
    const fit = () => {
      map.invalidateSize({ animate: false });
      map.fitBounds(mapExtent(), { animate: false, padding: [4, 4] });
    };
    const observer = new ResizeObserver(fit);
    observer.observe(container);
    return () => observer.disconnect();
  }, [map]);

  return null;
}

/** The choropleth: Leaflet on a plain background (no tiles, no network), in the map's own plane. */
export const TerritoryMap = forwardRef<L.Map, TerritoryMapProps>(function TerritoryMap(props, ref) {
  return (
    <MapContainer
      ref={ref}
      className={classes.map}
      crs={L.CRS.Simple}
      bounds={mapExtent()}
      boundsOptions={{ padding: [4, 4] }}
      zoomSnap={0.05}
      zoomDelta={0.5}
      minZoom={-4}
      maxZoom={4}
      zoomControl={false}
      attributionControl={false}
      scrollWheelZoom={false}
      doubleClickZoom={false}
      fadeAnimation={false}
      zoomAnimation={false}
      markerZoomAnimation={false}
    >
      <MapLayers {...props} />
    </MapContainer>
  );
});
