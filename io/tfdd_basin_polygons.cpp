#include "io/tfdd_basin_polygons.hpp"
#include "io/input_error.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <map>
#include <ogrsf_frmts.h>

namespace riparia::io {

namespace {

// The polygonal parts of a collection (MakeValid may add lines where rings touched).
OGRGeometry* polygons_of(const OGRGeometry& g) {
    auto* out = new OGRMultiPolygon;
    for (const auto* part : *g.toGeometryCollection())
        if (wkbFlatten(part->getGeometryType()) == wkbPolygon)
            out->addGeometry(part);
        else if (wkbFlatten(part->getGeometryType()) == wkbMultiPolygon)
            for (const auto* p : *part->toMultiPolygon())
                out->addGeometry(p);
    return out;
}

} // namespace

std::vector<std::unique_ptr<OGRMultiPolygon>>
read_tfdd_basin_polygons(const std::string& path, const std::vector<std::string>& codes) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds || ds->GetLayerCount() < 1)
        throw InputError(fmt::format("{}: cannot open as a vector file; expected the TFDD basin "
                                     "polygons with BCODE",
                                     path));
    OGRLayer* layer = ds->GetLayer(0);
    const int field = layer->GetLayerDefn()->GetFieldIndex("BCODE");
    if (field < 0) throw InputError(fmt::format("{}: missing attribute 'BCODE'", path));
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < codes.size(); ++i)
        index[codes[i]] = i;
    std::vector<std::unique_ptr<OGRMultiPolygon>> out(codes.size());
    for (auto& p : out)
        p = std::make_unique<OGRMultiPolygon>();
    layer->ResetReading();
    while (std::unique_ptr<OGRFeature> f{layer->GetNextFeature()}) {
        const auto it = index.find(f->GetFieldAsString(field));
        const OGRGeometry* g = f->GetGeometryRef();
        if (it == index.end() || !g) continue;
        CPLPushErrorHandler(CPLQuietErrorHandler); // IsValid reports each self-intersection
        const bool is_valid = g->IsValid();
        CPLPopErrorHandler();
        std::unique_ptr<OGRGeometry> valid(is_valid ? g->clone() : g->MakeValid());
        if (!valid) continue; // GEOS could not repair it: the basin stays empty
        std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(
            valid->getGeometryType() == wkbGeometryCollection ? polygons_of(*valid)
                                                              : valid.release()));
        if (auto* m = dynamic_cast<OGRMultiPolygon*>(multi.get())) {
            out[it->second].reset(m);
            multi.release();
        }
    }
    return out;
}

} // namespace riparia::io
