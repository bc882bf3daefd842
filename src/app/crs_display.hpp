#pragma once
// The working CRS as the status bar and messages show it: "EPSG:6670" as is, a fitted PROJ
// string ("+proj=lcc +lat_0=34.87 ...", chosen for national data) as its projection and
// "chosen for the data" ("LCC (データから選んだ投影)"), so a one-line status bar stays readable.
// The full definition stays in AppState::working_crs (shown as a tooltip).

#include <string>
#include <string_view>

#include "app/strings.hpp"

namespace caremap::app {

std::string crs_display(std::string_view definition, Lang lang);

}  // namespace caremap::app
