#pragma once
// Line breaking for mixed Japanese and Latin text in panels. ImGui breaks lines only at spaces
// and some punctuation, which leaves "。" alone on a line and cuts "(.osm.pbf)" in two; this
// breaks between any two Japanese characters, keeps Latin words whole (unless a word alone is
// wider than the line), and applies the basic kinsoku rules: no line starts with closing
// punctuation (。、）」…) and none ends with an opening bracket (（「…). Explicit "\n" breaks.
// Pure: the caller passes the width of a string in its font.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace caremap::app {

std::vector<std::string> wrap_text(std::string_view text, float max_width,
                                   const std::function<float(std::string_view)>& width_of);

}  // namespace caremap::app
