#pragma once
// Inside the plan report (plan_report.hpp): what its pages share and one function per page
// group, so each file holds one part of the handout. Not for use outside src/report.

#include <optional>
#include <string>
#include <vector>

#include "report/document.hpp"
#include "report/plan_report.hpp"
#include "report/report_parts.hpp"

namespace caremap::report::plan_pages {

/// The inputs with the texts and figures every page uses.
struct Context {
  const PlanReportInputs& in;
  Tr tr;
  /// The data the figures stand on: the inputs of the layers the sites came from and of the
  /// people (the provenance may list every facility layer of the region).
  std::vector<core::SourceRef> inputs;
  core::Provenance provenance;       ///< the plan's, with those inputs: for the map layers
  std::vector<std::string> credits;  ///< of the figures: sites, people, roads (times)
  core::Box extent;                  ///< the region's mainland and near islands
  std::vector<std::uint32_t> all_sites;

  explicit Context(const PlanReportInputs& inputs);

  /// "20分以内" / "within 20 min".
  std::string reach() const;
  /// A cost in the reach's unit: "12.3 分" / "12.3 min", "4.2 km"; "–" when unreachable.
  std::string cost(double seconds_or_metres) const;
  std::string minutes(double seconds) const;
  std::string km(double metres) const;
  /// "宗像市 503064134" for a candidate: the city and mesh of its demand point.
  std::string candidate_name(std::uint32_t candidate) const;
  /// The base of every map: the cities and the roads.
  MapBlock base_map(std::string caption, const core::Box& extent) const;
  /// The existing sites as points (the open ones: all but `closed`).
  MapLayer sites_layer(const std::vector<std::uint32_t>& closed = {}) const;
  /// A page with the figures' credits.
  Page page(std::string heading) const;
};

Page summary_page(const Context& c);
/// Where to add a site: nullopt without a solution.
std::optional<Page> location_page(const Context& c);
/// N-1: the ranking (table and bars) and the worst closure on a map, on one page when the
/// ranking is short, else on two; none when no single closure costs anyone cover or backup.
std::vector<Page> n_minus_one_pages(const Context& c);
std::vector<Page> backup_pages(const Context& c);
/// 2SFCA accessibility: nullopt without PlanReportInputs::access.
std::optional<Page> access_page(const Context& c);
Page conditions_page(const Context& c);

}  // namespace caremap::report::plan_pages
