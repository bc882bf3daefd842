#pragma once
// Credit lines as they are shown under a "sources" heading.

#include <string>
#include <vector>

namespace caremap::core {

/// A credit line without its own leading 「出典：」 or "Source:", for a list that already has
/// such a heading (the map's "出典:" plate, the report footer), so it does not read
/// 「出典：出典：…」. The credit keeps its wording otherwise; a lead with nothing after it is
/// kept, so a non-empty credit never becomes empty.
std::string credit_body(const std::string& credit);

/// Appends to `credits` each part of `credit` it does not hold yet, in order. A credit may join
/// several sources with "; " (the clinics': "厚生労働省 医療情報ネット; 位置参照情報: Geolonia
/// (CC BY 4.0)"), and the hospitals' credit is the first of them alone: compared whole, a list
/// gathered from both named the ministry twice. Parts are compared by their credit_body, so
/// 「出典：X」 and 「X」 are one source. Empty credits add nothing. Every place that gathers the
/// credit lines to show (report footers, the viewer's plate, the CLI's region summary) adds
/// them through this.
void add_credit(std::vector<std::string>& credits, const std::string& credit);

}  // namespace caremap::core
