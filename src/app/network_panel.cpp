// The road-network tab of the analysis panel: the network's state (or why there is none and how
// to get one), then the section of every network module (travel-time nearest, service areas,
// closures). Every travel-time action is disabled without a network, with the reason beside it.

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>
#include <utility>

#include "analysis/network_sites.hpp"
#include "app/modules/analysis_module.hpp"
#include "app/modules/panel_widgets.hpp"
#include "app/network_jobs.hpp"
#include "app/panels.hpp"
#include "routing/road_network.hpp"

namespace caremap::app {

namespace {

void draw_status(AppState& app, ViewState& view, Lang l) {
  NetworkState& n = app.network;
  const LoadedNetwork* net = current_network(n);
  if (net != nullptr) {
    ImGui::TextColored(kPanelActive, "%s", tr(l, Str::net_loaded));
    ImGui::SameLine();
    ImGui::TextUnformatted(net->source.filename().string().c_str());
    ImGui::TextDisabled("%s · %zu %s · %zu %s · %s %.1f s", to_string(n.profile), net->nodes,
                        tr(l, Str::net_nodes), net->segments, tr(l, Str::net_segments),
                        tr(l, net->from_cache ? Str::net_from_cache : Str::net_built),
                        net->seconds);
    // How the graph hangs together, the same whether built now or read from its cache (the
    // cache keeps a line layer's joining statistics): what `caremap network build` reports.
    ImGui::TextDisabled("%s %zu · %s %zu", tr(l, Str::net_components), net->components,
                        tr(l, Str::net_dead_ends), net->dead_ends);
    if (net->line_layer) {
      const routing::LineGraphStats& ls = net->network->graph().info().line_stats;
      ImGui::TextDisabled("%s %zu · %s %zu", tr(l, Str::net_merged_vertices), ls.merged_vertices,
                          tr(l, Str::net_t_junctions), ls.t_junctions);
    }
    // What every travel time of this tab stands on (a trunk-road layer says so here too).
    wrapped_quiet(analysis::network_distance_basis(*net->network).in(l).c_str());
  } else if (n.loading) {
    ImGui::TextColored(kPanelActive, "%s", tr(l, Str::net_loading));
    ImGui::SameLine();
    ImGui::TextUnformatted(n.requested.filename().string().c_str());
    for (const JobStatus& s : app.jobs.status()) {
      if (s.running && s.key == kJobNetworkLoad) {
        ImGui::ProgressBar(static_cast<float>(s.fraction), ImVec2(-1, 0));
      }
    }
  } else {
    ImGui::TextColored(kPanelWarning, "%s", tr(l, Str::net_missing));
    if (!n.error.empty()) {
      text_wrapped(n.error.c_str());
    } else if (!n.region_roads) {
      char text[512];
      std::snprintf(text, sizeof text, tr(l, Str::net_missing_reason),
                    app.region_name.empty() ? "-" : app.region_name.c_str());
      text_wrapped(text);
    }
    wrapped_quiet(tr(l, Str::net_missing_how));
  }
  ImGui::SetNextItemWidth(-60);
  const bool entered = ImGui::InputTextWithHint("##osm", tr(l, Str::net_osm_hint), &view.osm_path,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button(tr(l, Str::net_load)) || entered) && !view.osm_path.empty()) {
    start_load_network(app, view.osm_path);
  }
  ImGui::TextUnformatted(tr(l, Str::net_profile));
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(l, Str::net_car), n.profile == TravelProfile::car)) {
    set_profile(app, TravelProfile::car);
  }
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(l, Str::net_walking), n.profile == TravelProfile::walking)) {
    set_profile(app, TravelProfile::walking);
  }
}

}  // namespace

void draw_network_tab(AppState& app, ViewState& view) {
  const Lang l = app.lang;
  draw_status(app, view, l);
  ImGui::Spacing();
  draw_module_sections(app, view, ModuleTab::network);
}

}  // namespace caremap::app
