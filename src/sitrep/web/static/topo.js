// Map drawing without libraries: TopoJSON decoding and a Web Mercator projection.
// (Web Mercator so that an optional online tile layer lines up with the outlines.)
"use strict";

const Topo = (() => {
  const WORLD = 1024;            // width of the whole world in map units
  const MAX_LAT = 85.05112878;

  function project(lon, lat) {
    const la = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180;
    const x = (lon + 180) / 360 * WORLD;
    const y = (1 - Math.log(Math.tan(la) + 1 / Math.cos(la)) / Math.PI) / 2 * WORLD;
    return [x, y];
  }

  // Arcs are quantized and delta-encoded; decode them once into lon/lat pairs.
  function decodeArcs(topology) {
    const t = topology.transform;
    return topology.arcs.map(arc => {
      let x = 0, y = 0;
      return arc.map(p => {
        x += p[0]; y += p[1];
        return t ? [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] : [x, y];
      });
    });
  }

  function ringPoints(ring, arcs) {
    const pts = [];
    ring.forEach(i => {
      const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      arc.forEach((p, k) => { if (k > 0 || pts.length === 0) pts.push(p); });
    });
    return pts;
  }

  // Rings that cross the antimeridian are unwrapped (longitudes kept continuous) so they
  // do not draw a stroke across the whole map; their far end spills past the map's edge.
  function ringPath(ring, arcs) {
    let prev = null, shift = 0;
    return ringPoints(ring, arcs).map((p, k) => {
      if (prev !== null && Math.abs(p[0] - prev) > 180) shift += p[0] < prev ? 360 : -360;
      prev = p[0];
      const [x, y] = project(p[0] + shift, p[1]);
      return (k ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
    }).join("") + "Z";
  }

  // One SVG path string per country of the "countries" object.
  function countryPaths(topology) {
    const arcs = decodeArcs(topology);
    const geoms = topology.objects.countries.geometries;
    return geoms.filter(g => g.id !== "010").map(g => {  // Antarctica: no room for it
      const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      const d = polys.map(poly => poly.map(r => ringPath(r, arcs)).join("")).join("");
      return {name: (g.properties || {}).name || "", d};
    });
  }

  return {WORLD, project, countryPaths};
})();
