#include "io/country_units.hpp"
#include "io/input_error.hpp"
#include "io/polygonize.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <mutex>
#include <ogrsf_frmts.h>

namespace riparia::io {

namespace {

struct Closer {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};

int first_field(OGRFeatureDefn& defn, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (const int k = defn.GetFieldIndex(name); k >= 0) return k;
    return -1;
}

std::unique_ptr<OGRGeometry> intersection(const OGRGeometry& a, const OGRGeometry& b) {
    std::unique_ptr<OGRGeometry> out(a.Intersection(&b));
    if (!out) { // an invalid country ring: repair it and try again
        std::unique_ptr<OGRGeometry> fixed(b.MakeValid());
        if (fixed) out.reset(a.Intersection(fixed.get()));
    }
    return out;
}

} // namespace

CountryUnits intersect_countries(const std::string& countries_path,
                                 const std::vector<std::unique_ptr<OGRMultiPolygon>>& subbasins,
                                 const UnitFilter& wanted) {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
    std::unique_ptr<GDALDataset, Closer> ds(
        GDALDataset::Open(countries_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds || ds->GetLayerCount() < 1)
        throw InputError(fmt::format("{}: cannot be read as a vector file ({}), expected country "
                                     "polygons (GeoPackage, GeoJSON, TopoJSON, Shapefile)",
                                     countries_path, CPLGetLastErrorMsg()));
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn& defn = *layer->GetLayerDefn();
    const int code = first_field(defn, {"iso_a3", "ISO_A3", "ADM0_A3", "iso_a2", "ISO_A2", "id"});
    const int name = first_field(defn, {"name_long", "NAME_LONG", "name", "NAME", "ADMIN"});
    CountryUnits out;
    if (code < 0 && layer->GetFIDColumn()[0] == '\0' && name < 0)
        throw InputError(fmt::format("{}: found no field iso_a3, iso_a2, id or name, expected a "
                                     "country code field",
                                     countries_path));
    out.code_field = code >= 0 ? defn.GetFieldDefn(code)->GetNameRef() : "name";
    for (auto& feature : *layer) {
        const OGRGeometry* country = feature->GetGeometryRef();
        if (!country) continue;
        OGREnvelope ce;
        country->getEnvelope(&ce);
        const std::string id = code >= 0 ? feature->GetFieldAsString(code) : "";
        for (std::size_t s = 0; s < subbasins.size(); ++s) {
            OGREnvelope se;
            subbasins[s]->getEnvelope(&se);
            if (subbasins[s]->IsEmpty() || !ce.Intersects(se)) continue;
            if (wanted && !wanted(s, id)) continue;
            auto piece = intersection(*subbasins[s], *country);
            if (!piece || piece->IsEmpty()) continue;
            const double km2 = spherical_area_km2(*piece);
            if (km2 <= 0) continue;
            out.units.push_back(
                {s, id, name >= 0 ? feature->GetFieldAsString(name) : "", km2, std::move(piece)});
        }
    }
    return out;
}

} // namespace riparia::io
