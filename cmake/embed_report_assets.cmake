# Turns the report's page, stylesheet and script (report/) into a C++ header of string constants,
# so report.html is written by the executable with no file to find at run time.
#   cmake -DASSET_DIR=<dir> -DOUTPUT=<header> -P embed_report_assets.cmake
set(header "// Generated from ${ASSET_DIR} by cmake/embed_report_assets.cmake; do not edit.\n")
string(APPEND header "#pragma once\n#include <string_view>\nnamespace riparia::app::report_assets {\n")
foreach(pair "report.html:kPage" "report.css:kStyle" "report.js:kScript")
  string(REPLACE ":" ";" parts "${pair}")
  list(GET parts 0 file)
  list(GET parts 1 name)
  file(READ "${ASSET_DIR}/${file}" text)
  string(FIND "${text}" ")riparia_asset\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${ASSET_DIR}/${file} contains the raw-string delimiter )riparia_asset\"")
  endif()
  string(APPEND header "inline constexpr std::string_view ${name} = R\"riparia_asset(${text})riparia_asset\";\n")
endforeach()
string(APPEND header "} // namespace riparia::app::report_assets\n")
file(WRITE "${OUTPUT}.tmp" "${header}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
