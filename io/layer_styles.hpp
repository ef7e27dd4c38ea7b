// QGIS styles (QML) for the GIS layers, stored in the GeoPackage's layer_styles table and beside
// exported files (NAME.qml), so the layers open coloured in QGIS.
#pragma once

#include <string>

namespace riparia::io {

// Polygons coloured by the integer field `field` holding the stress class 1..5, green to dark
// red (ColorBrewer RdYlGn, 5 classes, reversed: Harrower & Brewer 2003, Cartographic J. 40:27).
std::string class_polygon_qml(const std::string& field);
// One symbol for every feature of a layer.
std::string fill_qml(const std::string& rgb);                  // polygons
std::string line_qml(const std::string& rgb, double width_mm); // lines
std::string marker_qml(const std::string& shape, const std::string& rgb, double size_mm); // points

} // namespace riparia::io
