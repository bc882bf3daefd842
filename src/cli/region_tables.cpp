#include "cli/region_tables.hpp"

#include "cli/text_table.hpp"
#include "core/error.hpp"

namespace caremap::cli {

namespace {

std::string category_label(const core::Layer& layer) {
  std::string label(core::to_string(layer.category));
  std::map<core::Category, std::size_t> special;
  for (const auto& f : layer.features) {
    if (f.category != layer.category) {
      ++special[f.category];
    }
  }
  for (const auto& [c, n] : special) {
    label += " (" + std::to_string(n) + " " + std::string(core::to_string(c)) + ")";
  }
  return label;
}

}  // namespace

void print_region_header(const io::Region& region, std::ostream& out) {
  const auto& p = region.project;
  out << p.title << " (" << p.id << ")\n";
  out << "  project file   " << p.file.string() << '\n';
  out << "  working CRS    " << region.working_crs.short_label();
  if (!region.working_crs.name.empty() &&
      region.working_crs.name != region.working_crs.short_label()) {
    out << "  " << region.working_crs.name;
  }
  out << '\n';
  if (!region.working_crs_reason.empty()) {
    out << "                 (" << region.working_crs_reason << ")\n";
  }
  if (!p.municipality_codes.empty()) {
    out << "  municipalities ";
    for (std::size_t i = 0; i < p.municipality_codes.size(); ++i) {
      out << (i ? ", " : "") << p.municipality_codes[i];
    }
    out << '\n';
  }
  out << "  road network   "
      << (p.roads ? p.roads->string()
                  : std::string("none loaded (travel times unavailable; see SOURCES.md)"))
      << "\n\n";
}

void print_layer_table(const io::Region& region, std::ostream& out) {
  TextTable table({"layer", "title", "category", "features", "skipped", "source"},
                  {Align::left, Align::left, Align::left, Align::right, Align::right, Align::left});
  for (const auto& l : region.layers) {
    table.add_row({l.layer->id, l.layer->title, category_label(*l.layer),
                   std::to_string(l.layer->size()), std::to_string(l.rows.skipped),
                   l.spec.source.string()});
  }
  table.print(out);
  out << '\n';
}

void print_area_counts(const analysis::AreaCounts& counts, std::ostream& out) {
  std::vector<std::string> headers{"facilities"};
  std::vector<Align> align{Align::left};
  for (const auto& a : counts.areas) {
    headers.push_back(a);
    align.push_back(Align::right);
  }
  headers.insert(headers.end(), {"outside", "total"});
  align.insert(align.end(), {Align::right, Align::right});
  TextTable table(headers, align);
  std::string previous_layer;
  for (const auto& row : counts.rows) {
    // Rows after a layer's own row are its features of a more specific category.
    const bool sub_row = row.layer_id == previous_layer;
    previous_layer = row.layer_id;
    std::vector<std::string> cells{
        sub_row ? "  of which " + std::string(core::to_string(row.category)) : row.layer_title};
    for (std::size_t n : row.per_area) {
      cells.push_back(std::to_string(n));
    }
    cells.push_back(std::to_string(row.outside));
    cells.push_back(std::to_string(row.total));
    table.add_row(std::move(cells));
  }
  table.print(out);
  out << '\n';
}

void print_credits(const io::Region& region, std::ostream& out) {
  out << "Data credits:\n";
  for (const auto& c : region.credits()) {
    out << "  " << c << '\n';
  }
}

std::vector<core::LayerPtr> facility_layers(const io::Region& region) {
  std::vector<core::LayerPtr> out;
  for (const auto& l : region.layers) {
    if (core::is_facility(l.layer->category)) {
      out.push_back(l.layer);
    }
  }
  return out;
}

const core::Layer& boundary_layer(const io::Region& region) {
  const auto b = region.boundaries();
  if (b.empty()) {
    throw core::InputError("the region has no boundary layer (category boundary)",
                           core::ErrorContext{region.project.file.string(), "", std::nullopt, ""});
  }
  return *b.front()->layer;
}

nlohmann::ordered_json region_json(const io::Region& region) {
  nlohmann::ordered_json j;
  j["id"] = region.project.id;
  j["title"] = region.project.title;
  j["project_file"] = region.project.file.string();
  j["working_crs"] = region.working_crs.definition;
  j["working_crs_reason"] = region.working_crs_reason;
  j["municipalities"] = region.project.municipality_codes;
  j["roads"] = region.project.roads ? nlohmann::ordered_json(region.project.roads->string())
                                    : nlohmann::ordered_json(nullptr);
  auto& layers = j["layers"] = nlohmann::ordered_json::array();
  for (const auto& l : region.layers) {
    nlohmann::ordered_json lj;
    lj["id"] = l.layer->id;
    lj["title"] = l.layer->title;
    lj["category"] = std::string(core::to_string(l.layer->category));
    lj["features"] = l.layer->size();
    lj["source"] = l.spec.source.string();
    lj["data_date"] = l.spec.data_date;
    lj["credit"] = l.spec.credit;
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& [code, n] : l.diagnostics.counts_by_code()) {
      counts[code] = n;
    }
    lj["diagnostics"] = counts;
    layers.push_back(std::move(lj));
  }
  return j;
}

nlohmann::ordered_json area_counts_json(const analysis::AreaCounts& counts) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (const auto& row : counts.rows) {
    nlohmann::ordered_json r;
    r["layer"] = row.layer_id;
    r["category"] = std::string(core::to_string(row.category));
    nlohmann::ordered_json per = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < counts.areas.size(); ++i) {
      per[counts.areas[i]] = row.per_area[i];
    }
    r["per_area"] = per;
    r["outside"] = row.outside;
    r["total"] = row.total;
    j.push_back(std::move(r));
  }
  return j;
}

}  // namespace caremap::cli
