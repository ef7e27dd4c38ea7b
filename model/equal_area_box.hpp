// The stand-in for a sub-basin without a polygon: a lon/lat box centred on the sub-basin's
// point whose spherical area is the sub-basin's area and whose north-south and east-west
// extents are equal at its centre (a "square"). An approximation: the real catchment may be
// elongated, off-centre or of another shape.
#pragma once

#include "model/area_weights.hpp"

namespace riparia::model {

// North-south side: sqrt(area) as an arc of the authalic sphere (area_weights.hpp); then the
// east-west span that gives exactly `area_km2` on the sphere, R^2 dlon (sin lat2 - sin lat1).
// Latitudes are clipped at the poles (the box then widens to keep its area); a box wider than
// 360 degrees is capped at 360 (its area is then smaller). Requires area_km2 > 0.
Polygon equal_area_box(double lat_deg, double lon_deg, double area_km2);

} // namespace riparia::model
