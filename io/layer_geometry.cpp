#include "io/layer_geometry.hpp"

#include <ogr_api.h>
#include <stdexcept>

namespace riparia::io {

namespace {

std::unique_ptr<OGRLinearRing> to_ring(const model::Ring& ring) {
    auto out = std::make_unique<OGRLinearRing>();
    for (const model::LonLat& p : ring)
        out->addPoint(p.lon_deg, p.lat_deg);
    out->closeRings();
    return out;
}

std::unique_ptr<OGRMultiPolygon> as_multipolygon(OGRGeometry* geometry) {
    if (geometry == nullptr) return std::make_unique<OGRMultiPolygon>();
    OGRGeometry* multi = OGRGeometryFactory::forceToMultiPolygon(geometry);
    if (wkbFlatten(multi->getGeometryType()) != wkbMultiPolygon) {
        delete multi; // a collapsed union (a line or a point): no area to draw
        return std::make_unique<OGRMultiPolygon>();
    }
    return std::unique_ptr<OGRMultiPolygon>(multi->toMultiPolygon());
}

} // namespace

std::unique_ptr<OGRMultiPolygon> to_ogr(const model::MultiPolygon& polygons) {
    auto out = std::make_unique<OGRMultiPolygon>();
    for (const model::Polygon& part : polygons) {
        OGRPolygon polygon;
        polygon.addRingDirectly(to_ring(part.exterior).release());
        for (const model::Ring& hole : part.holes)
            polygon.addRingDirectly(to_ring(hole).release());
        out->addGeometry(&polygon);
    }
    return out;
}

std::unique_ptr<OGRMultiPolygon> union_of(const std::vector<const OGRMultiPolygon*>& parts) {
    OGRMultiPolygon all;
    for (const OGRMultiPolygon* part : parts)
        for (const OGRPolygon* polygon : *part)
            all.addGeometry(polygon);
    if (all.IsEmpty()) return std::make_unique<OGRMultiPolygon>();
    return as_multipolygon(all.UnionCascaded());
}

std::unique_ptr<OGRPoint> inside_point(const OGRGeometry& polygon) {
    auto p = std::make_unique<OGRPoint>();
    const OGRGeometryH handle = OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&polygon));
    OGRGeometryH on_surface = OGR_G_PointOnSurface(handle);
    if (on_surface != nullptr && !OGR_G_IsEmpty(on_surface)) {
        p->setX(OGR_G_GetX(on_surface, 0));
        p->setY(OGR_G_GetY(on_surface, 0));
    } else if (polygon.Centroid(p.get()) != OGRERR_NONE) {
        throw std::runtime_error("no point inside an empty polygon");
    }
    if (on_surface != nullptr) OGR_G_DestroyGeometry(on_surface);
    return p;
}

std::unique_ptr<OGRPoint> point(double lon_deg, double lat_deg) {
    return std::make_unique<OGRPoint>(lon_deg, lat_deg);
}

} // namespace riparia::io
