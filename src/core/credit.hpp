#pragma once
// Credit lines as they are shown under a "sources" heading.

#include <string>

namespace caremap::core {

/// A credit line without its own leading 「出典：」 or "Source:", for a list that already has
/// such a heading (the map's "出典:" plate, the report footer), so it does not read
/// 「出典：出典：…」. The credit keeps its wording otherwise; a lead with nothing after it is
/// kept, so a non-empty credit never becomes empty.
std::string credit_body(const std::string& credit);

}  // namespace caremap::core
