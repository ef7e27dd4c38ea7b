// The model's view of a basin: plain structs, validated once when loaded.
#pragma once

#include "model/channel.hpp"
#include "model/climate.hpp"
#include "model/gr4j.hpp"
#include "model/management.hpp"
#include "model/network.hpp"
#include "model/snow.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace riparia::model {

struct GeoPoint {
    double lat_deg = 0;
    double lon_deg = 0;
};

struct Subbasin {
    std::string id;
    std::string name;
    std::string country; // ISO 3166 alpha-3
    double area_km2 = 0;
    double lat_deg = 0;
    double lon_deg = 0;
    std::optional<double> elevation_m;
    std::optional<GeoPoint> outlet; // where the sub-basin drains (for delineation from a DEM)
    Gr4jParams gr4j;
    double production_fill = 0.3; // initial production store, fraction of X1
    double routing_fill = 0.5;    // initial routing store, fraction of X3
    RoutingParams routing;        // reach from this outlet to the downstream outlet
    std::optional<SnowParams> snow;
    std::optional<MonthlyClimate> climate; // for the weather generator
};

struct Basin {
    std::string name;
    std::string description;
    std::map<std::string, double> population; // people per country (ISO 3166 alpha-3)
    int population_year = 0;
    std::vector<Subbasin> subbasins;
    Network network;
    Management management; // reservoirs, demands, environmental flows, agreements
};

} // namespace riparia::model
