// The team section of the analysis panel: home help required or not, per-city table (people
// and 75+ with the whole team, the member missing most often), the members' reaches and
// offices, and what the figures stand on.

#include <imgui.h>

#include "app/modules/panel_widgets.hpp"
#include "app/modules/team/team_module.hpp"
#include "app/network_state.hpp"

namespace caremap::app {

namespace {

void draw_city_table(const TeamState& s, Lang l) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  if (!ImGui::BeginTable("team_cities", 4, flags)) {
    return;
  }
  ImGui::TableSetupColumn(tr(l, Str::analysis_city));
  ImGui::TableSetupColumn(tr(l, Str::team_all));
  ImGui::TableSetupColumn(tr(l, Str::words_75plus));
  ImGui::TableSetupColumn(tr(l, Str::team_missing_most));
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < s.cities.size(); ++i) {
    const TeamCityFigures& c = s.cities[i];
    const bool total = i + 1 == s.cities.size();
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    if (total) {
      ImGui::TextDisabled("%s", tr(l, Str::analysis_total));
    } else {
      ImGui::TextUnformatted(c.city.c_str());
    }
    ImGui::TableSetColumnIndex(1);
    ImGui::Text("%.1f %%", c.whole_team_pct);
    ImGui::TableSetColumnIndex(2);
    ImGui::Text("%.1f %%", c.whole_team_75plus_pct);
    ImGui::TableSetColumnIndex(3);
    ImGui::TextUnformatted(c.most_missing.empty() ? "–" : c.most_missing.in(l).c_str());
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s %.0f / 75+ %.0f", tr(l, Str::words_people), c.people, c.people_75plus);
    }
  }
  ImGui::EndTable();
}

}  // namespace

void TeamModule::draw_panel(AppState& app, ViewState& /*view*/) {
  const Lang l = app.lang;
  wrapped_quiet(tr(l, Str::team_intro));
  bool changed = ImGui::Checkbox(tr(l, Str::team_home_help_required), &state.require_home_help);
  const bool has_network = current_network(app.network) != nullptr;
  if (!has_network) {
    state.by_road = false;
  }
  ImGui::BeginDisabled(!has_network);
  changed |= ImGui::Checkbox(tr(l, Str::team_by_road), &state.by_road);
  ImGui::EndDisabled();
  disabled_reason(has_network, l);
  if (ImGui::Button(tr(l, Str::analysis_run))) {
    changed = true;
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(l, Str::analysis_clear))) {
    clear(app);
  }
  if (changed) {
    start_team(app);
  }
  if (app.jobs.busy(kJob)) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(l, Str::analysis_running));
  }
  if (!state.problem.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kPanelWarning);
    ImGui::TextWrapped("%s", state.problem.in(l).c_str());
    ImGui::PopStyleColor();
    return;
  }
  if (state.cities.empty()) {
    return;
  }
  draw_city_table(state, l);
  for (const TeamMemberFigures& m : state.members) {
    ImGui::TextDisabled("%s: %zu %s, %s%s", m.name.in(l).c_str(), m.offices,
                        tr(l, Str::team_offices), distance_text(m.reach_m).c_str(),
                        m.required ? "" : tr(l, Str::team_optional));
  }
  wrapped_quiet((std::string(tr(l, Str::words_distance_lead)) + state.distance_basis.in(l) +
                 tr(l, Str::words_sentence_end) + tr(l, Str::words_people_lead) +
                 state.demand_basis.in(l) + " · " +
                 std::to_string(static_cast<int>(state.seconds * 1000.0)) + " ms")
                    .c_str());
}

}  // namespace caremap::app
