#include "io/layer_styles.hpp"

#include <array>
#include <fmt/format.h>

namespace riparia::io {

namespace {

constexpr std::array<const char*, 5> kClassColours = {"26,152,80", "145,207,96", "254,224,139",
                                                      "252,141,89", "165,0,38"};
constexpr std::array<const char*, 5> kClassLabels = {"1 low", "2 moderate", "3 elevated", "4 high",
                                                     "5 very high"};

std::string option(const std::string& name, const std::string& value) {
    return fmt::format("<Option type=\"QString\" name=\"{}\" value=\"{}\"/>", name, value);
}

// One symbol layer of the given class (SimpleFill, SimpleLine, SimpleMarker) in a symbol.
std::string symbol(const std::string& name, const char* type, const char* layer_class,
                   const std::string& options) {
    return fmt::format("<symbol type=\"{}\" name=\"{}\" alpha=\"1\" clip_to_extent=\"1\" "
                       "force_rhr=\"0\"><layer class=\"{}\" enabled=\"1\" pass=\"0\" "
                       "locked=\"0\"><Option type=\"Map\">{}</Option></layer></symbol>",
                       type, name, layer_class, options);
}

std::string fill_symbol(const std::string& name, const std::string& rgb) {
    return symbol(name, "fill", "SimpleFill",
                  option("color", rgb + ",255") + option("style", "solid") +
                      option("outline_color", "70,70,70,255") + option("outline_width", "0.26") +
                      option("outline_style", "solid"));
}

// geometry: 0 point, 1 line, 2 polygon (QgsWkbTypes::GeometryType).
std::string document(const std::string& renderer, int geometry) {
    return fmt::format("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
                       "<qgis version=\"3.22.0\" styleCategories=\"Symbology\">\n{}\n"
                       "<layerGeometryType>{}</layerGeometryType>\n</qgis>\n",
                       renderer, geometry);
}

std::string single(const std::string& symbol_text, int geometry) {
    return document(fmt::format("<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" "
                                "enableorderby=\"0\" forceraster=\"0\"><symbols>{}</symbols>"
                                "</renderer-v2>",
                                symbol_text),
                    geometry);
}

} // namespace

std::string class_polygon_qml(const std::string& field) {
    std::string categories, symbols;
    for (std::size_t k = 0; k < kClassColours.size(); ++k) {
        categories += fmt::format("<category symbol=\"{}\" value=\"{}\" label=\"{}\" "
                                  "render=\"true\"/>",
                                  k, k + 1, kClassLabels[k]);
        symbols += fill_symbol(std::to_string(k), kClassColours[k]);
    }
    return document(fmt::format("<renderer-v2 type=\"categorizedSymbol\" attr=\"{}\" "
                                "symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">"
                                "<categories>{}</categories><symbols>{}</symbols></renderer-v2>",
                                field, categories, symbols),
                    2);
}

std::string fill_qml(const std::string& rgb) {
    return single(fill_symbol("0", rgb), 2);
}

std::string line_qml(const std::string& rgb, double width_mm) {
    return single(symbol("0", "line", "SimpleLine",
                         option("line_color", rgb + ",255") +
                             option("line_width", fmt::format("{}", width_mm)) +
                             option("line_width_unit", "MM") + option("capstyle", "round")),
                  1);
}

std::string marker_qml(const std::string& shape, const std::string& rgb, double size_mm) {
    return single(symbol("0", "marker", "SimpleMarker",
                         option("name", shape) + option("color", rgb + ",255") +
                             option("size", fmt::format("{}", size_mm)) +
                             option("size_unit", "MM") + option("outline_color", "35,35,35,255") +
                             option("outline_width", "0.3")),
                  0);
}

} // namespace riparia::io
