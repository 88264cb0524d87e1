#!/usr/bin/env bash
# Vendor the dashboard's JavaScript libraries and map data from the npm registry, at pinned versions,
# into src/hadath/api/static/vendor/ with their licences. Run at build time only: the dashboard never
# loads anything from a CDN. Re-run after changing a version below, then commit the vendor folder.
#   echarts          6.1.0  Apache-2.0  charts (timeline, stacked bars), the actor network (graph series), the map
#   topojson-client  3.1.0  ISC         turns world-atlas TopoJSON into GeoJSON for the map
#   world-atlas      2.0.2  ISC         Natural Earth 1:110m country borders (public domain data) as TopoJSON
#   swagger-ui-dist  5.35.0 Apache-2.0  the OpenAPI page at /docs (FastAPI's default loads it from a CDN)
set -euo pipefail

ECHARTS=6.1.0
TOPOJSON_CLIENT=3.1.0
WORLD_ATLAS=2.0.2
SWAGGER_UI=5.35.0

here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/hadath/api/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
for pkg in "echarts@$ECHARTS" "topojson-client@$TOPOJSON_CLIENT" "world-atlas@$WORLD_ATLAS" "swagger-ui-dist@$SWAGGER_UI"; do
  npm pack --silent "$pkg" >/dev/null
done
for tarball in *.tgz; do
  name="${tarball%-*.tgz}"
  mkdir -p "$name" && tar -xzf "$tarball" -C "$name" --strip-components=1
done

mkdir -p "$dest"
cp echarts/dist/echarts.min.js "$dest/echarts.min.js"
cp echarts/LICENSE "$dest/LICENSE.echarts.txt"
cp echarts/NOTICE "$dest/NOTICE.echarts.txt"
cp topojson-client/dist/topojson-client.min.js "$dest/topojson-client.min.js"
cp topojson-client/LICENSE "$dest/LICENSE.topojson-client.txt"
cp world-atlas/countries-110m.json "$dest/countries-110m.json"
cp world-atlas/LICENSE "$dest/LICENSE.world-atlas.txt"
cp swagger-ui-dist/swagger-ui-bundle.js swagger-ui-dist/swagger-ui.css "$dest/"
cp swagger-ui-dist/LICENSE "$dest/LICENSE.swagger-ui.txt"
cat > "$dest/VERSIONS.txt" <<VERSIONS
echarts $ECHARTS Apache-2.0 https://www.npmjs.com/package/echarts
topojson-client $TOPOJSON_CLIENT ISC https://www.npmjs.com/package/topojson-client
world-atlas $WORLD_ATLAS ISC (data: Natural Earth, public domain) https://www.npmjs.com/package/world-atlas
swagger-ui-dist $SWAGGER_UI Apache-2.0 https://www.npmjs.com/package/swagger-ui-dist
VERSIONS
echo "vendored into $dest:" && ls -la "$dest"
