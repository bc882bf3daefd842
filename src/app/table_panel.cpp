#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <numeric>

#include "app/hasher.hpp"
#include "app/panels.hpp"
#include "app/text_search.hpp"

namespace caremap::app {

namespace {

// Rows of the table after search and sort: O(n log n) for a layer of n features, a few
// milliseconds for the national layers, so the panel keeps them until something changes.
std::vector<std::uint32_t> visible_rows(const core::Layer& layer, const TableState& t) {
  const std::string needle = normalize_for_search(t.search);
  std::vector<std::uint32_t> rows;
  rows.reserve(layer.size());
  for (std::uint32_t i = 0; i < layer.size(); ++i) {
    if (needle.empty()) {
      rows.push_back(i);
      continue;
    }
    for (const core::FieldValue& v : layer.features[i].values) {
      if (search_matches_normalized(core::to_text(v), needle)) {
        rows.push_back(i);
        break;
      }
    }
  }
  if (t.sort_column >= 0 && static_cast<std::size_t>(t.sort_column) < layer.fields.size()) {
    const auto c = static_cast<std::size_t>(t.sort_column);
    // Numbers compare as numbers (a text column of codes or capacities sorts 9 before 10).
    auto compare = [&](std::uint32_t a, std::uint32_t b) {
      const core::FieldValue& va = layer.features[a].values[c];
      const core::FieldValue& vb = layer.features[b].values[c];
      const auto na = core::to_number(va);
      const auto nb = core::to_number(vb);
      if (na && nb) {
        return *na < *nb ? -1 : (*na > *nb ? 1 : 0);
      }
      return core::to_text(va).compare(core::to_text(vb));
    };
    std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
      const int cmp = compare(a, b);
      return t.ascending ? cmp < 0 : cmp > 0;
    });
  }
  return rows;
}

}  // namespace

void draw_table_panel(AppState& app, ViewState& view, const PanelLayout& layout) {
  if (!view.show_table) {
    return;
  }
  const Lang l = app.lang;
  ImGui::SetNextWindowPos(ImVec2(view.map_rect.x, view.window_h - layout.status_h - layout.table_h),
                          ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(view.map_rect.width, layout.table_h), ImGuiCond_Always);
  bool open = true;
  ImGui::Begin(tr(l, Str::panel_table), &open,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  if (!open) {
    view.show_table = false;
  }
  LayerEntry* e = find_layer(app, view.table.layer_uid);
  if (e == nullptr || !e->layer) {
    for (LayerEntry& candidate : app.layers) {
      if (candidate.layer) {
        e = &candidate;
        view.table.layer_uid = candidate.uid;
      }
    }
  }
  if (e == nullptr) {
    ImGui::TextDisabled("%s", tr(l, Str::table_no_layer));
    ImGui::End();
    return;
  }
  ImGui::SetNextItemWidth(260);
  if (ImGui::BeginCombo(tr(l, Str::table_layer), e->title.c_str())) {
    for (LayerEntry& c : app.layers) {
      if (c.layer && ImGui::Selectable(c.title.c_str(), c.uid == e->uid)) {
        view.table.layer_uid = c.uid;
        view.table.sort_column = -1;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(300);
  ImGui::InputTextWithHint("##search", tr(l, Str::table_search), &view.table.search);
  const core::Layer& layer = *e->layer;
  Hasher key;
  key.value(render_key(*e));
  key.value(view.table.sort_column);
  key.value(view.table.ascending);
  key.bytes(view.table.search.data(), view.table.search.size());
  if (!view.table.cached_rows_valid || view.table.cached_rows_key != key.digest()) {
    view.table.cached_rows = visible_rows(layer, view.table);
    view.table.cached_rows_key = key.digest();
    view.table.cached_rows_valid = true;
  }
  const std::vector<std::uint32_t>& rows = view.table.cached_rows;
  ImGui::SameLine();
  ImGui::TextDisabled("%zu / %zu %s", rows.size(), layer.size(), tr(l, Str::table_rows));

  const int columns = static_cast<int>(std::min<std::size_t>(layer.fields.size() + 1, 63));
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("features", columns, flags)) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_DefaultSort, 0.0f, 0);
    for (int c = 1; c < columns; ++c) {
      ImGui::TableSetupColumn(layer.fields[static_cast<std::size_t>(c - 1)].name.c_str(),
                              ImGuiTableColumnFlags_WidthFixed, 0.0f, static_cast<ImGuiID>(c));
    }
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
      if (specs->SpecsCount > 0) {
        view.table.sort_column = static_cast<int>(specs->Specs[0].ColumnUserID) - 1;
        view.table.ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
      }
      specs->SpecsDirty = false;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const std::uint32_t fid = rows[static_cast<std::size_t>(r)];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        const bool selected = app.selection && app.selection->layer_uid == e->uid &&
                              app.selection->feature.value == fid;
        char id[32];
        std::snprintf(id, sizeof id, "%u", fid + 1);
        if (ImGui::Selectable(id, selected, ImGuiSelectableFlags_SpanAllColumns)) {
          app.selection = Selection{e->uid, core::FeatureId{fid}};
          view.show_inspector = true;
          centre_on_selection(app, view);
        }
        for (int c = 1; c < columns; ++c) {
          ImGui::TableSetColumnIndex(c);
          const auto& values = layer.features[fid].values;
          const auto fc = static_cast<std::size_t>(c - 1);
          if (fc < values.size()) {
            ImGui::TextUnformatted(core::to_text(values[fc]).c_str());
          }
        }
      }
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace caremap::app
