#include "report/plan_report_layers.hpp"

#include <memory>

#include "core/error.hpp"

namespace caremap::report {

namespace {

void check_sizes(const analysis::Demand& demand, const plan::BackupCover& a,
                 const plan::BackupCover& b) {
  if (a.points.size() != demand.points.size() || b.points.size() != demand.points.size()) {
    throw core::ArgumentError("plan map: the covers and the demand differ in their points");
  }
}

// The state of every populated demand point from its reach before and after, by `state_of(was,
// now)`; kSkip for the unpopulated.
template <class StateOf>
std::vector<int> transition_states(const analysis::Demand& demand, const plan::BackupCover& before,
                                   const plan::BackupCover& after, StateOf state_of) {
  check_sizes(demand, before, after);
  std::vector<int> out(demand.points.size(), kSkip);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (demand.points[i].people > 0.0) {
      out[i] = state_of(before.points[i].in_reach, after.points[i].in_reach);
    }
  }
  return out;
}

}  // namespace

std::vector<int> gap_states(const analysis::Demand& demand, const plan::BackupCover& before,
                            const plan::BackupCover& after) {
  return transition_states(demand, before, after, [](std::uint32_t was, std::uint32_t now) {
    if (was == 0) {
      return now == 0 ? 0 : 1;
    }
    return now == 1 ? 2 : kSkip;
  });
}

std::vector<int> loss_states(const analysis::Demand& demand, const plan::BackupCover& before,
                             const plan::BackupCover& after) {
  return transition_states(demand, before, after, [](std::uint32_t was, std::uint32_t now) {
    if (was == 0) {
      return 2;
    }
    if (now == 0) {
      return 0;
    }
    return was >= 2 && now == 1 ? 1 : kSkip;
  });
}

std::vector<int> reach_states(const analysis::Demand& demand, const plan::BackupCover& cover) {
  check_sizes(demand, cover, cover);
  std::vector<int> out(demand.points.size(), kSkip);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (demand.points[i].people > 0.0) {
      out[i] = static_cast<int>(std::min<std::uint32_t>(cover.points[i].in_reach, 2));
    }
  }
  return out;
}

MapLayer cell_state_layer(const analysis::Demand& demand, std::span<const int> states,
                          const std::string& id, const std::string& title,
                          const std::vector<style::Rgba>& colours,
                          const std::vector<std::string>& labels, const std::string& crs,
                          const core::Provenance& provenance) {
  if (states.size() != demand.points.size() || colours.size() != 3 || labels.size() != 3) {
    throw core::ArgumentError("plan map: one state per cell and three classes");
  }
  auto l = std::make_shared<core::Layer>();
  l->id = id;
  l->title = title;
  l->category = core::Category::mesh;
  l->crs = crs;
  l->provenance = provenance;
  l->fields = {{"state", core::FieldType::integer}, {"label", core::FieldType::text}};
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (states[i] == kSkip) {
      continue;
    }
    const analysis::DemandPoint& p = demand.points[i];
    core::Feature f;
    f.geometry = p.shape;
    f.category = core::Category::mesh;
    f.values = {std::int64_t{states[i]}, p.label};
    l->features.push_back(std::move(f));
  }
  MapLayer m;
  m.layer = l;
  m.title = title;
  style::Ramp ramp;
  ramp.field = "state";
  ramp.breaks = {1.0, 2.0};
  ramp.colours = colours;
  ramp.labels = labels;
  m.style.ramp = std::move(ramp);
  return m;
}

MapLayer site_points_layer(std::span<const plan::PlanSite> sites,
                           std::span<const std::uint32_t> indices, core::Category category,
                           const std::string& id, const std::string& title,
                           std::optional<style::Rgba> colour, const std::string& crs,
                           const core::Provenance& provenance) {
  auto l = std::make_shared<core::Layer>();
  l->id = id;
  l->title = title;
  l->category = category;
  l->crs = crs;
  l->provenance = provenance;
  l->fields = {{"name", core::FieldType::text}};
  l->name_field = 0;
  for (const std::uint32_t s : indices) {
    if (s >= sites.size()) {
      throw core::ArgumentError("plan map: site index out of range");
    }
    core::Feature f;
    f.geometry = sites[s].position;
    f.category = category;
    f.values = {sites[s].name};
    l->features.push_back(std::move(f));
  }
  MapLayer m;
  m.style = style::default_layer_style(*l);
  m.style.labels = false;
  m.style.color = colour;
  m.layer = std::move(l);
  m.title = title;
  return m;
}

}  // namespace caremap::report
