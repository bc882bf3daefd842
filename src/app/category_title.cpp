#include "app/category_title.hpp"

namespace caremap::app {

const std::string& symbol_title(const style::Symbol& symbol, Lang lang) {
  return lang == Lang::ja ? symbol.title_ja : symbol.title_en;
}

std::string category_title(core::Category category, Lang lang) {
  return symbol_title(style::default_symbol(category), lang);
}

}  // namespace caremap::app
