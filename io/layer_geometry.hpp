// OGR geometries for the GIS layers: the model's lon/lat polygons as OGR multipolygons, unions
// (GEOS through OGR), and a point inside a polygon to pin a label or a flag on.
#pragma once

#include "model/area_weights.hpp"

#include <memory>
#include <ogr_geometry.h>
#include <vector>

namespace riparia::io {

std::unique_ptr<OGRMultiPolygon> to_ogr(const model::MultiPolygon& polygons);

// The union of the parts (OGRGeometry::UnionCascaded), always a MultiPolygon; overlaps merge.
std::unique_ptr<OGRMultiPolygon> union_of(const std::vector<const OGRMultiPolygon*>& parts);

// A point guaranteed inside the polygon (OGRSurface::PointOnSurface), its centroid as a fallback.
std::unique_ptr<OGRPoint> inside_point(const OGRGeometry& polygon);

std::unique_ptr<OGRPoint> point(double lon_deg, double lat_deg);

} // namespace riparia::io
