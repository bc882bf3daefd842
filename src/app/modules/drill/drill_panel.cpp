// The drill section of the network tab: the scenario, the timeline slider, the after-action
// summary of the inject shown and what changed since the one before, the hospitals with their
// load and an editable free-bed count, and the patients not placed with the reason.

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/modules/drill/drill_module.hpp"
#include "app/modules/panel_widgets.hpp"

namespace caremap::app {

namespace {

std::string hospital_list(const drill::Scenario& s, const std::vector<std::uint32_t>& which,
                          Lang l) {
  if (which.empty()) {
    return tr(l, Str::drill_none);
  }
  std::string out;
  for (std::uint32_t h : which) {
    out += (out.empty() ? "" : tr(l, Str::words_list_separator)) + s.hospitals[h].name;
  }
  return out;
}

template <class... Args>
void wrapped(Lang l, Str format, Args... args) {
  char text[1024];
  std::snprintf(text, sizeof text, tr(l, format), args...);
  ImGui::TextWrapped("%s", text);
}

void summary(const drill::Scenario& s, const drill::InjectResult& r, bool first, Lang l) {
  const drill::InjectSummary& m = r.summary;
  wrapped(l, Str::drill_summary_placed, m.placed, m.not_placed, m.bed_patients);
  wrapped(l, Str::drill_summary_time, m.mean_time_s / 60.0, m.max_time_s / 60.0);
  wrapped(l, Str::drill_summary_shelter, m.sheltered, m.shelter_patients, m.backup_beds_in_use);
  wrapped(l, Str::drill_above_80, hospital_list(s, m.above_80_percent, l).c_str());
  if (!first) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr(l, Str::drill_change_title));
    wrapped(l, Str::drill_change, r.change.moved.size(), r.change.time_added_s / 60.0);
    wrapped(l, Str::drill_now_full, hospital_list(s, r.change.hospitals_now_full, l).c_str());
  }
}

// Returns true when a free-bed count was changed. The count shown is the one in force at this
// inject; a change is recorded at this inject and holds from it on.
bool hospital_table(DrillModuleState& st, const drill::InjectResult& r, Lang l) {
  const drill::Scenario& s = *st.scenario;
  bool changed = false;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("drill_hospitals", 3, flags)) {
    return false;
  }
  ImGui::TableSetupColumn(tr(l, Str::drill_hospital), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr(l, Str::drill_load_capacity), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(tr(l, Str::drill_free_beds), ImGuiTableColumnFlags_WidthFixed, 80.0f);
  ImGui::TableHeadersRow();
  for (std::size_t h = 0; h < s.hospitals.size() && h < r.hospitals.size(); ++h) {
    const drill::HospitalLoad& load = r.hospitals[h];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(s.hospitals[h].name.c_str());
    ImGui::TableSetColumnIndex(1);
    // "8/10", with 被災 / 停電 / 満床 as on the map label.
    const std::string label = drill::hospital_label("", load, l).substr(1);
    if (load.share() > 0.8 || load.damaged || load.no_power) {
      ImGui::TextColored(kPanelWarning, "%s", label.c_str());
    } else {
      ImGui::TextUnformatted(label.c_str());
    }
    ImGui::TableSetColumnIndex(2);
    ImGui::PushID(static_cast<int>(h));
    ImGui::SetNextItemWidth(80);
    const std::size_t k = static_cast<std::size_t>(std::max(0, st.inject));
    const bool edited = drill::bed_edit_at(st.bed_edits, k, h).has_value();
    if (edited) {  // the leader's own number, told from the file's
      ImGui::PushStyleColor(ImGuiCol_FrameBg, kPanelEditedField);
    }
    int beds = load.free_beds;
    if (ImGui::InputInt("##free", &beds)) {
      drill::set_bed_edit(st.bed_edits, {k, h, std::max(0, beds)});
      changed = true;
    }
    if (edited) {
      ImGui::PopStyleColor();
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  return changed;
}

void not_placed(const drill::Scenario& s, const drill::InjectResult& r, Lang l) {
  if (r.summary.not_placed == 0) {
    return;
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr(l, Str::drill_not_placed_title));
  for (std::size_t i = 0; i < s.patients.size(); ++i) {
    const drill::PatientOutcome& o = r.patients[i];
    if (o.placed() || !o.not_placed || s.patients[i].wants_shelter) {
      continue;
    }
    ImGui::TextColored(kPanelWarning, "%s", s.patients[i].id.c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s", drill::describe(*o.not_placed).in(l).c_str());
  }
}

}  // namespace

void DrillModule::draw_panel(AppState& app, ViewState& /*view*/) {
  const Lang l = app.lang;
  DrillModuleState& s = state;
  ImGui::PushID("drill");
  if (s.path.empty()) {
    s.path = default_drill_path(app.region_id).string();
  }
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize(tr(l, Str::drill_file)).x - 8);
  ImGui::InputText(tr(l, Str::drill_file), &s.path);
  ImGui::BeginDisabled(s.loading);
  if (ImGui::Button(tr(l, Str::drill_load))) {
    start_load_drill(app, s.path);
  }
  ImGui::EndDisabled();
  if (s.loading || s.solving) {
    ImGui::SameLine();
    wrapped_quiet(tr(l, s.loading ? Str::drill_loading : Str::drill_solving));
  }
  if (!s.note.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kPanelWarning);
    ImGui::TextWrapped("%s", s.note.c_str());
    ImGui::PopStyleColor();
  }
  if (s.result && s.scenario && !s.result->injects.empty()) {
    const drill::Scenario& sc = *s.scenario;
    const drill::DrillResult& res = *s.result;
    ImGui::TextWrapped("%s", sc.title.c_str());
    if (sc.drill_data) {
      ImGui::PushStyleColor(ImGuiCol_Text, kPanelWarning);
      ImGui::TextWrapped("%s", tr(l, Str::drill_data_note));
      ImGui::PopStyleColor();
    }
    wrapped(l, Str::drill_times_by, res.basis.in(l).c_str());
    draw_report_section(app, s.report, kDrillReportJob, "drill", start_drill_report);
    const int last = static_cast<int>(res.injects.size()) - 1;
    int k = std::clamp(s.inject, 0, last);
    const drill::InjectResult& r = res.injects[static_cast<std::size_t>(k)];
    char format[64];
    std::snprintf(format, sizeof format, tr(l, Str::drill_inject_format),
                  static_cast<int>(std::lround(r.state.t_min)));
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize(tr(l, Str::drill_inject)).x - 8);
    if (ImGui::SliderInt(tr(l, Str::drill_inject), &k, 0, last, format,
                         ImGuiSliderFlags_AlwaysClamp) &&
        k != s.inject) {
      show_drill_inject(app, k);
    }
    ImGui::TextWrapped("%s", r.state.title.c_str());
    summary(sc, res.injects[static_cast<std::size_t>(s.inject)], s.inject == 0, l);
    ImGui::Separator();
    if (hospital_table(s, res.injects[static_cast<std::size_t>(s.inject)], l)) {
      start_drill_solve(app);
    }
    wrapped_quiet(tr(l, Str::drill_edit_hint));
    wrapped_quiet(tr(l, Str::drill_inspector_hint));
    not_placed(sc, res.injects[static_cast<std::size_t>(s.inject)], l);
  }
  ImGui::PopID();
}

}  // namespace caremap::app
