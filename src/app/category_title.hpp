#pragma once
// The title of a category or symbol in the UI language, taken from the style model
// (style::Symbol::title_ja / title_en), so panels, tables and result-layer names say exactly what
// the legend says.

#include <string>

#include "app/strings.hpp"
#include "core/category.hpp"
#include "style/style.hpp"

namespace caremap::app {

const std::string& symbol_title(const style::Symbol& symbol, Lang lang);

std::string category_title(core::Category category, Lang lang);

}  // namespace caremap::app
