// The team section of the analysis panel: home help required or not, per-city table (people
// and 75+ with the whole team, the member missing most often), the members' reaches and
// offices, and what the figures stand on.

#include <imgui.h>

#include "app/modules/panel_widgets.hpp"
#include "app/modules/team/team_module.hpp"
#include "app/network_state.hpp"

namespace caremap::app {

namespace {

const char* t(Lang l, const char* ja, const char* en) {
  return l == Lang::ja ? ja : en;
}

void draw_city_table(const TeamState& s, Lang l) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  if (!ImGui::BeginTable("team_cities", 4, flags)) {
    return;
  }
  ImGui::TableSetupColumn(tr(l, Str::analysis_city));
  ImGui::TableSetupColumn(t(l, "全員", "all"));
  ImGui::TableSetupColumn(t(l, "75歳以上", "75+"));
  ImGui::TableSetupColumn(t(l, "最も不足", "missing most"));
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
      ImGui::SetTooltip("%s %.0f / 75+ %.0f", t(l, "人口", "people"), c.people, c.people_75plus);
    }
  }
  ImGui::EndTable();
}

}  // namespace

void TeamModule::draw_panel(AppState& app, ViewState& /*view*/) {
  const Lang l = app.lang;
  wrapped_quiet(t(
      l,
      "チーム全員（診療所・訪問看護・薬局・ケアマネジャー）がそれぞれの到達距離内にいる人の割合。",
      "Share of people with the whole team (clinic, visiting nurse, pharmacy, care "
      "manager) within each member's reach."));
  bool changed =
      ImGui::Checkbox(t(l, "訪問介護も必須にする", "Home help required"), &state.require_home_help);
  const bool has_network = current_network(app.network) != nullptr;
  if (!has_network) {
    state.by_road = false;
  }
  ImGui::BeginDisabled(!has_network);
  changed |= ImGui::Checkbox(t(l, "訪問看護・ケアマネ・訪問介護は道路の所要時間で",
                               "Nurse, care manager, home help by road time"),
                             &state.by_road);
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
                        t(l, "か所", "offices"), distance_text(m.reach_m).c_str(),
                        m.required ? "" : t(l, "（任意）", " (optional)"));
  }
  wrapped_quiet((std::string(t(l, "距離: ", "Distance: ")) + state.distance_basis.in(l) +
                 t(l, "。人口: ", ". People: ") + state.demand_basis.in(l) + " · " +
                 std::to_string(static_cast<int>(state.seconds * 1000.0)) + " ms")
                    .c_str());
}

}  // namespace caremap::app
